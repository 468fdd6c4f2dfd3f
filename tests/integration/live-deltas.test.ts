import { timingStatus } from '@giliran/domain';
import { HealthResponse, LiveDelta, LiveSnapshot, type IssuedTicket } from '@giliran/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { elapsedNow } from '../../apps/mod/renderer/live/alerts.ts';
import { command, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

// 09:00 WIB (Asia/Pontianak) on a Wednesday.
const START = '2026-11-25T02:00:00.000Z';

type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: string } };

/** What the MOD page does with a delta: rows put or dropped by ticket id, counters and services put by id. */
function applyDelta(table: LiveSnapshot, delta: LiveDelta): LiveSnapshot {
  const rows = new Map(table.timings.map((r) => [r.ticketId, r]));
  for (const id of delta.removed) rows.delete(id);
  for (const row of delta.timings) rows.set(row.ticketId, row);
  const put = <T extends { id: string }>(list: T[], changed: T[]) =>
    list.map((item) => changed.find((c) => c.id === item.id) ?? item);
  return {
    ...table,
    lastEventId: delta.lastEventId,
    now: delta.now,
    timings: [...rows.values()],
    counters: put(table.counters, delta.counters),
    services: put(table.services, delta.services),
  };
}

/**
 * The rows as the page shows them at the table's time: the hub's row, with elapsed time and status run on by the
 * page's own clock from the stage's start (what the page does each second between deltas).
 */
const shown = (table: LiveSnapshot) =>
  [...table.timings]
    .sort((a, b) => a.ticketId.localeCompare(b.ticketId))
    .map((row) => {
      const elapsed = elapsedNow(row, Date.parse(table.now));
      return { ...row, elapsedSeconds: elapsed, status: timingStatus(elapsed, row.standardSeconds, 0.8) };
    });

