import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { demoSite, startTestHub, type TestHub } from '../support/hub-harness.ts';

// Wednesday 2026-11-25, 10:00 WIB. The site opened on 5 January 2026; a year ahead of today is 2027-11-26.
const OPENED = '2026-01-05';
const NOW = Date.parse('2026-11-25T10:00:00+07:00');

interface Refusal {
  error: { code: string; details?: { path: string; message: string }[] };
}

describe('date fields outside the site’s sane window', () => {
  let t: TestHub;
  let mod: string;
  let admin: string;
  beforeAll(async () => {
    t = await startTestHub({ clock: new ManualClock(NOW), site: demoSite({ openedOn: OPENED }) });
    mod = await t.login('mod');
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t.stop();
  });

  const get = (path: string, token = mod) => t.api<Refusal>('GET', path, { token });

  it('refuses a report day before the site opened or more than a year ahead, naming the field', async () => {
    expect((await get(`/reports?from=${OPENED}`)).status).toBe(200);
    const early = await get('/reports?from=2026-01-04');
    expect(early.status).toBe(400);
    const details = early.body.error.details ?? [];
    expect(details.some((d) => d.path === 'from' && d.message.includes(OPENED))).toBe(true);
    expect((await get('/reports?from=2027-11-26')).status).toBe(200);
    const late = await get('/reports?from=2027-11-01&to=2027-11-27');
    expect(late.status).toBe(400);
    expect(late.body.error.details?.[0]?.path).toBe('to');
    expect((await get('/reports?from=9999-12-31')).status).toBe(400);
    expect((await get('/reports?from=0001-01-01')).status).toBe(400);
  });

  it('refuses report-chain days outside the window, to read and to sign', async () => {
    expect((await get('/report-chain?date=2026-11-24')).status).toBe(200);
    expect((await get('/report-chain?date=2025-12-31')).status).toBe(400);
    expect((await get('/report-chain?date=2099-01-01')).status).toBe(400);
    const sign = await t.api<Refusal>('POST', '/report-chain/1999-12-31/steps/11', {
      token: mod,
      body: { report: 'x' },
    });
    expect(sign.status).toBe(400);
    expect(sign.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses SKM report periods and audit queries outside the window', async () => {
    expect((await get('/skm?from=2026-11-01&to=2026-11-25')).status).toBe(200);
    expect((await get('/skm?from=2019-01-01&to=2026-11-25')).status).toBe(400);
    expect((await get('/audit?from=2026-11-01')).status).toBe(200);
    expect((await get('/audit?from=1970-01-01')).status).toBe(400);
    expect((await get('/audit?to=2031-01-01T00:00:00Z')).status).toBe(400);
  });

  it('refuses wait-accuracy ranges outside the window, as the other reports do', async () => {
    expect((await get(`/reports/wait-accuracy?from=${OPENED}&to=2026-11-25`)).status).toBe(200);
    const early = await get('/reports/wait-accuracy?from=2026-01-04');
    expect(early.status).toBe(400);
    expect(early.body.error.details?.some((d) => d.path === 'from' && d.message.includes(OPENED))).toBe(true);
    const late = await get('/reports/wait-accuracy?from=2027-11-01&to=2027-11-27&format=csv');
    expect(late.status).toBe(400);
    expect(late.body.error.details?.[0]?.path).toBe('to');
  });

  it('takes next year’s holidays (the SKB comes out in the autumn) but not the year after, nor before opening', async () => {
    const put = (year: number) =>
      t.api<Refusal>('PUT', '/calendar/holidays', {
        token: admin,
        body: { year, holidays: [{ date: `${year}-01-01`, kind: 'libur_nasional', name: 'Tahun Baru' }] },
      });
    expect((await put(2027)).status).toBe(200);
    expect((await put(2028)).status).toBe(400);
    expect((await put(2025)).status).toBe(400);
  });
});

describe('without an opening day in the site file', () => {
  it('refuses days before the first Mal Pelayanan Publik (2017)', async () => {
    const t = await startTestHub({ clock: new ManualClock(NOW) });
    const mod = await t.login('mod');
    expect((await t.api('GET', '/reports?from=2016-12-31', { token: mod })).status).toBe(400);
    expect((await t.api('GET', '/reports?from=2017-01-01', { token: mod })).status).toBe(200);
    await t.stop();
  });
});
