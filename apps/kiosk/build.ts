/**
 * Bundles the kiosk shell: main → dist/main.cjs, preload → dist/preload.cjs. Run with `tsx apps/kiosk/build.ts`.
 *
 * Everything but Electron is bundled, so the packaged app needs no node_modules: the workspace packages are
 * TypeScript sources, and a sandboxed preload could not `require` them anyway.
 */
import { rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const outdir = here('./dist');

// Loaded by Electron itself, never from disk.
const EXTERNAL = ['electron'];

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

const shared: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron 41 embeds a newer Node; this only sets the syntax the bundle may use.
  target: 'node22',
  external: EXTERNAL,
  plugins: [stubNativeModules],
  metafile: true,
  logLevel: 'info',
};

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** A package left outside the bundle would be missing from the installed kiosk: fail the build, not a print. */
function checkExternals(metafile: Metafile, allowed: (path: string) => boolean): void {
  for (const [file, output] of Object.entries(metafile.outputs)) {
    const stray = output.imports.filter((entry) => entry.external && !allowed(entry.path));
    if (stray.length > 0) {
      throw new Error(`${file} requires ${stray.map((entry) => entry.path).join(', ')} at run time`);
    }
  }
}

await rm(outdir, { recursive: true, force: true });

const main = await build({
  ...shared,
  entryPoints: [here('./src/main/main.ts')],
  outfile: `${outdir}/main.cjs`,
});
checkExternals(
  main.metafile ?? { inputs: {}, outputs: {} },
  (path) => EXTERNAL.includes(path) || builtins.has(path),
);

const preload = await build({
  ...shared,
  entryPoints: [here('./src/preload/preload.ts')],
  outfile: `${outdir}/preload.cjs`,
});
// A sandboxed preload gets `electron` and nothing else worth relying on.
checkExternals(preload.metafile ?? { inputs: {}, outputs: {} }, (path) => path === 'electron');