describe("the MOD's live table, kept by deltas", () => {
  let t: TestHub | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  const hub = (): TestHub => {
    if (!t) throw new Error('no hub started');
    return t;
  };

  async function live(token: string): Promise<LiveSnapshot> {
    const res = await hub().api<LiveSnapshot>('GET', '/live', { token, schema: LiveSnapshot });
    expect(res.status).toBe(200);
    return res.body;
  }

  async function lastEventId(): Promise<number> {
    return HealthResponse.parse((await hub().api('GET', '/health')).body).lastEventId;
  }

  async function issue(serviceId: string, priority?: string): Promise<IssuedTicket> {
    const res = await hub().api<IssuedTicket>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: priority ? { serviceId, priority } : { serviceId },
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('equals a fresh snapshot after a morning of calls, steps, finishes, no-shows, pauses and transfers', async () => {
    const clock = new ManualClock(START);
    t = await startTestHub({ clock });
    const mod = await t.login('mod');
    const page = await t.socket(mod);
    const deltas: LiveDelta[] = [];
    page.on('live:delta', (payload: unknown) => deltas.push(LiveDelta.parse(payload)));
    const before = await live(mod);

    const desk1 = await t.socket(await t.login('loket1'));
    const desk2 = await t.socket(await t.login('loket2'));
    for (const serviceId of ['ktp-el', 'kk', 'ktp-el', 'akta-lahir', 'kk', 'stnk']) await issue(serviceId);
    await issue('kk', 'lansia');
    const first = await command<Ack<{ id: string }>>(desk1, 'counter:call-next', { counterId: 'loket-1' });
    if (!first.ok) throw new Error(first.error.code);
    await command(desk1, 'ticket:step', { ticketId: first.data.id });
    await command(desk1, 'ticket:finish', { ticketId: first.data.id });
    const second = await command<Ack<{ id: string }>>(desk2, 'counter:call-next', { counterId: 'loket-2' });
    if (!second.ok) throw new Error(second.error.code);
    // A no-show is marked only after a recall.
    await command(desk2, 'counter:recall', { counterId: 'loket-2' });
    clock.advance(5 * 60_000);
    const noShow = await command<Ack<unknown>>(desk2, 'ticket:no-show', { ticketId: second.data.id });
    expect(noShow).toMatchObject({ ok: true });
    const third = await command<Ack<{ id: string }>>(desk1, 'counter:call-next', { counterId: 'loket-1' });
    if (!third.ok) throw new Error(third.error.code);
    const moved = await command<Ack<unknown>>(desk1, 'ticket:transfer', {
      ticketId: third.data.id,
      serviceId: 'akta-lahir',
    });
    expect(moved).toMatchObject({ ok: true });
    const paused = await command<Ack<unknown>>(desk2, 'counter:pause', {
      counterId: 'loket-2',
      reason: 'istirahat',
    });
    expect(paused).toMatchObject({ ok: true });

    const after = await live(mod);
    await expect.poll(() => deltas.at(-1)?.lastEventId, { timeout: 5000 }).toBe(after.lastEventId);

    const applied = deltas.reduce(applyDelta, before);
    expect(shown({ ...applied, now: after.now })).toEqual(shown(after));
    expect(applied.counters).toEqual(after.counters);
    expect(applied.services).toEqual(after.services);
    // The table really moved: seven joined, one left finished and one as a no-show; a counter paused.
    expect(after.timings.map((r) => r.ticketId)).not.toContain(first.data.id);
    expect(after.timings.map((r) => r.ticketId)).not.toContain(second.data.id);
    expect(after.timings.length).toBe(5);
    expect(after.counters.find((c) => c.id === 'loket-2')?.pausedReason).toBe('istirahat');
  });

  it('chains each delta to the one before, from the snapshot on, and sends only what a batch touched', async () => {
    t = await startTestHub({ clock: new ManualClock(START) });
    const mod = await t.login('mod');
    const page = await t.socket(mod);
    const deltas: LiveDelta[] = [];
    page.on('live:delta', (payload: unknown) => deltas.push(LiveDelta.parse(payload)));
    const before = await live(mod);
    const issued: string[] = [];
    for (let i = 0; i < 20; i++) issued.push((await issue(i % 2 === 0 ? 'ktp-el' : 'kk')).id);
    // Each issue logs its ticket and the wait promised with it; the promise moves nothing in the table.
    await expect.poll(() => lastEventId(), { timeout: 5000 }).toBe(before.lastEventId + 40);
    await expect.poll(() => deltas.length, { timeout: 5000 }).toBe(20);

    expect(deltas[0]?.afterEventId).toBe(before.lastEventId);
    for (let i = 1; i < deltas.length; i++) expect(deltas[i]?.afterEventId).toBe(deltas[i - 1]?.lastEventId);
    // One issued ticket is one row, not the hall: the whole point of a delta.
    expect(deltas.map((d) => d.timings.map((row) => row.ticketId))).toEqual(issued.map((id) => [id]));
    expect(deltas.every((d) => d.counters.length === 0 && d.removed.length === 0)).toBe(true);
  });

  it("names the instant the day's queue closes, and the snapshot after it is the new, empty day", async () => {
    const clock = new ManualClock(START);
    t = await startTestHub({ clock });
    const mod = await t.login('mod');
    await issue('ktp-el');
    const today = await live(mod);
    // 00:00 WIB on the 26th: a page left open overnight asks again then, as no event may come.
    expect(today.dayEndsAt).toBe('2026-11-25T17:00:00.000Z');
    expect(today.timings).toHaveLength(1);
    clock.advance(Date.parse('2026-11-25T17:00:01.000Z') - clock.now());
    // A shift's session ends long before: the MOD on the night shift signs in anew.
    const tomorrow = await live(await t.login('mod'));
    expect(tomorrow.serviceDay).toBe('2026-11-26');
    expect(tomorrow.dayEndsAt).toBe('2026-11-26T17:00:00.000Z');
    expect(tomorrow.timings).toEqual([]);
  });

  it('goes to floor managers only: officers, FO and the displays never get it', async () => {
    t = await startTestHub({ clock: new ManualClock(START) });
    const got = new Map<string, number>();
    const listen = async (name: string, token: string) => {
      got.set(name, 0);
      (await hub().socket(token)).on('live:delta', () => got.set(name, (got.get(name) ?? 0) + 1));
    };
    await listen('mod', await t.login('mod'));
    await listen('coordinator', await t.login('koordinator'));
    await listen('officer', await t.login('loket1'));
    await listen('fo', await t.login('fo'));
    await listen('display', 'demo-display');
    await issue('ktp-el');
    await expect.poll(() => got.get('mod'), { timeout: 5000 }).toBe(1);
    await expect.poll(() => got.get('coordinator'), { timeout: 5000 }).toBe(1);
    expect(got.get('officer')).toBe(0);
    expect(got.get('fo')).toBe(0);
    expect(got.get('display')).toBe(0);
  });
});
