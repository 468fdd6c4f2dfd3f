import type { NetworkInterfaceInfo } from 'node:os';
import { HubWarning, IssuedTicket, TicketContent } from '@giliran/protocol';
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

const WIFI: NetworkInterfaceInfo = {
  address: '192.168.10.23',
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '00:00:00:00:00:00',
  internal: false,
  cidr: '192.168.10.23/24',
};

describe('the address in the ticket QR is one a phone can open', () => {
  let t: TestHub | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  async function printable(hub: TestHub) {
    const issued = await hub.api('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'ktp-el' },
      schema: IssuedTicket,
    });
    const content = await hub.api('GET', `/tickets/${issued.body.id}/printable`, {
      token: KIOSK_TOKEN,
      schema: TicketContent,
    });
    return { code: issued.body.code, content: content.body };
  }

  it('the demo on HOST=0.0.0.0 prints the LAN address (not 0.0.0.0) and MOD is warned it is not set', async () => {
    t = await startTestHub({ hub: { host: '0.0.0.0', networkInterfaces: { wlan0: [WIFI] } } });
    const { code, content } = await printable(t);
    expect(content.statusUrl).toBe(`http://192.168.10.23:${t.hub.port}/t/${code}`);
    expect(content.codeText).toBe(`Kode survei & status: ${code.slice(0, 5)}-${code.slice(5)}`);
    const mod = await t.login('mod');
    const warnings = await t.api('GET', '/hub/warnings', { token: mod, schema: z.array(HubWarning) });
    expect(warnings.body.map((w) => w.kind)).toEqual(['public-address']);
    expect(warnings.body[0]?.message.id).toMatch(/belum diatur/);
  });

  it('a set PUBLIC_URL goes into the QR and clears the warning', async () => {
    t = await startTestHub({ hub: { publicUrl: 'https://antrean.mpp-kuburaya.go.id' } });
    const { code, content } = await printable(t);
    expect(content.statusUrl).toBe(`https://antrean.mpp-kuburaya.go.id/t/${code}`);
    const warnings = await t.api('GET', '/hub/warnings', { token: await t.login('mod') });
    expect(warnings.body).toEqual([]);
  });

  it('the landing page at / lists every screen and who it is for', async () => {
    t = await startTestHub();
    const page = await fetch(`${t.hub.url}/`).then((r) => r.text());
    for (const path of ['/kiosk', '/display', '/counter', '/fo', '/mod', '/survey', '/pengaduan'])
      expect(page).toContain(`<a href="${path}">${path}</a>`);
    expect(page).toContain('front office desk');
  });
});
