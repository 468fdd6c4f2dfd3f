// The staff side of exports-under-load.ts: sixty exports (asked again after each 429 when its Retry-After says, with
// jitter, as a browser or script that behaves would) and sixty announcement WAVs at once, against the hub at the port given. It runs in a process of its own at background
// priority: in a hall these are sixty other PCs, so the work of reading their files and refusals must not take
// the CPU from the hub, nor delay the kiosks' own clocks in the bench's process.
// Input: one JSON argument { port, mod, tickets, exports }; output: the Flood figures as JSON on stdout.
import { get } from 'node:http';
import { sleep, summarise, type Summary } from './bench-support.ts';

const EXPORT_TIMEOUT_MS = 180_000;
/** Without a Retry-After (never, from this hub), a refused client waits this long. */
const DEFAULT_RETRY_SECONDS = 5;
/** Up to this share of the wait is added at random, so clients refused together do not come back together. */
const JITTER = 0.5;

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

interface Answer {
  readonly status: number;
  /** Seconds the hub asked a refused client to wait (Retry-After), if it said. */
  readonly retryAfter: number | null;
}

/** A GET whose body is read and dropped; an export may wait its turn longer than httpRequest's 10 s. */
function answerOf(port: number, path: string, token: string): Promise<Answer> {
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
          const retryAfter = Number(res.headers['retry-after']);
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: Number.isFinite(retryAfter) ? retryAfter : null,
          });
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

/** What a well-behaved client waits after a 429: at least the Retry-After, plus a random share of it. */
function retryDelayMs(retryAfterSeconds: number | null, random = Math.random()): number {
  const seconds = retryAfterSeconds ?? DEFAULT_RETRY_SECONDS;
  return seconds * 1000 * (1 + JITTER * random);
}

/** One staff member's export, asked again after each 429 when the hub says (with jitter), until the file comes. */
async function exportUntilServed(
  port: number,
  token: string,
  format: string,
): Promise<{ ms: number; refusals: number }> {
  const started = performance.now();
  let refusals = 0;
  for (;;) {
    const answer = await answerOf(port, `/api/reports/today?format=${format}`, token);
    if (answer.status === 200) return { ms: performance.now() - started, refusals };
    if (answer.status !== 429) throw new Error(`export ${format}: ${answer.status}`);
    refusals++;
    await sleep(retryDelayMs(answer.retryAfter));
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
    const { status } = await answerOf(port, path, 'demo-display');
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
