/**
 * Bundles the counter shell: main → dist/main.cjs, preload → dist/preload.cjs. Run with `tsx apps/counter/build.ts`.
 * Nothing native: the shell only opens the hub's page and forwards global shortcuts to it.
 */
import { fileURLToPath } from 'node:url';
import { bundleShell } from '@giliran/desktop-shell/build/bundle-shell.ts';

await bundleShell({ appDir: fileURLToPath(new URL('.', import.meta.url)) });
