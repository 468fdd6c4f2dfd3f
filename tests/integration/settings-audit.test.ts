import { rmSync } from 'node:fs';
import {
  AccountView,
  AuditEntry,
  SettingsView,
  type ApiErrorBody,
  type SettingsChanged,
} from '@giliran/protocol';
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { collect, DISPLAY_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

// 09:00 WIB (Asia/Pontianak) on a Wednesday.
const START = '2026-11-25T02:00:00.000Z';
const DRINK = { id: 'Permohonan maaf dan minuman gratis', en: 'An apology and a free drink' };
const ERROR_MESSAGE = { id: 'Data yang dikirim tidak valid.', en: 'The data sent is not valid.' };

describe('settings: who may change them, bad input, the audit trail and restarts', () => {
  let t: TestHub | undefined;
  const folders: string[] = [];
  afterEach(async () => {
    await t?.stop();
    t = undefined;
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  it('the floor is the managers’, the rules and accounts the admin’s; others are refused with 403', async () => {
    t = await startTestHub();
    const [mod, coordinator, fo, officer] = await Promise.all(
      ['mod', 'koordinator', 'fo', 'loket1'].map((u) => (t as TestHub).login(u)),
    );
    const view = await t.api<SettingsView>('GET', '/settings', { token: mod, schema: SettingsView });
    expect(view.body.editable).toEqual({
      'running-text': true,
      'counter-services': true,
      'opening-hours': true,
      'sop-standards': false,
      'late-service': false,
      accounts: false,
      booking: true,
      messages: true,
      hall: false,
    });
    const floor = { serviceIds: ['ktp-el', 'kk'] };
    expect(
      (await t.api('PUT', '/settings/counters/loket-1', { token: coordinator, body: floor })).status,
    ).toBe(200);
    expect(
      (await t.api('PUT', '/settings/opening-hours', { token: mod, body: { hours: view.body.openingHours } }))
        .status,
    ).toBe(200);

    const forbidden = [
      ['PUT', '/settings/late-service', mod, { tiers: [{ minutesLate: 99, remedy: DRINK }] }],
      ['PUT', '/settings/sop-standards', mod, { standards: view.body.sopStandards }],
      ['PUT', '/settings/sop-standards/ktp-el', coordinator, { standards: {} }],
      ['POST', '/accounts', mod, { username: 'x1', name: 'X', role: 'fo', pin: '482913' }],
      ['PUT', '/accounts/loket1', mod, { disabled: true }],
      ['POST', '/accounts/loket1/pin', mod, { pin: '482913' }],
      ['GET', '/settings', officer, undefined],
      ['GET', '/settings', fo, undefined],
      ['PUT', '/settings/counters/loket-1', fo, floor],
      ['GET', '/accounts', officer, undefined],
      ['GET', '/audit', fo, undefined],
      ['PUT', '/settings/running-text', DISPLAY_TOKEN, { text: 'x' }],
    ] as const;
    for (const [method, path, token, body] of forbidden) {
      const res = await t.api<ApiErrorBody>(method, path, { token, ...(body ? { body } : {}) });
      expect([path, res.status, res.body.error.code]).toEqual([path, 403, 'FORBIDDEN']);
    }
    expect((await t.api('GET', '/settings')).status).toBe(401);
    // Nothing refused was written.
    const audit = await t.api<AuditEntry[]>('GET', '/audit', { token: mod });
    expect(audit.body.map((e) => e.area)).toEqual(['opening-hours', 'counter-services']);
  });

  it('bad input is a 400 with the bilingual error and changes nothing', async () => {
    t = await startTestHub();
    const admin = await t.login('admin');
    const before = await t.api<SettingsView>('GET', '/settings', { token: admin });
    const table = before.body.sopStandards;
    const bad = [
      ['/settings/late-service', { tiers: [] }],
      [
        '/settings/late-service',
        {
          tiers: [
            { minutesLate: 30, remedy: DRINK },
            { minutesLate: 20, remedy: DRINK },
          ],
        },
      ],
      ['/settings/late-service', { tiers: [{ minutesLate: 15, remedy: { id: '', en: 'x' } }] }],
      ['/settings/sop-standards', { standards: { ...table, '4': 0 } }],
      ['/settings/sop-standards', { standards: { ...table, '6': 601 } }],
      ['/settings/sop-standards', { standards: { '1': 1 } }],
      ['/settings/sop-standards/ktp-el', { standards: { '9': 5 } }],
      ['/settings/sop-standards/ktp-el', { standards: { '4': 2.5 } }],
      ['/settings/counters/loket-1', { serviceIds: [] }],
      ['/settings/counters/loket-1', { serviceIds: ['ktp-el', 'ktp-el'] }],
      ['/settings/counters/loket-1', { serviceIds: ['no-such-service'] }],
      ['/settings/opening-hours', { hours: { mon: [{ open: '12:00', close: '08:00' }] } }],
      [
        '/settings/opening-hours',
        {
          hours: {
            mon: [
              { open: '08:00', close: '12:00' },
              { open: '11:00', close: '14:00' },
            ],
          },
        },
      ],
      ['/settings/opening-hours/paspor', { hours: { funday: [] } }],
      ['/settings/running-text', { text: 'x'.repeat(501) }],
      ['/settings/running-text', { text: 'ok', extra: true }],
    ] as const;
    for (const [path, body] of bad) {
      const res = await t.api<ApiErrorBody>('PUT', path, { token: admin, body });
      expect([path, res.status, res.body.error.code, res.body.error.message]).toEqual([
        path,
        400,
        'VALIDATION_FAILED',
        ERROR_MESSAGE,
      ]);
    }
    const badPin = await t.api<ApiErrorBody>('POST', '/accounts/loket1/pin', {
      token: admin,
      body: { pin: '12a4' },
    });
    expect(badPin.status).toBe(400);
    expect(badPin.body.error.details).toEqual([{ path: 'pin', message: '4–12 digits' }]);
    expect(
      (
        await t.api<ApiErrorBody>('PUT', '/settings/counters/loket-99', {
          token: admin,
          body: { serviceIds: ['kk'] },
        })
      ).body.error.code,
    ).toBe('COUNTER_NOT_FOUND');
    expect(
      (
        await t.api<ApiErrorBody>('PUT', '/settings/sop-standards/nope', {
          token: admin,
          body: { standards: {} },
        })
      ).body.error.code,
    ).toBe('SERVICE_NOT_FOUND');

    const after = await t.api<SettingsView>('GET', '/settings', { token: admin });
    expect(after.body).toEqual(before.body);
    expect((await t.api<AuditEntry[]>('GET', '/audit', { token: admin })).body).toEqual([]);
    expect((await t.login('loket1')).length).toBeGreaterThan(0);
  });

  it('records each change with who, when, before and after; never a PIN; filters by area, day and limit', async () => {
    const clock = new ManualClock(START);
    t = await startTestHub({ clock });
    const admin = await t.login('admin');
    const mod = await t.login('mod');
    await t.api('PUT', '/settings/counters/loket-1', {
      token: mod,
      body: { serviceIds: ['ktp-el', 'kk', 'jkn'] },
    });
    clock.advance(60_000);
    await t.api('PUT', '/settings/late-service', {
      token: admin,
      body: { tiers: [{ minutesLate: 20, remedy: DRINK }] },
    });
    await t.api('PUT', '/settings/sop-standards/skck', { token: admin, body: { standards: { '7': 15 } } });
    await t.api('PUT', '/display/running-text', { token: mod, body: { text: 'Selamat pagi' } });
    await t.api('POST', '/accounts/loket1/pin', { token: admin, body: { pin: '583920' } });
    await t.api('PUT', '/accounts/loket2', { token: admin, body: { disabled: true } });

    const audit = await t.api<AuditEntry[]>('GET', '/audit', { token: mod, schema: z.array(AuditEntry) });
    expect(audit.body).toMatchObject([
      { actor: 'admin', actorRole: 'admin', area: 'accounts', target: 'loket2', action: 'disable' },
      { actor: 'admin', area: 'accounts', target: 'loket1', action: 'reset-pin', before: null },
      { actor: 'mod', actorRole: 'mod', area: 'running-text', target: null, after: 'Selamat pagi' },
      { actor: 'admin', area: 'sop-standards', target: 'skck', before: { '7': 10 }, after: { '7': 15 } },
      {
        actor: 'admin',
        area: 'late-service',
        at: '2026-11-25T02:01:00.000Z',
        before: [{ minutesLate: 15, remedy: DRINK }],
        after: [{ minutesLate: 20, remedy: DRINK }],
      },
      {
        actor: 'mod',
        area: 'counter-services',
        target: 'loket-1',
        action: 'update',
        at: START,
        before: ['ktp-el', 'kk'],
        after: ['ktp-el', 'kk', 'jkn'],
      },
    ]);
    expect(audit.body[0]).toMatchObject({ before: { disabled: false }, after: { disabled: true } });
    expect(JSON.stringify(audit.body)).not.toMatch(/scrypt|583920/);

    const accounts = await t.api<AuditEntry[]>('GET', '/audit?area=accounts&limit=1', { token: mod });
    expect(accounts.body.map((e) => e.action)).toEqual(['disable']);
    // The site's local day of 25 November (WIB) holds all of them; the day before none.
    expect(
      (await t.api<AuditEntry[]>('GET', '/audit?from=2026-11-25&to=2026-11-25', { token: mod })).body,
    ).toHaveLength(6);
    expect((await t.api<AuditEntry[]>('GET', '/audit?to=2026-11-24', { token: mod })).body).toEqual([]);
    expect(
      (
        await t.api<AuditEntry[]>('GET', `/audit?from=${encodeURIComponent('2026-11-25T09:01:00+07:00')}`, {
          token: mod,
        })
      ).body,
    ).toHaveLength(5);
    expect((await t.api('GET', '/audit?limit=0', { token: mod })).status).toBe(400);
  });

  it('changes survive a restart; a value set back to the file’s lets the file govern again', async () => {
    t = await startTestHub();
    const dataDir = t.dataDir;
    folders.push(dataDir);
    const admin = await t.login('admin');
    const mod = await t.login('mod');
    await t.api('PUT', '/settings/counters/loket-1', { token: mod, body: { serviceIds: ['kk', 'jkn'] } });
    await t.api('PUT', '/settings/counters/loket-3', { token: mod, body: { serviceIds: ['pkb'] } });
    await t.api('PUT', '/settings/late-service', {
      token: admin,
      body: { tiers: [{ minutesLate: 25, remedy: DRINK }] },
    });
    await t.api('PUT', '/settings/sop-standards/ktp-el', { token: admin, body: { standards: { '5': 4 } } });
    await t.api('PUT', '/settings/opening-hours/paspor', { token: mod, body: { hours: null } });
    await t.api('PUT', '/settings/running-text', { token: mod, body: { text: 'Tetap' } });
    await t.api('POST', '/accounts', {
      token: admin,
      body: { username: 'fo2', name: 'FO Dua', role: 'fo', pin: '482913' },
    });
    await t.api('PUT', '/accounts/loket2', { token: admin, body: { disabled: true } });
    await t.api('POST', '/accounts/loket3/pin', { token: admin, body: { pin: '583920' } });
    // loket-3 back to what the file says.
    await t.api('PUT', '/settings/counters/loket-3', { token: mod, body: { serviceIds: ['stnk', 'pkb'] } });
    const before = await t.api<SettingsView>('GET', '/settings', { token: admin });

    await t.hub.close();
    t = await startTestHub({ dataDir });
    const admin2 = await t.login('admin');
    const after = await t.api<SettingsView>('GET', '/settings', { token: admin2 });
    expect(after.body).toEqual(before.body);
    expect(after.body.counters.find((c) => c.id === 'loket-1')?.serviceIds).toEqual(['kk', 'jkn']);
    expect(after.body.counters.find((c) => c.id === 'loket-3')?.serviceIds).toEqual(['stnk', 'pkb']);
    expect(after.body.lateService[0]?.minutesLate).toBe(25);
    expect(after.body.services.find((s) => s.id === 'paspor')?.openingHours).toBeNull();
    const stored = t.hub.db
      .prepare("SELECT key FROM settings WHERE key LIKE 'setting.counter-services/%'")
      .all();
    expect(stored).toEqual([{ key: 'setting.counter-services/loket-1' }]);

    const accounts = await t.api<AccountView[]>('GET', '/accounts', {
      token: admin2,
      schema: z.array(AccountView),
    });
    expect(accounts.body.find((a) => a.username === 'fo2')).toMatchObject({ role: 'fo', disabled: false });
    expect(accounts.body.find((a) => a.username === 'loket2')).toMatchObject({ disabled: true });
    expect((await t.api('POST', '/auth/login', { body: { username: 'loket3', pin: '583920' } })).status).toBe(
      200,
    );
    expect((await t.api('POST', '/auth/login', { body: { username: 'loket2', pin: '1234' } })).status).toBe(
      403,
    );
    expect((await t.api<AuditEntry[]>('GET', '/audit', { token: admin2 })).body).toHaveLength(10);
  });

  it('account changes are told to staff, not to the hall’s devices', async () => {
    t = await startTestHub();
    const admin = await t.login('admin');
    const modSocket = await t.socket(await t.login('mod'));
    const display = await t.socket(DISPLAY_TOKEN);
    const heardByDisplay: SettingsChanged[] = [];
    display.on('settings:changed', (change) => heardByDisplay.push(change));
    const told = collect<SettingsChanged>(modSocket, 'settings:changed', 1);
    await t.api('PUT', '/accounts/loket5', { token: admin, body: { name: 'Petugas Lima' } });
    expect((await told)[0]).toMatchObject({ area: 'accounts', target: 'loket5' });
    const next = collect<SettingsChanged>(display, 'settings:changed', 1);
    await t.api('PUT', '/settings/opening-hours/paspor', { token: admin, body: { hours: null } });
    await next;
    expect(heardByDisplay.map((c) => c.area)).toEqual(['opening-hours']);
  });
});
