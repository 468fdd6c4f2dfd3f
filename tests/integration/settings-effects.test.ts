import type { CompensationRaised } from '@giliran/domain';
import type {
  ApiErrorBody,
  Broadcast,
  CompensationView,
  CounterView,
  IssuedTicket,
  ServiceView,
  SettingsChanged,
  SettingsView,
  TicketView,
  TimingView,
} from '@giliran/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { collect, DISPLAY_TOKEN, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

// 09:00 WIB (Asia/Pontianak) on a Wednesday.
const START = '2026-11-25T02:00:00.000Z';
const MINUTE = 60_000;
const DRINK = { id: 'Permohonan maaf dan minuman gratis', en: 'An apology and a free drink' };

describe('a changed setting takes effect at once', () => {
  let t: TestHub | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  async function issue(hub: TestHub, serviceId: string): Promise<IssuedTicket> {
    const res = await hub.api<IssuedTicket>('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId } });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('a counter given a new service calls its tickets; devices hear settings:changed', async () => {
    t = await startTestHub();
    const mod = await t.login('mod');
    const officer = await t.login('loket1');
    const display = await t.socket(DISPLAY_TOKEN);
    const jkn = await issue(t, 'jkn');

    const refused = await t.api<ApiErrorBody>('POST', '/counters/loket-1/call-ticket', {
      token: officer,
      body: { ticketId: jkn.id },
    });
    expect(refused.body.error.code).toBe('SERVICE_NOT_AT_COUNTER');
    expect((await t.api('POST', '/counters/loket-1/call-next', { token: officer })).status).toBe(204);

    const changed = collect<SettingsChanged>(display, 'settings:changed', 1);
    const put = await t.api<SettingsView>('PUT', '/settings/counters/loket-1', {
      token: mod,
      body: { serviceIds: ['ktp-el', 'kk', 'jkn'] },
    });
    expect(put.status).toBe(200);
    expect(put.body.counters.find((c) => c.id === 'loket-1')?.serviceIds).toEqual(['ktp-el', 'kk', 'jkn']);
    expect((await changed)[0]).toMatchObject({ area: 'counter-services', target: 'loket-1' });

    const called = await t.api<TicketView>('POST', '/counters/loket-1/call-next', { token: officer });
    expect(called.status).toBe(200);
    expect(called.body).toMatchObject({ id: jkn.id, status: 'called', counterId: 'loket-1' });
    const counters = await t.api<CounterView[]>('GET', '/counters', { token: mod });
    expect(counters.body.find((c) => c.id === 'loket-1')?.serviceIds).toContain('jkn');
  });

  it('a ticket at the desk is finished after its service leaves the counter; stranding a queue is refused', async () => {
    t = await startTestHub();
    const mod = await t.login('mod');
    const officer = await t.login('loket1');
    const first = await issue(t, 'ktp-el');
    await issue(t, 'ktp-el');
    expect((await t.api('POST', '/counters/loket-1/call-next', { token: officer })).status).toBe(200);

    // loket-2 still serves KTP-el, so the waiting ticket is not stranded.
    const moved = await t.api('PUT', '/settings/counters/loket-1', {
      token: mod,
      body: { serviceIds: ['kk'] },
    });
    expect(moved.status).toBe(200);
    expect((await t.api('POST', `/tickets/${first.id}/step`, { token: officer })).status).toBe(200);
    const done = await t.api<TicketView>('POST', `/tickets/${first.id}/finish`, { token: officer, body: {} });
    expect(done.body.status).toBe('done');
    expect((await t.api('POST', '/counters/loket-1/call-next', { token: officer })).status).toBe(204);

    // Taking KTP-el from loket-2 as well would leave a waiting ticket with no counter.
    const stranded = await t.api<ApiErrorBody>('PUT', '/settings/counters/loket-2', {
      token: mod,
      body: { serviceIds: ['kk', 'akta-lahir'] },
    });
    expect(stranded.status).toBe(409);
    expect(stranded.body.error).toMatchObject({
      code: 'SERVICE_UNCOVERED',
      message: {
        id: expect.stringMatching(/loket lain/) as unknown,
        en: expect.stringMatching(/counter/) as unknown,
      },
    });
    const after = await t.api<SettingsView>('GET', '/settings', { token: mod });
    expect(after.body.counters.find((c) => c.id === 'loket-2')?.serviceIds).toEqual([
      'ktp-el',
      'kk',
      'akta-lahir',
    ]);
  });

  it("a changed SOP standard changes a ticket's timeline and the live timings", async () => {
    const clock = new ManualClock(START);
    t = await startTestHub({ clock });
    const admin = await t.login('admin');
    const ticket = await issue(t, 'ktp-el');
    const waitEntry = async () => {
      const view = await t?.api<TicketView>('GET', `/tickets/${ticket.id}`, { token: admin });
      return view?.body.timeline[0];
    };
    expect(await waitEntry()).toMatchObject({ steps: [2, 3], standardSeconds: 120 });

    const put = await t.api<SettingsView>('PUT', '/settings/sop-standards/ktp-el', {
      token: admin,
      body: { standards: { '2': 4, '3': 6 } },
    });
    expect(put.status).toBe(200);
    expect(put.body.services.find((s) => s.id === 'ktp-el')?.sopStandards).toEqual({ '2': 4, '3': 6 });
    expect(await waitEntry()).toMatchObject({ steps: [2, 3], standardSeconds: 600 });
    const timings = await t.api<TimingView[]>('GET', '/timings', { token: admin });
    expect(timings.body[0]).toMatchObject({
      ticketId: ticket.id,
      standardSeconds: 600,
      // The late-service deadline moved with the standard: issue + 10 min + 15 min.
      compensationDueAt: '2026-11-25T02:25:00.000Z',
    });

    // The site's table (steps 1–13) is the default for services without their own minutes.
    const site = await t.api<SettingsView>('GET', '/settings', { token: admin });
    const table = { ...site.body.sopStandards, '2': 3, '11': 7 };
    expect(
      (await t.api('PUT', '/settings/sop-standards', { token: admin, body: { standards: table } })).status,
    ).toBe(200);
    // NIB states no minutes of its own (KK's 15 minutes would be fitted over the new table instead).
    const nib = await issue(t, 'nib');
    const nibView = await t.api<TicketView>('GET', `/tickets/${nib.id}`, { token: admin });
    expect(nibView.body.timeline[0]?.standardSeconds).toBe(240);
    expect(await waitEntry()).toMatchObject({ standardSeconds: 600 });
    // Steps 9–13 of the same table time the end-of-day report chain.
    const chain = await t.api<{ steps: { step: number; standardSeconds: number }[] }>(
      'GET',
      '/report-chain',
      {
        token: admin,
      },
    );
    expect(chain.body.steps.find((s) => s.step === 11)?.standardSeconds).toBe(420);
  });

  it('a lower late-service threshold brings the compensation forward, and one already passed raises it at once', async () => {
    const clock = new ManualClock(START);
    t = await startTestHub({ clock });
    const admin = await t.login('admin');
    const mod = await t.login('mod');
    const modSocket = await t.socket(mod);
    const first = await issue(t, 'ktp-el');

    clock.advance(MINUTE);
    const tiers = [{ minutesLate: 5, remedy: DRINK }];
    expect((await t.api('PUT', '/settings/late-service', { token: admin, body: { tiers } })).status).toBe(
      200,
    );
    const raised = collect<Broadcast<CompensationRaised>>(modSocket, 'compensation:raised', 1);
    clock.advance(6 * MINUTE - 1); // issue + 2 min (steps 2–3) + 5 min, less 1 ms
    expect((await t.api<CompensationView[]>('GET', '/compensations', { token: mod })).body).toEqual([]);
    clock.advance(1);
    expect((await raised)[0]).toMatchObject({ ticketId: first.id, at: '2026-11-25T02:07:00.000Z' });

    // A second ticket has waited 10 minutes when the threshold drops to 3: it is late already.
    const second = await issue(t, 'kk');
    clock.advance(10 * MINUTE);
    const lower = [{ minutesLate: 3, remedy: DRINK }];
    expect(
      (await t.api('PUT', '/settings/late-service', { token: admin, body: { tiers: lower } })).status,
    ).toBe(200);
    const open = await t.api<CompensationView[]>('GET', '/compensations?open=true', { token: mod });
    expect(open.body.map((c) => c.ticketId).sort()).toEqual([first.id, second.id].sort());
  });

  it('a higher late-service threshold puts the compensation off', async () => {
    const clock = new ManualClock(START);
    t = await startTestHub({ clock });
    const admin = await t.login('admin');
    const mod = await t.login('mod');
    const modSocket = await t.socket(mod);
    const ticket = await issue(t, 'ktp-el');
    const tiers = [
      { minutesLate: 30, remedy: DRINK },
      { minutesLate: 60, remedy: { id: 'Cenderamata', en: 'A souvenir' } },
    ];
    expect((await t.api('PUT', '/settings/late-service', { token: admin, body: { tiers } })).status).toBe(
      200,
    );

    clock.advance(20 * MINUTE); // past the site file's 15 minutes, not past 30
    expect((await t.api<CompensationView[]>('GET', '/compensations', { token: mod })).body).toEqual([]);
    const raised = collect<Broadcast<CompensationRaised>>(modSocket, 'compensation:raised', 1);
    clock.advance(12 * MINUTE); // issue + 2 + 30 = 32 min
    expect((await raised)[0]).toMatchObject({ ticketId: ticket.id, tier: 0, at: '2026-11-25T02:32:00.000Z' });
  });

  it('opening hours close and reopen a service for new tickets', async () => {
    t = await startTestHub();
    const mod = await t.login('mod');
    const closed = await t.api('PUT', '/settings/opening-hours/ktp-el', { token: mod, body: { hours: {} } });
    expect(closed.status).toBe(200);
    const refused = await t.api<ApiErrorBody>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'ktp-el' },
    });
    expect(refused.body.error.code).toBe('SERVICE_CLOSED');
    const services = await t.api<ServiceView[]>('GET', '/services', { token: KIOSK_TOKEN });
    expect(services.body.find((s) => s.id === 'ktp-el')).toMatchObject({ open: false, openingHours: {} });

    expect(
      (await t.api('PUT', '/settings/opening-hours/ktp-el', { token: mod, body: { hours: null } })).status,
    ).toBe(200);
    expect(
      (await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'ktp-el' } })).status,
    ).toBe(201);
  });

  it('the running text reaches the displays through the settings route too', async () => {
    t = await startTestHub();
    const mod = await t.login('mod');
    const display = await t.socket(DISPLAY_TOKEN);
    const pushed = collect<{ text: string }>(display, 'display:running-text', 1);
    const text = 'Loket Paspor tutup pukul 12.00 WIB.';
    const put = await t.api<SettingsView>('PUT', '/settings/running-text', { token: mod, body: { text } });
    expect(put.body.runningText).toBe(text);
    expect((await pushed)[0]?.text).toBe(text);
  });
});
