// The scripted day the report tests check by hand: tickets, calls, SOP steps and times driven through a real hub
// (REST for most officers, Socket.IO for loket-3) on a controlled clock. The expected figures are written in the
// tests from this script; nothing here computes them.
import { expect } from 'vitest';
import { IssuedTicket, ReportView } from '@giliran/protocol';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import {
  command,
  KIOSK_TOKEN,
  sopTableSite,
  startTestHub,
  type ClientSocket,
  type TestHub,
} from '../support/hub-harness.ts';

export const DAY1 = '2026-11-25'; // a Wednesday
export const DAY2 = '2026-11-26';
/** 08:00 WIB (Asia/Pontianak, UTC+7) on DAY1 and DAY2. */
const OPENING: Readonly<Record<string, number>> = {
  [DAY1]: Date.parse('2026-11-25T01:00:00.000Z'),
  [DAY2]: Date.parse('2026-11-26T01:00:00.000Z'),
};

export type TicketName = 'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'T6' | 'T7' | 'T8' | 'T9' | 'T10';

export interface Script {
  readonly t: TestHub;
  readonly clock: ManualClock;
  readonly ids: Partial<Record<TicketName, string>>;
  readonly tokens: Readonly<Record<'mod' | 'fo' | 'loket1' | 'loket2' | 'loket3' | 'loket8', string>>;
  /** GET /api/reports/today at 08:50 and again at 08:55, after T8 was finished in between. */
  readonly todayAt0850: ReportView;
  readonly todayAt0855: ReportView;
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition never became true');
}

