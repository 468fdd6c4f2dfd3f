// The real hub in a process of its own for load runs, on a SteppedClock the parent moves over IPC. Its own process
// gives it its own core (the 50 clients' decoding takes the other) and a memory figure that is the hub's alone.
// Environment: LOAD_DATA_DIR, LOAD_SITE_FILE (a site JSON), LOAD_START (epoch ms of the clock's start).
import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { createHub, parseSiteConfig } from '../../apps/hub/src/index.ts';
import { SteppedClock } from './load-clock.ts';
import type { ChildReply, ChildRequest } from './load-hub-process.ts';

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
}

const send = (reply: ChildReply) => {
  process.send?.(reply);
};

const clock = new SteppedClock(Number(env('LOAD_START')));
const site = parseSiteConfig(JSON.parse(readFileSync(env('LOAD_SITE_FILE'), 'utf8')), 'load site');
// Errors only, to stderr: a load run makes tens of thousands of good requests and none should be logged.
const logger = pino({ level: 'error' }, pino.destination(2));
const hub = await createHub({ dataDir: env('LOAD_DATA_DIR'), site, port: 0, clock, logger });
let closing: Promise<void> | null = null;
const closeHub = () => (closing ??= hub.close());

async function handle(request: ChildRequest): Promise<ChildReply> {
  switch (request.kind) {
    case 'advance':
      await clock.advanceTo(request.to);
      return { kind: 'done', id: request.id, now: clock.now() };
    case 'memory': {
      // RSS as the hub runs; the heap after a full collection when asked (node --expose-gc), so that heap figures
      // compare live objects rather than garbage not yet collected.
      const { rss } = process.memoryUsage();
      if (request.gc) gc?.();
      const m = process.memoryUsage();
      return {
        kind: 'memory',
        id: request.id,
        sample: { rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external },
      };
    }
    case 'stop':
      await closeHub();
      return { kind: 'done', id: request.id, now: clock.now() };
  }
}

process.on('message', (message: ChildRequest) => {
  handle(message).then(
    (reply) => {
      send(reply);
      if (message.kind === 'stop') process.disconnect();
    },
    (error: unknown) => {
      send({
        kind: 'error',
        id: message.id,
        message: error instanceof Error ? error.message : String(error),
      });
    },
  );
});
// A parent that dies (a crashed test or bench) must not leave a hub running: its IPC channel closing ends us.
process.once('disconnect', () => {
  void closeHub().finally(() => process.exit(0));
});
send({ kind: 'ready', url: hub.url });
