import { Writable } from 'node:stream';
import { PairedDevice, PairingCodeView } from '@giliran/protocol';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../apps/hub/src/auth/secrets.ts';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { demoSite, startTestHub, type TestHub } from '../support/hub-harness.ts';
import { expectLogIsTruth } from '../support/log-truth.ts';

const MONDAY_0900 = '2026-11-23T02:00:00.000Z';

/**
 * Devices pair with a one-time code an admin creates on the MOD page: no secret in any address. The page keeps
 * the token it gets in its own storage (tests/e2e check the pages).
 */
describe('device pairing', () => {
  let t: TestHub;
  afterEach(async () => {
    await t.stop();
  });

  const createCode = async (token: string, body: object) =>
    t.api<PairingCodeView>('POST', '/devices/pairing-codes', { token, body });
  const pair = (code: string) =>
    t.api<PairedDevice & { error?: { code: string } }>('POST', '/devices/pair', { body: { code } });

  it('trades a one-time code for a device token that works; the code works once and for 15 minutes', async () => {
    const clock = new ManualClock(MONDAY_0900);
    t = await startTestHub({ clock });
    const admin = await t.login('admin');
    expect((await createCode(await t.login('mod'), { deviceId: 'kiosk-2', role: 'kiosk' })).status).toBe(403);

    const created = await createCode(admin, { deviceId: 'kiosk-2', role: 'kiosk' });
    expect(created.status).toBe(201);
    const { code } = PairingCodeView.parse(created.body);
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);

    // Typed on the device as people type: lower case, a space instead of the dash.
    const paired = await pair(code.toLowerCase().replace('-', ' '));
    expect(paired.status).toBe(201);
    const device = PairedDevice.parse(paired.body);
    expect(device).toMatchObject({ deviceId: 'kiosk-2', role: 'kiosk' });
    expect(device.token.length).toBeGreaterThanOrEqual(40);
    const issued = await t.api('POST', '/tickets', { token: device.token, body: { serviceId: 'ktp-el' } });
    expect(issued.status).toBe(201);

    expect((await pair(code)).body.error?.code).toBe('PAIRING_CODE_INVALID');
    const late = PairingCodeView.parse(
      (await createCode(admin, { deviceId: 'display-2', role: 'display' })).body,
    );
    clock.advance(15 * 60_000);
    expect((await pair(late.code)).body.error?.code).toBe('PAIRING_CODE_INVALID');
    expect((await pair('ZZZZ-ZZZZ')).status).toBe(400);
  });

  it('pairing a device again replaces its token: the old one stops working at once', async () => {
    t = await startTestHub();
    const admin = await t.login('admin');
    const first = PairedDevice.parse(
      (
        await pair(
          PairingCodeView.parse((await createCode(admin, { deviceId: 'tv-2', role: 'display' })).body).code,
        )
      ).body,
    );
    expect((await t.api('GET', '/counters', { token: first.token })).status).toBe(200);
    const second = PairedDevice.parse(
      (
        await pair(
          PairingCodeView.parse((await createCode(admin, { deviceId: 'tv-2', role: 'display' })).body).code,
        )
      ).body,
    );
    expect((await t.api('GET', '/counters', { token: first.token })).status).toBe(401);
    expect((await t.api('GET', '/counters', { token: second.token })).status).toBe(200);
    // Devices are a projection of the log: each pairing is an event holding the token's hash, never the token.
    const logged = t.hub.db
      .prepare("SELECT payload FROM events WHERE type = 'device:paired'")
      .pluck()
      .all() as string[];
    expect(logged.map((p) => (JSON.parse(p) as { tokenSha256: string }).tokenSha256)).toEqual(
      [first.token, second.token].map(sha256),
    );
    expect(logged.join()).not.toContain(second.token);
    expectLogIsTruth(t.hub.db);
  });

  it('a real site serves no page with a token in its address; the demo keeps its shortcut', async () => {
    t = await startTestHub({ site: demoSite({ demo: false, minPinLength: 6, accounts: [], devices: [] }) });
    const refused = await fetch(`${t.hub.url}/kiosk?token=some-device-token`);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('pasangkan perangkat');
    expect((await fetch(`${t.hub.url}/display?token=x&lang=en`)).status).toBe(400);
    expect((await fetch(`${t.hub.url}/kiosk`)).status).not.toBe(400);
    await t.stop();
    t = await startTestHub();
    expect((await fetch(`${t.hub.url}/kiosk?token=demo-kiosk`)).status).not.toBe(400);
  });

  it('no log line carries a query string, even at debug level', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    t = await startTestHub({ logger: pino({ level: 'debug' }, sink) });
    await fetch(`${t.hub.url}/kiosk?token=demo-kiosk`);
    await fetch(`${t.hub.url}/api/site?token=demo-display`, {
      headers: { authorization: 'Bearer demo-display' },
    });
    await fetch(`${t.hub.url}/api/services?token=leaked-secret`);
    await expect.poll(() => lines.length).toBeGreaterThanOrEqual(2);
    const all = lines.join('');
    expect(all).toContain('?[redacted]');
    for (const secret of ['demo-kiosk', 'demo-display', 'leaked-secret']) expect(all).not.toContain(secret);
  });
});
