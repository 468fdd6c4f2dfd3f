import type { TicketIssued } from '@giliran/domain';
import type { Ack, Broadcast, IssuedTicket, Snapshot, TicketView } from '@giliran/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  collect,
  command,
  DISPLAY_TOKEN,
  KIOSK_TOKEN,
  startTestHub,
  type TestHub,
} from '../support/hub-harness.ts';

/**
 * A ticket's code opens the citizen's status page and the public SKM survey: an officer who had the codes of the
 * citizens they serve could answer the survey for them. Officers and displays get numbers, never codes; FO and
 * MOD (who hand tickets out and reprint them) and the kiosk that issued it do.
 */
describe('ticket codes reach only those who hand tickets out', () => {
  let t: TestHub;
  beforeEach(async () => {
    t = await startTestHub();
  });
  afterEach(async () => {
    await t.stop();
  });

  it('an officer hears a new ticket, gets snapshots, answers and ticket look-ups without its code', async () => {
    const [officer, fo] = await Promise.all([t.login('loket1'), t.login('fo')]);
    const [officerSocket, foSocket, displaySocket] = await Promise.all([
      t.socket(officer),
      t.socket(fo),
      t.socket(DISPLAY_TOKEN),
    ]);
    const heard = [officerSocket, foSocket, displaySocket].map((s) =>
      collect<Broadcast<TicketIssued>>(s, 'ticket:issued', 1),
    );
    const kiosk = await t.socket(KIOSK_TOKEN);
    const issued = await command<Ack<IssuedTicket>>(kiosk, 'ticket:issue', { serviceId: 'ktp-el' });
    if (!issued.ok) throw new Error('issue failed');
    const { id, code } = issued.data;
    expect(code).toMatch(/^[A-Z2-9]{10}$/);

    const [toOfficer, toFo, toDisplay] = await Promise.all(heard);
    expect(toOfficer?.[0]).toMatchObject({ ticketId: id, number: 'A001', code: '' });
    expect(toFo?.[0]).toMatchObject({ ticketId: id, code });
    expect(toDisplay?.[0]).toMatchObject({ ticketId: id, code: '' });

    const snapshotOf = async (socket: typeof officerSocket) => {
      const ack = await command<Ack<Snapshot>>(socket, 'sync:snapshot', {});
      if (!ack.ok) throw new Error('no snapshot');
      return ack.data.tickets.find((ticket) => ticket.id === id);
    };
    expect(await snapshotOf(officerSocket)).toMatchObject({ number: 'A001', code: '' });
    expect(await snapshotOf(foSocket)).toMatchObject({ code });

    const call = await command<Ack<TicketView>>(officerSocket, 'counter:call-next', { counterId: 'loket-1' });
    expect(call).toMatchObject({ ok: true, data: { id, code: '' } });

    const asOfficer = await t.api<TicketView>('GET', `/tickets/${id}`, { token: officer });
    expect(asOfficer.body).toMatchObject({ id, number: 'A001', code: '' });
    const asDisplay = await t.api<TicketView>('GET', `/tickets/${id}`, { token: DISPLAY_TOKEN });
    expect(asDisplay.body.code).toBe('');
    const asFo = await t.api<TicketView>('GET', `/tickets/${id}`, { token: fo });
    expect(asFo.body.code).toBe(code);
    const rest = await t.api<TicketView>('POST', `/tickets/${id}/step`, { token: officer });
    expect(rest.body).toMatchObject({ id, code: '' });
    expect(JSON.stringify([toOfficer, asOfficer.body, call, rest.body])).not.toContain(code);
  });
});
