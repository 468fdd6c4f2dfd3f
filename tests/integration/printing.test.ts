import type { TicketPrintFailed } from '@giliran/domain';
import { decodeEscPos, FakeTcpPrinter } from '@giliran/printing/testing';
import { IssuedTicket, TicketView, type Broadcast, type PublicTicketStatus } from '@giliran/protocol';
import { io as connect } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../apps/hub/src/index.ts';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { collect, demoSite, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

const SECOND_KIOSK = 'second-kiosk-token';

async function hubWithPrinter(
  printer: FakeTcpPrinter,
  overrides: Parameters<typeof demoSite>[0] = {},
): Promise<TestHub> {
  const site = demoSite(overrides);
  return startTestHub({
    site: {
      ...site,
      devices: [
        ...site.devices.map((d) =>
          d.role === 'kiosk'
            ? { ...d, printer: { interface: printer.printerInterface, paperWidth: 58 as const } }
            : d,
        ),
        { id: 'kiosk-2', role: 'kiosk', tokenSha256: sha256(SECOND_KIOSK) },
      ],
    },
  });
}

describe('printing a ticket through the hub (browser-only kiosk)', () => {
  let printer: FakeTcpPrinter;
  let t: TestHub;
  beforeEach(async () => {
    printer = new FakeTcpPrinter();
    await printer.start();
    t = await hubWithPrinter(printer);
  });
  afterEach(async () => {
    await t.stop();
    await printer.close();
  });

  it('commits, then prints number, service and a QR to the status page on the kiosk’s own printer', async () => {
    const issued = await t.api('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'skck', priority: 'lansia' },
      schema: IssuedTicket,
    });
    const printed = await t.api('POST', `/tickets/${issued.body.id}/print`, {
      token: KIOSK_TOKEN,
      body: {},
      schema: TicketView,
    });
    expect(printed.status).toBe(200);
    expect(printed.body.printStatus).toBe('printed');

    const job = await printer.waitForJob();
    const decoded = decodeEscPos(job.bytes);
    expect(decoded.text).toContain('J001');
    expect(decoded.text).toContain('SKCK');
    expect(decoded.text).toContain('PRIORITAS');
    expect(decoded.qrPayloads).toEqual([`${t.hub.url}/t/${issued.body.code}`]);
    // The code in letters too, grouped for typing at the kiosk's SKM survey (the number alone is no key).
    const code = issued.body.code;
    // 58 mm paper wraps the words before the code, never the code itself.
    expect(decoded.text).toMatch(new RegExp(`Kode survei & status:\\s+${code.slice(0, 5)}-${code.slice(5)}`));
    expect(decoded.cut).toBe(true);
    expect(decoded.lines.find((l) => l.size === decoded.largestTextSize)?.text.trim()).toBe('J001');
  });

  it('a failed print is recorded as print_failed, shown to MOD at once, and FO can reprint it', async () => {
    const mod = await t.login('mod');
    const modSocket = await t.socket(mod);
    const failedEvent = collect<Broadcast<TicketPrintFailed>>(modSocket, 'ticket:print-failed', 1);
    const issued = await t.api<IssuedTicket>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'ktp-el' },
    });

    const port = printer.port;
    await printer.close(); // printer off
    const failed = await t.api<{ error: { code: string; message: { id: string } } }>(
      'POST',
      `/tickets/${issued.body.id}/print`,
      { token: KIOSK_TOKEN, body: {} },
    );
    expect(failed.status).toBe(502);
    expect(failed.body.error.code).toBe('PRINT_FAILED');
    expect(failed.body.error.message.id).toMatch(/tercatat/);
    expect((await failedEvent)[0]?.ticketId).toBe(issued.body.id);
    const stored = await t.api<TicketView>('GET', `/tickets/${issued.body.id}`, { token: mod });
    expect(stored.body).toMatchObject({ printStatus: 'print_failed', number: 'A001', status: 'waiting' });

    printer = new FakeTcpPrinter({ port });
    await printer.start(); // back on
    const fo = await t.login('fo');
    const reprint = await t.api<TicketView>('POST', `/tickets/${issued.body.id}/print`, {
      token: fo,
      body: {},
    });
    expect(reprint.status).toBe(200);
    expect(reprint.body.printStatus).toBe('printed');
    expect(decodeEscPos((await printer.waitForJob()).bytes).text).toContain('A001');

    // The number was not wasted: the next ticket is A002.
    const next = await t.api<IssuedTicket>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'ktp-el' },
    });
    expect(next.body.number).toBe('A002');
  });

  it('an Electron kiosk gets the printable content and reports the outcome itself', async () => {
    const issued = await t.api<IssuedTicket>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'kk' },
    });
    const content = await t.api<{ number: string; statusUrl: string; aheadText: string }>(
      'GET',
      `/tickets/${issued.body.id}/printable?lang=en`,
      { token: KIOSK_TOKEN },
    );
    expect(content.body).toMatchObject({ number: 'B001', statusUrl: `${t.hub.url}/t/${issued.body.code}` });
    expect(content.body.aheadText).toMatch(/ahead/i);
    const kiosk = await t.socket(KIOSK_TOKEN);
    const ack = await kiosk.emitWithAck('ticket:print-result', {
      ticketId: issued.body.id,
      ok: false,
      reason: 'paper out',
    });
    expect(ack).toMatchObject({ ok: true, data: { printStatus: 'print_failed' } });
  });

  it('a kiosk may not print or report on another kiosk’s ticket', async () => {
    const issued = await t.api<IssuedTicket>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'kk' },
    });
    expect(
      (await t.api('POST', `/tickets/${issued.body.id}/print`, { token: SECOND_KIOSK, body: {} })).status,
    ).toBe(403);
    expect((await t.api('GET', `/tickets/${issued.body.id}/printable`, { token: SECOND_KIOSK })).status).toBe(
      403,
    );
    const other = await t.socket(SECOND_KIOSK);
    const ack = await other.emitWithAck('ticket:print-result', { ticketId: issued.body.id, ok: true });
    expect(ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('renders the ticket as it prints, as PNG, on 58 and 80 mm paper', async () => {
    const issued = await t.api<IssuedTicket>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'nib' },
    });
    expect(issued.status).toBe(201);
    const widths: number[] = [];
    for (const width of [58, 80]) {
      const response = await fetch(
        `${t.hub.url}/api/tickets/${issued.body.id}/preview.png?width=${String(width)}`,
        {
          headers: { authorization: `Bearer ${KIOSK_TOKEN}` },
        },
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      const png = Buffer.from(await response.arrayBuffer());
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      widths.push(png.readUInt32BE(16));
    }
    expect(widths[0]).toBeLessThan(widths[1] ?? 0);
  });
});

