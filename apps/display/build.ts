/**
 * Bundles the display shell: main → dist/main.cjs, preload → dist/preload.cjs. Run with `tsx apps/display/build.ts`.
 * Speech engines run programs (espeak-ng, PowerShell or macOS `say` through the bundled `say` package): nothing native.
 */
import { fileURLToPath } from 'node:url';
import { bundleShell } from '@giliran/desktop-shell/build/bundle-shell.ts';

await bundleShell({ appDir: fileURLToPath(new URL('.', import.meta.url)) });
