import { COMMAND_NAMES, CompensationView, ERRORS, HealthResponse, type ErrorCode } from '@giliran/protocol';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectLogIsTruth } from '../support/log-truth.ts';
import { AccessWorld, codedError } from '../support/access-world.ts';
import type { ClientSocket } from '../support/hub-harness.ts';
import { fuzzSeeds } from '../support/fuzz-seeds.ts';
import { nearlyValidText } from '../support/hostile-json.ts';

/**
 * Property: whatever payload MOD's socket sends with any event the hub listens to (every command and
 * `sync:snapshot`), the ack is `{ok: true}` or `{ok: false}` with the catalogue's coded bilingual error (never
 * INTERNAL); after a refusal nothing in the database changed; the socket stays connected and the hub healthy.
 * Payloads are JSON texts parsed into values, so `__proto__` arrives as an own key. They stay under the socket's
 * 16 KB frame limit (a larger frame drops the connection, as bad-input.test.ts shows).
 *
 * Each property runs with a fresh seed and with the fixed regression seed (see fuzz-seeds.ts). Reproduce a
 * failure with FUZZ_SEED=<fresh seed printed below>; FUZZ_RUNS multiplies the run counts.
 */
const SEEDS = fuzzSeeds('fuzz-socket', 20_250_311);
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const RUNS = 100;
const HOSTILE = { maxHugeString: 12_000, maxNesting: 1500 } as const;

const standing = { ticketId: '', compensationId: '' };

/** A payload each event accepts, for the fuzz to bend. */
const VALID: Readonly<Record<string, () => Record<string, unknown>>> = {
  'ticket:issue': () => ({ serviceId: 'ktp-el', priority: 'disabilitas', idempotencyKey: 'fuzz-key-0001' }),
  'counter:call-next': () => ({ counterId: 'loket-2' }),
  'counter:call-ticket': () => ({ counterId: 'loket-2', ticketId: standing.ticketId }),
  'counter:recall': () => ({ counterId: 'loket-2' }),
  'counter:pause': () => ({ counterId: 'loket-2', reason: 'lainnya' }),
  'counter:resume': () => ({ counterId: 'loket-2' }),
  'ticket:step': () => ({ ticketId: standing.ticketId }),
  'ticket:finish': () => ({ ticketId: standing.ticketId, outcome: 'completed' }),
  'ticket:no-show': () => ({ ticketId: standing.ticketId }),
  'ticket:reactivate': () => ({ ticketId: standing.ticketId }),
  'ticket:transfer': () => ({ ticketId: standing.ticketId, serviceId: 'akta-lahir' }),
  'ticket:cancel': () => ({ ticketId: standing.ticketId }),
  'ticket:print-result': () => ({ ticketId: standing.ticketId, ok: false, reason: 'paper jam' }),
  'compensation:raise': () => ({ kind: 'complaint_late', ticketId: standing.ticketId, note: 'uji' }),
  'compensation:resolve': () => ({
    compensationId: standing.compensationId,
    remedyGiven: 'Teh manis',
    officerConsequence: 'none',
  }),
  'sync:snapshot': () => ({ afterEventId: 3 }),
};

/** Bytes, not characters, count against the frame limit: 12,000 emoji are 48 KB. */
const FRAME_BYTES = 15 * 1024;
const payloads = (valid: Record<string, unknown>): fc.Arbitrary<string> =>
  nearlyValidText(valid, HOSTILE).filter((text) => Buffer.byteLength(text) < FRAME_BYTES);

const Ack = z.union([
  z.strictObject({ ok: z.literal(true), data: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: z.object({ code: z.string() }).loose() }),
]);

describe('fuzz: hostile Socket.IO payloads', () => {
  let w: AccessWorld;
  let socket: ClientSocket;

  beforeAll(async () => {
    w = await AccessWorld.start();
    standing.ticketId = (await w.issue('ktp-el')).id;
    standing.compensationId = CompensationView.parse(
      await w.as('mod', 'POST', '/compensations', { kind: 'fee_mismatch', counterId: 'loket-2' }),
    ).id;
    socket = await w.t.socket(w.tokenOf('mod') ?? '');
  });
  afterAll(async () => {
    const health = await w.request(undefined, 'GET', '/api/health');
    expect(HealthResponse.parse(health.body).status).toBe('ok');
    // Whatever was accepted went through the log: every table still rebuilds from it (db:verify).
    w.t.hub.engine.flush();
    expectLogIsTruth(w.db);
    await w.stop();
  });

  it('covers every event a socket listens to', () => {
    expect(Object.keys(VALID).sort()).toEqual([...COMMAND_NAMES, 'sync:snapshot'].sort());
  });

  const events = Object.keys(VALID).sort();
  it.each(events)('%s: any payload → ok, or a coded refusal that changes nothing', async (event) => {
    const valid = VALID[event];
    if (!valid) throw new Error(event);
    for (const { seed } of SEEDS) {
      await fc.assert(
        fc.asyncProperty(payloads(valid()), async (text) => {
          if (!socket.connected) throw new Error('the socket was closed by an earlier payload');
          const payload: unknown = JSON.parse(text);
          await w.settle();
          const before = w.fingerprint();
          const raw: unknown = await (
            socket as unknown as {
              timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<unknown> };
            }
          )
            .timeout(5000)
            .emitWithAck(event, payload);
          const ack = Ack.parse(raw);
          expect(socket.connected).toBe(true);
          if (ack.ok) return;
          const code = ack.error.code;
          expect(code, text.slice(0, 200)).not.toBe('INTERNAL');
          expect(code in ERRORS, code).toBe(true);
          codedError(ERRORS[code as ErrorCode].status, { error: ack.error });
          await w.settle();
          expect(w.fingerprint(), `${event} refused ${code} but changed data`).toEqual(before);
        }),
        { seed: seed + events.indexOf(event), numRuns: Math.ceil(RUNS * SCALE) },
      );
    }
  });
});
