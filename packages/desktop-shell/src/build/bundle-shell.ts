/**
 * Bundles one Electron shell: src/main/main.ts → dist/main.cjs, src/preload/preload.ts → dist/preload.cjs.
 *
 * Everything but Electron is bundled, so the packaged app needs no node_modules: the workspace packages are
 * TypeScript sources, and a sandboxed preload could not `require` them anyway.
 */
import { rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';

export interface ShellBundleOptions {
  /** The app folder (holding src/ and package.json); dist/ is written there. */
  readonly appDir: string;
  readonly plugins?: readonly Plugin[];
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** A package left outside the bundle would be missing from the installed app: fail the build, not the app. */
function requireOnly(metafile: Metafile | undefined, allowed: (path: string) => boolean): void {
  for (const [file, output] of Object.entries(metafile?.outputs ?? {})) {
    const missing = output.imports.filter(({ external, path }) => external && !allowed(path));
    if (missing.length > 0) {
      throw new Error(`${file} would require ${missing.map(({ path }) => path).join(', ')} at run time`);
    }
  }
}

export async function bundleShell(options: ShellBundleOptions): Promise<void> {
  const outdir = join(options.appDir, 'dist');
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // Electron 41 embeds a newer Node; this only sets the syntax the bundle may use.
    target: 'node22',
    // Loaded by Electron itself, never from disk.
    external: ['electron'],
    plugins: [...(options.plugins ?? [])],
    metafile: true,
    logLevel: 'info',
  };
  await rm(outdir, { recursive: true, force: true });

  const main = await build({
    ...common,
    entryPoints: [join(options.appDir, 'src', 'main', 'main.ts')],
    outfile: join(outdir, 'main.cjs'),
  });
  requireOnly(main.metafile, (path) => path === 'electron' || NODE_BUILTINS.has(path));

  const preload = await build({
    ...common,
    entryPoints: [join(options.appDir, 'src', 'preload', 'preload.ts')],
    outfile: join(outdir, 'preload.cjs'),
  });
  // A sandboxed preload gets `electron` and nothing else worth relying on.
  requireOnly(preload.metafile, (path) => path === 'electron');
}
