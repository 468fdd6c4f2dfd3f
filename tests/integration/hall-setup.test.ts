import type {
  ApiErrorBody,
  AuditEntry,
  CounterView,
  IssuedTicket,
  ServiceView,
  SettingsChanged,
  SettingsView,
  SiteView,
  TicketView,
} from '@giliran/protocol';
import { SettingsView as SettingsViewSchema } from '@giliran/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../apps/hub/src/hub.ts';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { collect, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';
import { expectFolderLogIsTruth } from '../support/log-truth.ts';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

// 09:00 WIB (Asia/Pontianak) on a Wednesday: every demo service is open.
const START = '2026-11-25T02:00:00.000Z';
const NAME = (id: string, en = id) => ({ id, en });
const NIKAH = {
  id: 'nikah',
  agencyId: 'kemenag',
  prefix: 'P',
  name: NAME('Pendaftaran Nikah', 'Marriage registration'),
  summary: {
    requirements: [NAME('Surat pengantar kelurahan', 'Letter from the village office')],
    fee: NAME('Gratis', 'Free'),
    duration: NAME('20 menit', '20 minutes'),
  },
  standardMinutes: 20,
};

describe('the hall is set up from the screens (issue 14)', () => {
  let t: TestHub | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  it('admin adds an agency, a service and a counter; kiosk, counter and display see them; they survive a restart', async () => {
    const clock = new ManualClock(START);
    const dataDir = mkdtempSync(join(tmpdir(), 'giliran-hall-'));
    t = await startTestHub({ clock, dataDir });
    const admin = await t.login('admin');
    const mod = await t.login('mod');
    const kiosk = await t.socket(KIOSK_TOKEN);

    // MOD reads the hall but only admin changes it.
    const forbidden = await t.api<ApiErrorBody>('POST', '/settings/agencies', {
      token: mod,
      body: { id: 'kemenag', name: NAME('Kemenag', 'Ministry of Religious Affairs') },
    });
    expect(forbidden.status).toBe(403);

    const heard = collect<SettingsChanged>(kiosk, 'settings:changed', 1);
    const agency = await t.api<SettingsView>('POST', '/settings/agencies', {
      token: admin,
      body: {
        id: 'kemenag',
        name: NAME('Kementerian Agama', 'Ministry of Religious Affairs'),
        shortName: 'KUA',
      },
      schema: SettingsViewSchema,
    });
    expect(agency.status).toBe(201);
    expect((await heard)[0]).toMatchObject({ area: 'hall', target: 'kemenag' });

    // The site file's own checks: a prefix is one service's; the published minutes are the timed standard.
    const taken = await t.api<ApiErrorBody>('POST', '/settings/services', {
      token: admin,
      body: { ...NIKAH, prefix: 'A' },
    });
    expect(taken.body.error.code).toBe('PREFIX_TAKEN');
    const noAgency = await t.api<ApiErrorBody>('POST', '/settings/services', {
      token: admin,
      body: { ...NIKAH, agencyId: 'kua' },
    });
    expect(noAgency.body.error.code).toBe('AGENCY_NOT_FOUND');
    const contradicts = await t.api<ApiErrorBody>('POST', '/settings/services', {
      token: admin,
      body: { ...NIKAH, summary: { ...NIKAH.summary, duration: NAME('15 menit', '15 minutes') } },
    });
    expect(contradicts.status).toBe(400);
    expect(contradicts.body.error.code).toBe('VALIDATION_FAILED');

    const service = await t.api<SettingsView>('POST', '/settings/services', { token: admin, body: NIKAH });
    expect(service.status).toBe(201);
    const offered = await t.api<ServiceView[]>('GET', '/services', { token: KIOSK_TOKEN });
    expect(offered.body.find((s) => s.id === 'nikah')).toMatchObject({
      prefix: 'P',
      agency: { id: 'kemenag' },
      open: true,
      summary: NIKAH.summary,
    });
    const ticket = await t.api<IssuedTicket>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'nikah' },
    });
    expect(ticket.status).toBe(201);
    expect(ticket.body.number).toBe('P001');

    const counter = await t.api<SettingsView>('POST', '/settings/counters', {
      token: admin,
      body: { id: 'loket-13', name: 'Loket 13', serviceIds: ['nikah'] },
    });
    expect(counter.status).toBe(201);
    const account = await t.api('POST', '/accounts', {
      token: admin,
      body: {
        username: 'loket13',
        name: 'Petugas KUA',
        role: 'officer',
        counterIds: ['loket-13'],
        pin: '582913',
      },
    });
    expect(account.status).toBe(201);
    const officer = await t.login('loket13', '582913');
    const called = await t.api<TicketView>('POST', '/counters/loket-13/call-next', { token: officer });
    expect(called.body).toMatchObject({ id: ticket.body.id, counterId: 'loket-13' });

    // Renaming a file's service and editing its requirements: the kiosk shows it at once, its prefix stays.
    const renamed = await t.api<SettingsView>('PUT', '/settings/services/ktp-el', {
      token: admin,
      body: {
        name: NAME('KTP Elektronik', 'Electronic ID card'),
        summary: {
          requirements: [NAME('Kartu Keluarga asli', 'Original family card')],
          fee: NAME('Gratis', 'Free'),
          duration: NAME('Hari itu juga', 'Same day'),
        },
      },
    });
    expect(renamed.status).toBe(200);
    const ktp = (await t.api<ServiceView[]>('GET', '/services', { token: KIOSK_TOKEN })).body.find(
      (s) => s.id === 'ktp-el',
    );
    expect(ktp).toMatchObject({ prefix: 'A', name: { id: 'KTP Elektronik' } });
    expect(ktp?.summary?.requirements).toEqual([NAME('Kartu Keluarga asli', 'Original family card')]);
    const prefixChange = await t.api<ApiErrorBody>('PUT', '/settings/services/ktp-el', {
      token: admin,
      body: { prefix: 'Z' },
    });
    expect(prefixChange.status).toBe(400);

    // Retiring: the agency only once its services are; the counter once its ticket is finished.
    const agencyInUse = await t.api<ApiErrorBody>('PUT', '/settings/agencies/kemenag', {
      token: admin,
      body: { retired: true },
    });
    expect(agencyInUse.body.error.code).toBe('AGENCY_IN_USE');
    expect(
      (await t.api('PUT', '/settings/services/nikah', { token: admin, body: { retired: true } })).status,
    ).toBe(200);
    const closed = await t.api<ApiErrorBody>('POST', '/tickets', {
      token: KIOSK_TOKEN,
      body: { serviceId: 'nikah' },
    });
    expect(closed.body.error.code).toBe('SERVICE_CLOSED');
    const busy = await t.api<ApiErrorBody>('PUT', '/settings/counters/loket-13/details', {
      token: admin,
      body: { retired: true },
    });
    expect(busy.body.error.code).toBe('COUNTER_IN_USE');
    expect((await t.api('POST', `/tickets/${ticket.body.id}/step`, { token: officer })).status).toBe(200);
    const done = await t.api<TicketView>('POST', `/tickets/${ticket.body.id}/finish`, {
      token: officer,
      body: {},
    });
    expect(done.body).toMatchObject({ status: 'done', number: 'P001' });
    expect(
      (await t.api('PUT', '/settings/counters/loket-13/details', { token: admin, body: { retired: true } }))
        .status,
    ).toBe(200);
    expect(
      (await t.api('PUT', '/settings/agencies/kemenag', { token: admin, body: { retired: true } })).status,
    ).toBe(200);
    const counters = await t.api<CounterView[]>('GET', '/counters', { token: mod });
    expect(counters.body.map((c) => c.id)).not.toContain('loket-13');
    expect(
      (await t.api<ServiceView[]>('GET', '/services', { token: KIOSK_TOKEN })).body.map((s) => s.id),
    ).not.toContain('nikah');

    const audit = await t.api<AuditEntry[]>('GET', '/audit?area=hall', { token: admin });
    expect(audit.body.filter((e) => e.action === 'create').map((e) => e.target)).toEqual(
      expect.arrayContaining(['kemenag', 'nikah', 'loket-13']),
    );

    await t.stop();
    expectFolderLogIsTruth(join(dataDir, DATABASE_FILE));
    t = await startTestHub({ clock, dataDir });
    const after = await t.api<SettingsView>('GET', '/settings', { token: await t.login('admin') });
    expect(after.body.hall.agencies.find((a) => a.id === 'kemenag')).toMatchObject({
      retired: true,
      shortName: 'KUA',
    });
    expect(after.body.hall.services.find((s) => s.id === 'nikah')).toMatchObject({
      retired: true,
      prefix: 'P',
    });
    expect(after.body.hall.counters.find((c) => c.id === 'loket-13')).toMatchObject({
      retired: true,
      serviceIds: ['nikah'],
    });
    const site = await t.api<SiteView>('GET', '/site', { token: KIOSK_TOKEN });
    expect(site.body.agencies.map((a) => a.id)).not.toContain('kemenag');
    const again = await t.api<ServiceView[]>('GET', '/services', { token: KIOSK_TOKEN });
    expect(again.body.find((s) => s.id === 'ktp-el')?.name.id).toBe('KTP Elektronik');
    // Brought back, the counter is listed again and still serves its service.
    expect(
      (
        await t.api('PUT', '/settings/counters/loket-13/details', {
          token: await t.login('admin'),
          body: { retired: false },
        })
      ).status,
    ).toBe(200);
    await t.stop();
    rmSync(dataDir, { recursive: true, force: true });
    t = undefined;
  });
});
