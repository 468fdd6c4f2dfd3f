/**
 * Bundles the display shell: main → dist/main.cjs, preload → dist/preload.cjs. Run with `tsx apps/display/build.ts`.
 * Speech engines run programs (espeak-ng) or load the optional `say` package at run time: nothing native is bundled.
 */
import { fileURLToPath } from 'node:url';
import { bundleShell } from '@giliran/desktop-shell/build/bundle-shell.ts';

await bundleShell({ appDir: fileURLToPath(new URL('.', import.meta.url)) });
