import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TicketPrintFailed } from '@giliran/domain';
import { decodeEscPos } from '@giliran/printing/testing';
import { IssuedTicket, TicketView, type Broadcast } from '@giliran/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { collect, demoSite, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';
import { readFileSync } from 'node:fs';

describe('where a browser kiosk’s tickets print', () => {
  let t: TestHub | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  it('the demo kiosk prints into the spool folder the README names: printer bytes and a PNG', async () => {
    t = await startTestHub();
    const issued = await t.api('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'ktp-el' },
      schema: IssuedTicket,
    });
    const printed = await t.api('POST', `/tickets/${issued.body.id}/print`, {
      token: KIOSK_TOKEN,
      body: {},
      schema: TicketView,
    });
    expect(printed.body.printStatus).toBe('printed');
    const folder = join(t.dataDir, 'print-spool');
    const files = readdirSync(folder).sort();
    expect(files).toEqual([
      `${t.hub.engine.serviceDay}-A001-${issued.body.id}.escpos`,
      `${t.hub.engine.serviceDay}-A001-${issued.body.id}.png`,
    ]);
    const decoded = decodeEscPos(readFileSync(join(folder, files[0] ?? '')));
    expect(decoded.text).toContain('A001');
    expect(decoded.text).toContain(
      `Kode survei & status: ${issued.body.code.slice(0, 5)}-${issued.body.code.slice(5)}`,
    );
    expect(
      readFileSync(join(folder, files[1] ?? ''))
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('a kiosk with no printer records print_failed and MOD hears of it at once', async () => {
    const site = demoSite();
    t = await startTestHub({
      site: { ...site, devices: site.devices.map(({ printer: _printer, ...d }) => d) },
    });
    const modSocket = await t.socket(await t.login('mod'));
    const failedEvent = collect<Broadcast<TicketPrintFailed>>(modSocket, 'ticket:print-failed', 1);
    const issued = await t.api('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'kk' },
      schema: IssuedTicket,
    });
    const failed = await t.api<{ error: { code: string } }>('POST', `/tickets/${issued.body.id}/print`, {
      token: KIOSK_TOKEN,
      body: {},
    });
    expect(failed.body.error.code).toBe('PRINT_FAILED');
    const [event] = await failedEvent;
    expect(event?.ticketId).toBe(issued.body.id);
    expect(event?.reason).toMatch(/tidak ada printer/);
    const stored = await t.api('GET', `/tickets/${issued.body.id}`, {
      token: await t.login('fo'),
      schema: TicketView,
    });
    expect(stored.body.printStatus).toBe('print_failed');
    expect(existsSync(join(t.dataDir, 'print-spool'))).toBe(false);
  });
});
