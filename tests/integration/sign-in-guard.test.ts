import { randomBytes, scryptSync } from 'node:crypto';
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPin, PIN_HASH_N } from '../../apps/hub/src/auth/secrets.ts';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { collect, demoSite, startTestHub, type TestHub } from '../support/hub-harness.ts';
import { expectLogIsTruth } from '../support/log-truth.ts';

const MONDAY_0900 = '2026-11-23T02:00:00.000Z';
const MINUTE = 60_000;

/**
 * A sign-in from a chosen loopback address (the whole of 127.0.0.0/8 is this machine on Linux): the hub counts
 * failures per account and address, so an attacker and the officer are told apart as on the hall network.
 */
function signIn(
  t: TestHub,
  from: string,
  username: string,
  pin: string,
): Promise<{ status: number; code: string; retryAfter?: string }> {
  const url = new URL('/api/auth/login', t.hub.url);
  const body = JSON.stringify({ username, pin });
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          const parsed = JSON.parse(text) as { error?: { code: string } };
          const retryAfter = res.headers['retry-after'];
          resolve({
            status: res.statusCode ?? 0,
            code: parsed.error?.code ?? 'OK',
            ...(retryAfter === undefined ? {} : { retryAfter }),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const OFFICER_PC = '127.0.0.1';
const ATTACKER = '127.0.0.2';

describe.skipIf(process.platform !== 'linux')(
  'sign-in guard: a guessing attack fails, officers keep working',
  () => {
    let t: TestHub;
    let clock: ManualClock;
    afterEach(async () => {
      await t.stop();
    });

    async function start(dataDir?: string): Promise<void> {
      t = await startTestHub({ clock, ...(dataDir ? { dataDir } : {}) });
    }

    it('waits grow with each failure (1, 2, 4 minutes) and survive a restart of the hub', async () => {
      clock = new ManualClock(MONDAY_0900);
      const dataDir = mkdtempSync(join(tmpdir(), 'giliran-guard-'));
      await start(dataDir);
      for (let i = 0; i < 3; i++)
        expect((await signIn(t, ATTACKER, 'loket4', '0000')).code).toBe('INVALID_CREDENTIALS');
      expect((await signIn(t, ATTACKER, 'loket4', '1234')).code).toBe('LOCKED_OUT');
      await t.stop();
      // A restart used to forget every count: now they are on disk.
      await start(dataDir);
      expect((await signIn(t, ATTACKER, 'loket4', '1234')).code).toBe('LOCKED_OUT');
      clock.advance(MINUTE);
      expect((await signIn(t, ATTACKER, 'loket4', '0000')).code).toBe('INVALID_CREDENTIALS');
      clock.advance(2 * MINUTE - 1000);
      expect((await signIn(t, ATTACKER, 'loket4', '0000')).code).toBe('LOCKED_OUT');
      clock.advance(1000);
      expect((await signIn(t, ATTACKER, 'loket4', '0000')).code).toBe('INVALID_CREDENTIALS');
      clock.advance(4 * MINUTE - 1000);
      expect((await signIn(t, ATTACKER, 'loket4', '0000')).code).toBe('LOCKED_OUT');
    });

    it('the officer signing in at their PC neither unlocks the attacker nor is locked out by them', async () => {
      clock = new ManualClock(MONDAY_0900);
      await start();
      for (let i = 0; i < 3; i++) await signIn(t, ATTACKER, 'loket4', '0000');
      expect((await signIn(t, OFFICER_PC, 'loket4', '1234')).status).toBe(200);
      // The good sign-in elsewhere did not wipe the attacker's count.
      expect((await signIn(t, ATTACKER, 'loket4', '1234')).code).toBe('LOCKED_OUT');
    });

    it('guesses spread over many addresses meet the account-wide wait, which spares the officer’s own PC', async () => {
      clock = new ManualClock(MONDAY_0900);
      await start();
      expect((await signIn(t, OFFICER_PC, 'loket4', '1234')).status).toBe(200);
      // Ten addresses, one guess each: no address reaches its own limit.
      for (let i = 10; i < 20; i++)
        expect((await signIn(t, `127.0.0.${String(i)}`, 'loket4', '0000')).code).toBe('INVALID_CREDENTIALS');
      // A fresh address is held back even with the right PIN …
      // … and told to come back when the account-wide minute is over.
      expect(await signIn(t, '127.0.0.30', 'loket4', '1234')).toMatchObject({
        code: 'LOCKED_OUT',
        retryAfter: '60',
      });
      // … while the PC the officer signs in from keeps working: the attacker cannot lock everyone out.
      expect((await signIn(t, OFFICER_PC, 'loket4', '1234')).status).toBe(200);
      // Other accounts are untouched.
      expect((await signIn(t, '127.0.0.30', 'loket5', '1234')).status).toBe(200);
    });

    it('MOD and admin are alerted at the fifth failure of an account; officers are not', async () => {
      clock = new ManualClock(MONDAY_0900);
      await start();
      const mod = await t.socket(await t.login('mod'));
      const officer = await t.socket(await t.login('loket1'));
      const toMod = collect<{ kind: string; message: string }>(mod, 'hub:alert', 1);
      let officerHeard = false;
      officer.on('hub:alert', () => {
        officerHeard = true;
      });
      for (let i = 0; i < 5; i++) await signIn(t, `127.0.0.${String(40 + i)}`, 'loket7', '0000');
      const [alert] = await toMod;
      expect(alert).toMatchObject({ kind: 'sign-in-failures' });
      expect(alert?.message).toContain('loket7');
      expect(alert?.message).toContain('127.0.0.44');
      expect(officerHeard).toBe(false);
    });

    it('re-hashes a PIN stored at the old scrypt cost at its next good sign-in (real sites)', async () => {
      clock = new ManualClock(MONDAY_0900);
      // A hash as `npm run hash-pin` made them before: N = 2^14.
      const salt = randomBytes(16);
      const key = scryptSync('246810', salt, 32, { N: 16384, r: 8, p: 1 });
      const weak = `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
      const site = demoSite({ demo: false, minPinLength: 6, devices: [] });
      t = await startTestHub({
        clock,
        site: {
          ...site,
          accounts: [
            { username: 'lama', name: 'Akun lama', role: 'officer', pinHash: weak, counterIds: ['loket-1'] },
          ],
        },
      });
      const stored = () =>
        (
          t.hub.db.prepare('SELECT pin_hash FROM accounts WHERE username = ?').get('lama') as {
            pin_hash: string;
          }
        ).pin_hash;
      expect(stored()).toBe(weak);
      await t.login('lama', '246810');
      expect(stored()).toMatch(new RegExp(`^scrypt\\$${String(PIN_HASH_N)}\\$8\\$1\\$`));
      // And it still opens with the same PIN.
      await t.login('lama', '246810');
      // Accounts are a projection of the log: the new hash came as an event, so a rebuild gives the same row.
      const rehashed = t.hub.db
        .prepare("SELECT payload FROM events WHERE type = 'account:pin-rehashed'")
        .pluck()
        .all() as string[];
      expect(rehashed.map((p) => (JSON.parse(p) as { pinHash: string }).pinHash)).toEqual([stored()]);
      expectLogIsTruth(t.hub.db);
    });
  },
);

describe('minimum PIN length', () => {
  it('a real site refuses to start with a minimum below 6 digits', async () => {
    const site = demoSite({ demo: false, minPinLength: 4, accounts: [], devices: [] });
    await expect(startTestHub({ site })).rejects.toThrow(/minPinLength.*at least 6/);
    const t = await startTestHub({ site: { ...site, minPinLength: 6 } });
    await t.stop();
  });

  it('refuses a PIN shorter than the minimum at sign-in, even when an old hash matches it, and for new PINs', async () => {
    const pinHash = await hashPin('123456');
    const site = demoSite({ minPinLength: 6 });
    const t = await startTestHub({
      site: {
        ...site,
        accounts: [
          ...site.accounts,
          { username: 'panjang', name: 'PIN panjang', role: 'admin', pinHash, counterIds: [] },
        ],
      },
    });
    try {
      // loket1's demo PIN 1234 matches its hash, but is too short for this site.
      const short = await t.api<{ error: { code: string } }>('POST', '/auth/login', {
        body: { username: 'loket1', pin: '1234' },
      });
      expect(short.body.error.code).toBe('INVALID_CREDENTIALS');
      const admin = await t.api<{ token: string }>('POST', '/auth/login', {
        body: { username: 'panjang', pin: '123456' },
      });
      expect(admin.status).toBe(200);
      const token = admin.body.token;
      const created = await t.api<{ error: { code: string } }>('POST', '/accounts', {
        token,
        body: {
          username: 'baru',
          name: 'Petugas Baru',
          role: 'officer',
          pin: '1234',
          counterIds: ['loket-1'],
        },
      });
      expect(created.status).toBe(400);
      expect(created.body.error.code).toBe('VALIDATION_FAILED');
      const reset = await t.api('POST', '/accounts/loket1/pin', { token, body: { pin: '12345' } });
      expect(reset.status).toBe(400);
      expect((await t.api('POST', '/accounts/loket1/pin', { token, body: { pin: '246810' } })).status).toBe(
        200,
      );
      expect(
        (await t.api('POST', '/auth/login', { body: { username: 'loket1', pin: '246810' } })).status,
      ).toBe(200);
    } finally {
      await t.stop();
    }
  });
});