describe('kiosk rate limit', () => {
  it('refuses the 11th ticket of a minute from one kiosk with RATE_LIMITED, and FO is not limited', async () => {
    const t = await startTestHub({ site: demoSite({ kioskMaxTicketsPerMinute: 10 }) });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        statuses.push(
          (await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'kk' } })).status,
        );
      }
      expect(statuses).toEqual([...Array<number>(10).fill(201), 429]);
      const fo = await t.login('fo');
      expect((await t.api('POST', '/tickets', { token: fo, body: { serviceId: 'kk' } })).status).toBe(201);
    } finally {
      await t.stop();
    }
  });
});

describe('ticket status for the citizen’s phone', () => {
  it('shows position and estimate, then the counter once called, live over /public', async () => {
    const t = await startTestHub();
    try {
      const first = await t.api<IssuedTicket>('POST', '/tickets', {
        token: KIOSK_TOKEN,
        body: { serviceId: 'ktp-el' },
      });
      const mine = await t.api<IssuedTicket>('POST', '/tickets', {
        token: KIOSK_TOKEN,
        body: { serviceId: 'ktp-el' },
      });
      const status = await t.api<PublicTicketStatus>('GET', `/public/tickets/${mine.body.code}`);
      expect(status.body).toMatchObject({ number: 'A002', ahead: 1, status: 'waiting', counterName: null });
      expect(JSON.stringify(status.body)).not.toContain(mine.body.id);

      const phone = connect(`${t.hub.url}/public`, {
        auth: { code: mine.body.code },
        transports: ['websocket'],
      });
      const updates: PublicTicketStatus[] = [];
      phone.on('ticket:status', (s: PublicTicketStatus) => updates.push(s));
      await new Promise((resolve) => phone.once('ticket:status', resolve));

      const officer = await t.login('loket2');
      await t.api('POST', '/counters/loket-2/call-next', { token: officer });
      await t.api('POST', `/tickets/${first.body.id}/step`, { token: officer });
      await t.api('POST', `/tickets/${first.body.id}/finish`, { token: officer });
      await t.api('POST', '/counters/loket-2/call-next', { token: officer });
      await expect.poll(() => updates.at(-1)?.status).toBe('called');
      expect(updates.map((u) => u.ahead)).toContain(0);
      expect(updates.at(-1)).toMatchObject({ counterName: 'Loket 2', ahead: null });
      phone.close();

      const unknown = connect(`${t.hub.url}/public`, {
        auth: { code: 'NOSUCHCODE' },
        transports: ['websocket'],
        reconnection: false,
      });
      const error = await new Promise<Error>((resolve) => unknown.once('connect_error', resolve));
      expect(error.message).toBe('TICKET_NOT_FOUND');
      expect((await t.api('GET', '/public/tickets/NOSUCHCODE')).status).toBe(404);
    } finally {
      await t.stop();
    }
  });
});

