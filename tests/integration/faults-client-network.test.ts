import type { Ack, IssuedTicket, Snapshot, TicketView } from '@giliran/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { fromSnapshot } from '../../apps/counter/renderer/desk-state.ts';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { ActionRunner } from '../../packages/ui/src/action-runner.ts';
import { HubRequestError } from '../../packages/ui/src/hub-client.ts';
import { SyncedClient } from '../support/faults-synced-client.ts';
import { sleep, waitUntil } from '../support/faults-util.ts';
import { TcpProxy } from '../support/faults-tcp-proxy.ts';
import { command, DISPLAY_TOKEN, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

// A display and a counter reach the hub through a TCP proxy standing in for the hall's LAN. The network stalls,
// then dies, for what is minutes on the hub's clock (ManualClock: tickets issued, called, served, late-service
// compensations raised meanwhile) and a couple of seconds of real time, during which the screens' own
// reconnection attempts are refused. When it heals, each screen must have reconnected and resynced by itself
// and hold exactly the hub's state, although it received none of the broadcasts sent while it was away.

// 08:00 WIB (Asia/Pontianak) on a Monday.
const START = '2026-03-02T01:00:00.000Z';
const OUTAGE_MINUTES = 24;

const isNetwork = (error: unknown) => error instanceof HubRequestError && error.code === 'NETWORK';

describe('a screen that loses the network for minutes', () => {
  let t: TestHub | undefined;
  let proxy: TcpProxy | undefined;
  const screens: SyncedClient[] = [];
  afterEach(async () => {
    for (const s of screens.splice(0)) s.close();
    await proxy?.close();
    await t?.stop();
  });

  it('misses nothing: after reconnecting by itself its state equals the hub’s, and a call whose answer was lost is not made twice', async () => {
    const clock = new ManualClock(START);
    t = await startTestHub({ clock });
    const hub = t;
    proxy = new TcpProxy(hub.hub.port);
    await proxy.start();
    const lan = proxy;
    const officer = await hub.login('loket1');
    const counter = new SyncedClient('loket-1', lan.url, officer);
    const display = new SyncedClient('display', lan.url, DISPLAY_TOKEN);
    screens.push(counter, display);
    await waitUntil(
      () => counter.synced && display.synced,
      10_000,
      () => 'screens never synced',
    );

    const issue = async (serviceId: string) => {
      const res = await hub.api<IssuedTicket>('POST', '/tickets', {
        token: KIOSK_TOKEN,
        body: { serviceId },
      });
      expect(res.status).toBe(201);
      return res.body;
    };
    const snapshotAs = async (token: string) => {
      const socket = await hub.socket(token);
      const ack = await command<Ack<Snapshot>>(socket, 'sync:snapshot', {});
      socket.disconnect();
      if (!ack.ok) throw new Error(ack.error.code);
      return ack.data;
    };
    /** Every screen has caught up with the hub's log and equals the hub's snapshot for its role. */
    const expectInStep = async (when: string) => {
      const staff = await snapshotAs(await hub.login('mod'));
      const devices = await snapshotAs(DISPLAY_TOKEN);
      await waitUntil(
        () => screens.every((s) => s.synced && s.desk.lastEventId === staff.lastEventId),
        15_000,
        () => `${when}: ${screens.map((s) => `${s.label} at ${String(s.desk.lastEventId)}`).join(', ')}`,
      );
      expect(counter.desk, `counter ${when}`).toEqual(fromSnapshot(staff));
      expect(display.desk, `display ${when}`).toEqual(fromSnapshot(devices));
    };

    // ---- a normal morning, with the screens following every broadcast ----
    for (const serviceId of ['ktp-el', 'kk', 'ktp-el', 'stnk']) await issue(serviceId);
    const runner = new ActionRunner({
      newKey: () => `loket-1-${String(performance.now())}-${String(Math.random())}`,
      whenOnline: () => counter.whenSynced(),
      isNetworkFailure: isNetwork,
      onBusy: () => undefined,
    });
    const first = await runner.run((key) =>
      counter.hub.command('counter:call-next', { counterId: 'loket-1', idempotencyKey: key }),
    );
    expect(first?.number).toBe('A001');
    for (const action of ['ticket:step', 'ticket:step', 'ticket:finish'] as const) {
      clock.advanceMinutes(3);
      await runner.run((key) =>
        counter.hub.command(action, { ticketId: first?.id ?? '', idempotencyKey: key }),
      );
    }
    await expectInStep('before the outage');
    const heardBefore = { counter: counter.broadcasts, display: display.broadcasts };

    // ---- the network stalls: the officer presses "call next"; the hub gets it, the answer never comes ----
    lan.stallAnswers();
    const calling = runner.run((key) =>
      counter.hub.command('counter:call-next', { counterId: 'loket-1', idempotencyKey: key }),
    );
    await waitUntil(
      () => (hub.hub.engine.state.counters.get('loket-1')?.activeTicketId ?? null) !== null,
      5000,
      () => 'the call never reached the hub',
    );
    const calledId = hub.hub.engine.state.counters.get('loket-1')?.activeTicketId ?? '';
    lan.stall();

    // ---- minutes pass on the hub while the screens hear nothing ----
    const loket2 = await hub.login('loket2');
    const post = (path: string) => hub.api<TicketView>('POST', path, { token: loket2 });
    for (let minute = 0; minute < OUTAGE_MINUTES; minute += 4) {
      clock.advanceMinutes(4);
      await issue(minute % 8 === 0 ? 'kk' : 'ktp-el');
      if (minute === 4) {
        const called = await post('/counters/loket-2/call-next');
        await post(`/tickets/${called.body.id}/step`);
      }
    }
    const staffNow = await snapshotAs(await hub.login('mod'));
    expect(
      staffNow.compensations.filter((c) => c.kind === 'late_service').length,
      'tickets became late during the outage',
    ).toBeGreaterThan(0);

    // After minutes, TCP and the heartbeat have given up on the connection: it is gone, and the screens'
    // reconnection attempts are refused until the network is back.
    lan.cut();
    await waitUntil(
      () => !counter.online && !display.online,
      5000,
      () => 'screens still think they are online',
    );
    const refusedBefore = lan.refused;
    await sleep(2000);
    expect(lan.refused, 'the screens kept trying while the network was down').toBeGreaterThan(refusedBefore);
    expect(counter.broadcasts).toBe(heardBefore.counter);
    expect(display.broadcasts).toBe(heardBefore.display);
    lan.heal();

    // ---- back: each screen reconnected and resynced by itself ----
    const called = await calling;
    expect(called?.id, 'the retried call-next returns the ticket the lost answer was about').toBe(calledId);
    const calls = [...hub.hub.engine.state.tickets.values()].filter((tk) => tk.counterId === 'loket-1');
    expect(calls.map((tk) => tk.number)).toEqual(['A001', called?.number]);
    await expectInStep('after the outage');
    expect(counter.desk.counters.get('loket-1')?.activeTicketId).toBe(calledId);
    expect(counter.desk.compensations.size).toBe(staffNow.compensations.length);
    expect(counter.connectedAt.length).toBeGreaterThanOrEqual(2);
    expect(display.connectedAt.length).toBeGreaterThanOrEqual(2);
    expect([...counter.errors, ...display.errors]).toEqual([]);

    // ---- and follows broadcasts again as before ----
    await runner.run((key) =>
      counter.hub.command('ticket:step', { ticketId: calledId, idempotencyKey: key }),
    );
    await issue('stnk');
    await expectInStep('after the next commands');
  });
});
