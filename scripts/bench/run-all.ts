// `npm run bench`: runs every bench in its own child process (so one bench's heap, JIT or crash does not
// colour the next), then prints one table of figures beside the baselines measured in the same run,
// and PASS/FAIL per target. Exit code 0 whatever the targets say, 1 when a bench crashed; with `--strict`
// (`npm run bench -- --strict`) 2 when a target failed, so a script can catch a regression.
// Each bench also runs alone: `npx tsx scripts/bench/<name>.ts [--strict]`.
import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { request, type Agent } from 'node:http';
import { fileURLToPath } from 'node:url';

export interface Figure {
  readonly label: string;
  readonly unit: string;
  readonly value: number;
  /** The same figure measured on the baseline in the same run; null when there is none. */
  readonly baseline: number | null;
  readonly baselineLabel: string;
}

export interface Target {
  readonly label: string;
  readonly pass: boolean;
  readonly detail: string;
}

export interface BenchResult {
  readonly name: string;
  readonly figures: readonly Figure[];
  readonly targets: readonly Target[];
  readonly notes: readonly string[];
}

const RESULT_MARKER = 'BENCH_RESULT ';
const BENCHES = [
  'issue-throughput',
  'call-latency',
  'kiosk-print-latency',
  'display-latency',
  'dashboard-update',
  'startup',
  'report-range',
  'load-soak',
  'hub-bundle',
  'exports-under-load',
  'central-ingest',
  'central-dashboard',
  'wait-accuracy',
  'pin-hash',
  'message-call-latency',
] as const;
const BENCH_TIMEOUT_MS = 10 * 60_000;

/** Progress goes to stderr so that stdout of a child carries only its result. */
export function progress(message: string): void {
  process.stderr.write(`  · ${message}\n`);
}

/** Nearest-rank percentile of an already sorted list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

export function formatResults(results: readonly BenchResult[]): string {
  const header = ['bench', 'figure', 'value', 'baseline', 'ratio', 'baseline is'];
  const rows = results.flatMap((r) =>
    r.figures.map((f) => [
      r.name,
      f.label,
      `${formatNumber(f.value)} ${f.unit}`,
      f.baseline === null ? '—' : `${formatNumber(f.baseline)} ${f.unit}`,
      f.baseline === null || f.baseline === 0 ? '—' : `${(f.value / f.baseline).toFixed(2)}×`,
      f.baselineLabel,
    ]),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => pad(cell, widths[i] ?? 0, i === 2 || i === 3 || i === 4)).join(' │ ');
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  const out = [line(header), rule, ...rows.map(line), ''];
  for (const r of results)
    for (const t of r.targets) out.push(`${t.pass ? 'PASS' : 'FAIL'}  ${r.name}: ${t.label} — ${t.detail}`);
  const notes = results.flatMap((r) => r.notes.map((n) => `note  ${r.name}: ${n}`));
  if (notes.length > 0) out.push('', ...notes);
  return out.join('\n');
}

/** Exit code when any target failed under `--strict` (1 is a crash). */
export const STRICT_FAILURE_EXIT = 2;

/** Every target that failed, as `bench: target`. */
export function failedTargets(results: readonly BenchResult[]): string[] {
  return results.flatMap((r) => r.targets.filter((t) => !t.pass).map((t) => `${r.name}: ${t.label}`));
}

/** Under `--strict`, says which targets failed and sets the exit code; the figures are printed either way. */
function applyStrict(results: readonly BenchResult[]): void {
  if (!process.argv.includes('--strict')) return;
  const failed = failedTargets(results);
  if (failed.length === 0) return;
  console.log(`\n--strict: ${String(failed.length)} target(s) failed:\n  ${failed.join('\n  ')}`);
  process.exitCode = STRICT_FAILURE_EXIT;
}

/** Entry point of a bench file: `--json` (from run-all) prints the result for the parent, otherwise a table. */
export async function runBench(run: () => Promise<BenchResult>): Promise<void> {
  const result = await run();
  if (process.argv.includes('--json')) {
    process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);
    return;
  }
  console.log(`\n${formatResults([result])}`);
  applyStrict([result]);
}

/**
 * A JSON request over node:http with a keep-alive agent, to 127.0.0.1 only. Benches that share their process with
 * the hub use this rather than fetch: undici's web streams would take as much of the one CPU thread as the hub.
 */
export function httpRequest(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  token?: string,
  payload?: unknown,
): Promise<{ status: number; body: string }> {
  const body = payload === undefined ? undefined : JSON.stringify(payload);
  const headers: Record<string, string | number> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = Buffer.byteLength(body);
  }
  return new Promise((resolve, reject) => {
    const req = request({ agent, host: '127.0.0.1', port, path, method, timeout: 10_000, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: text });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => {
      req.destroy(new Error(`${method} ${path} timed out`));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export function isMain(moduleUrl: string): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

function runChild(name: string): Promise<BenchResult> {
  const file = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', file, '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, BENCH_TIMEOUT_MS);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
      if (code !== 0 || line === undefined) {
        reject(new Error(`bench ${name} crashed (exit ${String(code)}, signal ${String(signal)})`));
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_MARKER.length)) as BenchResult);
    });
  });
}

async function main(): Promise<void> {
  const results: BenchResult[] = [];
  let crashed = false;
  // `npm run bench -- wait-accuracy` runs the benches named; no name runs them all.
  const named = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const unknown = named.filter((name) => !(BENCHES as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(`unknown bench ${unknown.join(', ')}; known: ${BENCHES.join(', ')}`);
  for (const name of named.length === 0 ? BENCHES : BENCHES.filter((b) => named.includes(b))) {
    process.stderr.write(`▶ ${name}\n`);
    const started = performance.now();
    try {
      results.push(await runChild(name));
      process.stderr.write(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    } catch (error) {
      crashed = true;
      process.stderr.write(`  ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  console.log(`\n${formatResults(results)}`);
  applyStrict(results);
  if (crashed) {
    console.log('\nA bench crashed: see above.');
    process.exitCode = 1;
  }
}

if (isMain(import.meta.url)) await main();