describe('what kiosks and displays in the public hall receive', () => {
  it('no ticket codes and no compensation records, while staff get both', async () => {
    const t = await startTestHub();
    try {
      const display = await t.socket('demo-display');
      const mod = await t.login('mod');
      const staff = await t.socket(mod);
      const toDisplay = collect<{ code: string; number: string }>(display, 'ticket:issued', 1);
      const toStaff = collect<{ code: string; number: string }>(staff, 'ticket:issued', 1);
      const issued = await t.api<IssuedTicket>('POST', '/tickets', {
        token: KIOSK_TOKEN,
        body: { serviceId: 'kk' },
      });
      expect((await toStaff)[0]?.code).toBe(issued.body.code);
      expect((await toDisplay)[0]).toMatchObject({ number: 'B001', code: '' });

      const compensationsSeen: unknown[] = [];
      display.on('compensation:raised', (c) => compensationsSeen.push(c));
      const staffRaised = collect(staff, 'compensation:raised', 1);
      await t.api('POST', '/compensations', { token: mod, body: { kind: 'fee_mismatch', note: 'tarif' } });
      await staffRaised;
      const snapshot = await display.emitWithAck('sync:snapshot', {});
      expect(snapshot.ok && snapshot.data.compensations).toEqual([]);
      expect(snapshot.ok && snapshot.data.tickets.map((x) => x.code)).toEqual(['']);
      expect(compensationsSeen).toEqual([]);
      // The kiosk reads its own ticket, not others'.
      expect((await t.api('GET', `/tickets/${issued.body.id}`, { token: KIOSK_TOKEN })).status).toBe(200);
    } finally {
      await t.stop();
    }
  });

  it('a socket whose session has ended can no longer act', async () => {
    const clock = new ManualClock('2026-11-25T02:00:00.000Z');
    const t = await startTestHub({ clock });
    try {
      const officer = await t.login('loket1');
      const socket = await t.socket(officer);
      clock.advance(13 * 3_600_000); // sessions last 12 hours
      const ack = await socket.emitWithAck('counter:call-next', { counterId: 'loket-1' });
      expect(ack).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    } finally {
      await t.stop();
    }
  });
});
