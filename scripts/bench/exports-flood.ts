// The staff side of exports-under-load.ts: sixty exports (asked again a second after each 429) and sixty
// announcement WAVs at once, against the hub at the port given. It runs in a process of its own at background
// priority: in a hall these are sixty other PCs, so the work of reading their files and refusals must not take
// the CPU from the hub, nor delay the kiosks' own clocks in the bench's process.
// Input: one JSON argument { port, mod, tickets, exports }; output: the Flood figures as JSON on stdout.
import { get } from 'node:http';
import { sleep, summarise, type Summary } from './bench-support.ts';

const RETRY_MS = 1000;
const EXPORT_TIMEOUT_MS = 120_000;

interface Issued {
  readonly id: string;
}

interface FloodInput {
  readonly port: number;
  readonly mod: string;
  readonly tickets: readonly Issued[];
  readonly exports: number;
}

export interface Flood {
  readonly ms: number;
  readonly refusals: number;
  readonly exportMs: Summary;
  readonly announcementMs: Summary;
}

/** A GET whose body is read and dropped; an export may wait its turn longer than httpRequest's 10 s. */
function statusOf(port: number, path: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = get(
      {
        host: '127.0.0.1',
        port,
        path,
        timeout: EXPORT_TIMEOUT_MS,
        headers: { authorization: `Bearer ${token}` },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          resolve(res.statusCode ?? 0);
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => {
      req.destroy(new Error(`GET ${path} timed out`));
    });
    req.on('error', reject);
  });
}

/**
 * One staff member's export, asked again a second after each 429 until the file comes: more insistent than the
 * hub's Retry-After of 5 s, so the cap is kept busy the whole time.
 */
async function exportUntilServed(
  port: number,
  token: string,
  format: string,
): Promise<{ ms: number; refusals: number }> {
  const started = performance.now();
  let refusals = 0;
  for (;;) {
    const status = await statusOf(port, `/api/reports/today?format=${format}`, token);
    if (status === 200) return { ms: performance.now() - started, refusals };
    if (status !== 429) throw new Error(`export ${format}: ${status}`);
    refusals++;
    await sleep(RETRY_MS);
  }
}

async function flood({ port, mod, tickets, exports: count }: FloodInput): Promise<Flood> {
  const started = performance.now();
  const exports = Array.from({ length: count }, (_, i) =>
    exportUntilServed(port, mod, i % 2 ? 'xlsx' : 'pdf'),
  );
  const announcements = tickets.map(async (ticket) => {
    const t0 = performance.now();
    const path = `/api/tickets/${ticket.id}/announcement.wav?counter=loket-1`;
    const status = await statusOf(port, path, 'demo-display');
    if (status !== 200) throw new Error(`announcement: ${status}`);
    return performance.now() - t0;
  });
  const [exported, spoken] = await Promise.all([Promise.all(exports), Promise.all(announcements)]);
  return {
    ms: performance.now() - started,
    refusals: exported.reduce((sum, e) => sum + e.refusals, 0),
    exportMs: summarise(exported.map((e) => e.ms)),
    announcementMs: summarise(spoken),
  };
}

const input = JSON.parse(process.argv[2] ?? '{}') as FloodInput;
process.stdout.write(JSON.stringify(await flood(input)));
