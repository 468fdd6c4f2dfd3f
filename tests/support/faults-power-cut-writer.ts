// A child process that writes through the hub's own database code (openDatabase, QueueStore, QueueEngine,
// CommandBus: the same pragmas, group commit and transactions as the hub) until it is killed.
// It loads first and opens the database only when a line arrives on stdin (the number of its first batch), so the
// parent's kill lands in the writing and not in module loading. Each batch is BATCH issues plus one command per counter, decided in one
// turn of the event loop and therefore committed in one transaction; every command carries the key
// `b<batch, 6 digits>-<n>`, so the parent can tell from the idempotency table which batches are whole.
// Protocol on stdout, one JSON object a line, written synchronously: {"ready":true}, {"open":k}, {"committed":k}.
import { writeSync } from 'node:fs';
import type { Actor } from '../../apps/hub/src/auth/actor.ts';
import { systemClock } from '../../apps/hub/src/clock.ts';
import { CommandBus } from '../../apps/hub/src/commands/command-bus.ts';
import { QueueEngine } from '../../apps/hub/src/commands/queue-engine.ts';
import { loadSiteConfig, toQueueConfig } from '../../apps/hub/src/config/site-config.ts';
import { openDatabase } from '../../apps/hub/src/db/database.ts';
import { QueueStore } from '../../apps/hub/src/db/queue-store.ts';

const POWER_CUT_SERVICES = ['ktp-el', 'kk', 'stnk'] as const;
const POWER_CUT_COUNTERS = ['loket-1', 'loket-2', 'loket-3', 'loket-4'] as const;

const say = (message: object) => {
  writeSync(1, `${JSON.stringify(message)}\n`);
};

async function run(): Promise<void> {
  // The database file's path comes from the parent: importing hub.ts for its name would load the whole web stack.
  const { DB_FILE: dbFile, SITE_CONFIG: siteFile, BATCH: batchText } = process.env;
  if (!dbFile || !siteFile) throw new Error('DB_FILE and SITE_CONFIG are required');
  const batchSize = Number(batchText ?? 40);
  const site = { ...loadSiteConfig(siteFile), kioskMaxTicketsPerMinute: 10_000 };
  say({ ready: true });
  const firstBatch = await new Promise<number>((resolve) => {
    process.stdin.setEncoding('utf8');
    process.stdin.once('data', (line: string) => {
      resolve(Number(line.trim()));
    });
  });

  const db = openDatabase(dbFile);
  const store = new QueueStore(db);
  const engine = new QueueEngine(store, toQueueConfig(site), systemClock);
  const bus = new CommandBus(engine, store, site, systemClock);
  const fo: Actor = { id: 'fo', role: 'fo', counterId: null };
  const officers: Actor[] = POWER_CUT_COUNTERS.map((counterId, i) => ({
    id: `loket${i + 1}`,
    role: 'officer',
    counterId,
  }));

  for (let batch = firstBatch; ; batch++) {
    say({ open: batch });
    let n = 0;
    const key = () => `b${String(batch).padStart(6, '0')}-${++n}`;
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < batchSize; i++) {
      const serviceId = POWER_CUT_SERVICES[i % POWER_CUT_SERVICES.length] ?? 'ktp-el';
      work.push(bus.execute(fo, 'ticket:issue', { serviceId, idempotencyKey: key() }));
    }
    // One command per counter, chosen from the state the batch's issues already changed: call, step or finish.
    for (const officer of officers) {
      const counterId = officer.counterId ?? '';
      const activeId = engine.state.counters.get(counterId)?.activeTicketId ?? null;
      const active = activeId === null ? undefined : engine.state.tickets.get(activeId);
      if (!active) work.push(bus.execute(officer, 'counter:call-next', { counterId, idempotencyKey: key() }));
      else if (active.status === 'called')
        work.push(bus.execute(officer, 'ticket:step', { ticketId: active.id, idempotencyKey: key() }));
      else work.push(bus.execute(officer, 'ticket:finish', { ticketId: active.id, idempotencyKey: key() }));
    }
    await Promise.all(work);
    say({ committed: batch });
  }
}

await run();