export async function getReport(t: TestHub, token: string, query: string): Promise<ReportView> {
  const res = await t.api<ReportView>('GET', `/reports${query}`, { token, schema: ReportView });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/**
 * DAY1, minute by minute after 08:00 WIB (standards: steps 2–3 = 2 min, 4 = 2, 5 = 2, 6 = 5, 7 = 5 (SKCK 10), 8 = 1):
 *  m0  T1 A001 KTP-el          m1 T2 A002 KTP-el, lansia   m2 T3 J001 SKCK   m3 T4 D001 STNK   m4 T5 B001 KK
 *  m5  loket-1 calls T2 (priority first); steps 4 m6, 5 m8, 6 m11, 7 m14, 8 m18; finished m19        (loket1)
 *  m5  loket-3 (socket) calls T4; step 4 m7; finished m9                                              (loket3)
 *  m6  loket-2 calls T1; step 4 m7; m8 transfers it to KK; m9 calls it again (its place kept); step 4 m10;
 *      finished m12; m13 calls T5, recalls m14, no-show m15                                           (loket2)
 *  m10 MOD raises fee_mismatch on T4 (stays open)
 *  m19 the hub raises late service for T3 (m2 + 2 + 15 min); m20 loket-8 calls T3, resolves it m21; steps 4 m21,
 *      5 m23, 6 m25, 7 m30; finished m45 handed to the agency's own SOP                              (loket8)
 *  m30 T6 C001 Akta Kelahiran; m32 FO cancels it
 *  m40 T7 A003 KTP-el, never called: late service raised m57, still waiting at midnight
 *  m41 T8 A004 KTP-el; m42 loket-1 calls it by number; step 4 m43; finished m55                       (loket1)
 * DAY2: m0 T9 A001 KTP-el, loket-1 calls m10, step 4 m11, finished m13; m1 T10 D001 STNK, loket-3 calls m2,
 *       step 4 m3, finished m4.
 */
export async function runScript(): Promise<Script> {
  const clock = new ManualClock(OPENING[DAY1] ?? 0);
  const t = await startTestHub({ clock, site: sopTableSite() });
  // Sessions last 12 hours: everyone signs in again on DAY2, and loket-3's socket reconnects with its new token.
  const signIn = async () => ({
    mod: await t.login('mod'),
    fo: await t.login('fo'),
    loket1: await t.login('loket1'),
    loket2: await t.login('loket2'),
    loket3: await t.login('loket3'),
    loket8: await t.login('loket8'),
  });
  let tokens = await signIn();
  let socket3: ClientSocket = await t.socket(tokens.loket3);
  const ids: Partial<Record<TicketName, string>> = {};
  let day = DAY1;
  const at = (minute: number) => {
    const target = (OPENING[day] ?? 0) + minute * 60_000;
    clock.advance(target - clock.now());
  };
  const id = (name: TicketName) => ids[name] ?? '';
  const post = async (token: string, path: string, body?: unknown) => {
    const res = await t.api('POST', path, { token, ...(body === undefined ? {} : { body }) });
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };
  const issue = async (name: TicketName, serviceId: string, priority?: string) => {
    const body = await post(KIOSK_TOKEN, '/tickets', { serviceId, ...(priority ? { priority } : {}) });
    ids[name] = IssuedTicket.parse(body).id;
  };
  const bySocket = async (event: string, payload: object) => {
    const ack = await command<{ ok: boolean }>(socket3, event, payload);
    expect(ack.ok, `${event}: ${JSON.stringify(ack)}`).toBe(true);
  };
  const compensations = async () =>
    (
      await t.api<{ id: string; kind: string; ticketId: string | null }[]>('GET', '/compensations', {
        token: tokens.mod,
      })
    ).body;

  at(0);
  await issue('T1', 'ktp-el');
  at(1);
  await issue('T2', 'ktp-el', 'lansia');
  at(2);
  await issue('T3', 'skck');
  at(3);
  await issue('T4', 'stnk');
  at(4);
  await issue('T5', 'kk');

  at(5);
  expect(await post(tokens.loket1, '/counters/loket-1/call-next')).toMatchObject({ id: id('T2') });
  await bySocket('counter:call-next', { counterId: 'loket-3' });
  at(6);
  await post(tokens.loket1, `/tickets/${id('T2')}/step`);
  expect(await post(tokens.loket2, '/counters/loket-2/call-next')).toMatchObject({ id: id('T1') });
  at(7);
  await bySocket('ticket:step', { ticketId: id('T4') });
  await post(tokens.loket2, `/tickets/${id('T1')}/step`);
  at(8);
  await post(tokens.loket1, `/tickets/${id('T2')}/step`);
  await post(tokens.loket2, `/tickets/${id('T1')}/transfer`, { serviceId: 'kk' });
  at(9);
  await bySocket('ticket:finish', { ticketId: id('T4'), outcome: 'completed' });
  expect(await post(tokens.loket2, '/counters/loket-2/call-next')).toMatchObject({ id: id('T1') });
  at(10);
  await post(tokens.loket2, `/tickets/${id('T1')}/step`);
  await post(tokens.mod, '/compensations', {
    kind: 'fee_mismatch',
    ticketId: id('T4'),
    counterId: 'loket-3',
  });
  at(11);
  await post(tokens.loket1, `/tickets/${id('T2')}/step`);
  at(12);
  await post(tokens.loket2, `/tickets/${id('T1')}/finish`, { outcome: 'completed' });
  at(13);
  expect(await post(tokens.loket2, '/counters/loket-2/call-next')).toMatchObject({ id: id('T5') });
  at(14);
  await post(tokens.loket1, `/tickets/${id('T2')}/step`);
  await post(tokens.loket2, '/counters/loket-2/recall');
  at(15);
  await post(tokens.loket2, `/tickets/${id('T5')}/no-show`);
  at(18);
  await post(tokens.loket1, `/tickets/${id('T2')}/step`);
  at(19);
  await until(async () => (await compensations()).some((c) => c.ticketId === id('T3')));
  await post(tokens.loket1, `/tickets/${id('T2')}/finish`, { outcome: 'completed' });
  at(20);
  expect(await post(tokens.loket8, '/counters/loket-8/call-next')).toMatchObject({ id: id('T3') });
  at(21);
  const late = (await compensations()).find((c) => c.ticketId === id('T3'));
  await post(tokens.loket8, `/compensations/${late?.id ?? ''}/resolve`, { remedyGiven: 'Maaf, air mineral' });
  await post(tokens.loket8, `/tickets/${id('T3')}/step`);
  at(23);
  await post(tokens.loket8, `/tickets/${id('T3')}/step`);
  at(25);
  await post(tokens.loket8, `/tickets/${id('T3')}/step`);
  at(30);
  await post(tokens.loket8, `/tickets/${id('T3')}/step`);
  await issue('T6', 'akta-lahir');
  at(32);
  await post(tokens.fo, `/tickets/${id('T6')}/cancel`);
  at(40);
  await issue('T7', 'ktp-el');
  at(41);
  await issue('T8', 'ktp-el');
  at(42);
  await post(tokens.loket1, '/counters/loket-1/call-ticket', { ticketId: id('T8') });
  at(43);
  await post(tokens.loket1, `/tickets/${id('T8')}/step`);
  at(45);
  await post(tokens.loket8, `/tickets/${id('T3')}/finish`, { outcome: 'handed_to_agency' });
  at(50);
  const todayAt0850 = await getReport(t, tokens.mod, '/today');
  at(55);
  await post(tokens.loket1, `/tickets/${id('T8')}/finish`, { outcome: 'completed' });
  const todayAt0855 = await getReport(t, tokens.mod, '/today');
  at(57);
  await until(async () => (await compensations()).some((c) => c.ticketId === id('T7')));

  day = DAY2;
  at(0);
  tokens = await signIn();
  socket3.disconnect();
  socket3 = await t.socket(tokens.loket3);
  await issue('T9', 'ktp-el');
  at(1);
  await issue('T10', 'stnk');
  at(2);
  await bySocket('counter:call-next', { counterId: 'loket-3' });
  at(3);
  await bySocket('ticket:step', { ticketId: id('T10') });
  at(4);
  await bySocket('ticket:finish', { ticketId: id('T10') });
  at(10);
  await post(tokens.loket1, '/counters/loket-1/call-next');
  at(11);
  await post(tokens.loket1, `/tickets/${id('T9')}/step`);
  at(13);
  await post(tokens.loket1, `/tickets/${id('T9')}/finish`, { outcome: 'completed' });
  return { t, clock, ids, tokens, todayAt0850, todayAt0855 };
}
