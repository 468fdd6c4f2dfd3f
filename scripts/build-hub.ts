/**
 * Bundles the hub for production: apps/hub/src/main.ts → dist/hub/main.js (ES module) with its source map, and
 * its host processes' files beside it (export-host.js, speech-host.js),
 * so a hall's hub PC runs plain `node` instead of compiling TypeScript through tsx at every start.
 * Run with `npm run build:hub`; start with `npm run start:prod` (or `node --enable-source-maps dist/hub/main.js`).
 *
 * Left outside the bundle, loaded from node_modules at run time:
 * - better-sqlite3 and @resvg/resvg-js: native modules, built or downloaded for the PC by `npm ci`;
 * - pdfkit: reads its standard fonts from files beside its own code (`__dirname`);
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HUB_EXTERNALS = ['better-sqlite3', '@resvg/resvg-js', 'pdfkit'];
const OUT_DIR = `${ROOT}dist/hub`;

await rm(OUT_DIR, { recursive: true, force: true });
await build({
  // The host processes' files are entries of their own beside main.js (background-process.ts, hostUrl).
  entryPoints: {
    main: `${ROOT}apps/hub/src/main.ts`,
    'export-host': `${ROOT}apps/hub/src/reports/export-host.ts`,
    'speech-host': `${ROOT}apps/hub/src/speech/speech-host.ts`,
  },
  outdir: OUT_DIR,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: HUB_EXTERNALS,
  // CommonJS packages inside an ES module bundle still call require() for Node's own modules.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'info',
  metafile: false,
});
