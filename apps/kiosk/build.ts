/**
 * Bundles the kiosk shell: main → dist/main.cjs, preload → dist/preload.cjs. Run with `tsx apps/kiosk/build.ts`.
 */
import { fileURLToPath } from 'node:url';
import { bundleShell } from '@giliran/desktop-shell/build/bundle-shell.ts';
import type { Plugin } from 'esbuild';

/**
 * `@giliran/printing` also renders PNG previews with @resvg/resvg-js, a native module per OS and CPU. The
 * kiosk prints but never previews, so the module is replaced by a stub instead of being shipped for each
 * target: the printing library then loads on any machine the kiosk is packaged for.
 */
const STUBBED_NATIVE = /^@resvg\/resvg-js$/;
const stubNativeModules: Plugin = {
  name: 'kiosk-stub-native-modules',
  setup(plugin) {
    plugin.onResolve({ filter: STUBBED_NATIVE }, (args) => ({ path: args.path, namespace: 'kiosk-stub' }));
    plugin.onLoad({ filter: /.*/, namespace: 'kiosk-stub' }, (args) => ({
      loader: 'js',
      contents: `export function renderAsync() { throw new Error(${JSON.stringify(`${args.path} is not part of the kiosk build`)}); }`,
    }));
  },
};

await bundleShell({ appDir: fileURLToPath(new URL('.', import.meta.url)), plugins: [stubNativeModules] });
