import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BookingOptions,
  BookingView,
  RegionSections,
  ReportView,
  SlotsView,
  type IssuedTicket,
} from '@giliran/protocol';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { centralSuite } from '../support/central-suite.ts';
import { CENTRAL_VIEWER } from '../support/central-harness.ts';
import { driveDay, FAST_PUSH, startEnrolledHub, untilSynced } from '../support/central-world.ts';
import { eventually } from '../support/eventually.ts';
import { demoSite, KIOSK_TOKEN, startTestHub } from '../support/hub-harness.ts';
import { ShiftedClock } from '../support/shifted-clock.ts';

const RegionView = ReportView.extend({ region: RegionSections });

/** The figures of a report, without when it was made. */
function figures(view: ReportView): ReportView {
  return { ...view, generatedAt: '', live: false };
}

async function fetchFile(
  url: string,
  token: string,
): Promise<{ status: number; type: string; body: Buffer }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: Buffer.from(await res.arrayBuffer()),
  };
}

// Real hubs, a real central and a throwaway PostgreSQL: slow on a loaded 2-core machine.
describe(
  'region reports at central: the hall’s own report, built from the events',
  { timeout: 120_000 },
  () => {
    const suite = centralSuite();

    it('two hubs push: each site’s report equals that hub’s own, and the region adds them up', async () => {
      const sites = [await suite.c.enrol('mpp-pontianak'), await suite.c.enrol('mpp-sintang')];
      const [a, b] = await Promise.all(sites.map((s) => startEnrolledHub(suite.c.central.url, s)));
      if (!a || !b) throw new Error('hubs');
      suite.hubs.push(a, b);
      await Promise.all([driveDay(a, 30), driveDay(b, 18)]);
      // A compensation, a transfer and SKM answers at hall A: they too must read the same at central.
      const mod = await a.login('mod');
      expect(
        (await a.api('POST', '/compensations', { token: mod, body: { kind: 'fee_mismatch' } })).status,
      ).toBe(201);
      for (const answers of [
        [4, 4, 3, 4, 3, 4, 4, 3, 4],
        [3, 3, 3, 2, 3, 4, 3, 3, 3],
      ]) {
        const res = await a.api('POST', '/survey/responses', {
          token: KIOSK_TOKEN,
          body: {
            serviceId: 'kk',
            answers,
            respondent: { gender: 'perempuan', ageBand: '30_39', education: 's1', occupation: 'swasta' },
          },
        });
        expect(res.status).toBe(201);
      }
      await Promise.all([untilSynced(a), untilSynced(b)]);

      const viewer = await suite.c.login(CENTRAL_VIEWER);
      const day = a.hub.engine.serviceDay;
      for (const [hub, site] of [
        [a, 'mpp-pontianak'],
        [b, 'mpp-sintang'],
      ] as const) {
        const own = ReportView.parse(
          (await hub.api('GET', '/reports/today', { token: await hub.login('mod') })).body,
        );
        const res = await suite.c.api('GET', `/central/reports?site=${site}&from=${day}`, { token: viewer });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        const central = RegionView.parse(res.body);
        expect(figures(central)).toMatchObject(figures(own));
        expect(own.total.issued).toBeGreaterThan(0);
      }

      const region = RegionView.parse(
        (await suite.c.api('GET', `/central/reports?from=${day}&to=${day}`, { token: viewer })).body,
      );
      const own = await Promise.all(
        [a, b].map(async (h) =>
          ReportView.parse((await h.api('GET', '/reports/today', { token: await h.login('mod') })).body),
        ),
      );
      expect(region.total.issued).toBe((own[0]?.total.issued ?? 0) + (own[1]?.total.issued ?? 0));
      expect(region.total.served).toBe((own[0]?.total.served ?? 0) + (own[1]?.total.served ?? 0));
      expect(region.region.sites.map((s) => [s.key, s.issued, s.served])).toEqual([
        ['mpp-pontianak', own[0]?.total.issued, own[0]?.total.served],
        ['mpp-sintang', own[1]?.total.issued, own[1]?.total.served],
      ]);
      expect(region.compensations.total.raised).toBe(1);
      expect(region.region.skm.find((r) => r.key === 'mpp-pontianak')).toMatchObject({
        respondents: 2,
        mutu: 'B',
      });
      expect(region.region.skm.at(-1)).toMatchObject({ key: 'total', respondents: 2 });
      expect(region.region.complaints.at(-1)).toMatchObject({ key: 'total', filed: 0 });

      // The files come from the hall's engine: CSV, XLSX (a sheet per table, the region's first) and PDF.
      const base = `${suite.c.central.url}/api/central/reports?from=${day}`;
      const csv = await fetchFile(`${base}&format=csv`, suite.admin);
      expect(csv.type).toMatch(/text\/csv/);
      expect(csv.body.toString('utf8')).toContain('Rekap per situs');
      const xlsx = await fetchFile(`${base}&format=xlsx`, suite.admin);
      expect(xlsx.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body as unknown as ExcelJS.Buffer);
      expect(workbook.worksheets.slice(0, 3).map((s) => s.name)).toEqual(['Situs', 'SKM', 'Pengaduan']);
      const pdf = await fetchFile(`${base}&format=pdf`, suite.admin);
      expect(pdf.type).toBe('application/pdf');
      const dir = mkdtempSync(join(tmpdir(), 'giliran-region-pdf-'));
      try {
        writeFileSync(join(dir, 'r.pdf'), pdf.body);
        const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
        expect(text).toContain('Rekap per situs');
        expect(text).toContain('Survei Kepuasan Masyarakat');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('a hall with online booking: central’s booking section equals the hall’s own', async () => {
      const site = await suite.c.enrol('mpp-singkawang');
      // The hall's calendar jumps to the booked day for check-in; central's runs on.
      const clock = new ShiftedClock(new Date().toISOString());
      const t = await startTestHub({
        clock,
        site: demoSite({
          id: site.id,
          central: {
            url: suite.c.central.url,
            siteId: site.id,
            key: site.key,
            bookingKey: site.bookingKey ?? '',
          },
        }),
        centralTiming: FAST_PUSH,
      });
      suite.hubs.push(t);
      const at = async (method: string, path: string, body?: unknown) => {
        const res = await fetch(`${suite.c.central.url}/api/sites/${site.id}${path}`, {
          method,
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        return { status: res.status, body: await res.json() };
      };
      // Central takes the hall's bookings once the hub's profile brought its terms.
      let date = '';
      await eventually(async () => {
        const options = await at('GET', '/booking/options');
        if (options.status !== 200) return false;
        date = BookingOptions.parse(options.body).services.find((s) => s.id === 'ktp-el')?.dates[1] ?? '';
        return date !== '';
      });
      const slots = SlotsView.parse((await at('GET', `/booking/slots?serviceId=ktp-el&date=${date}`)).body);
      const sessionId = slots.sessions[0]?.id ?? '';
      const booked: BookingView[] = [];
      for (const phone of ['081211110001', '081211110002', '081211110003']) {
        const made = await at('POST', '/bookings', {
          serviceId: 'ktp-el',
          date,
          sessionId,
          name: 'Sari',
          phone,
        });
        expect(made.status, JSON.stringify(made.body)).toBe(201);
        booked.push(BookingView.parse(made.body));
      }
      const [kept, cancelled] = booked;
      if (!kept || !cancelled) throw new Error('bookings');
      expect(BookingView.parse((await at('DELETE', `/bookings/${cancelled.code}`)).body).status).toBe(
        'cancelled',
      );
      await eventually(
        () =>
          t.hub.db.prepare("SELECT count(*) FROM bookings WHERE status = 'cancelled'").pluck().get() === 1 &&
          t.hub.db.prepare('SELECT count(*) FROM bookings').pluck().get() === 3,
      );

      clock.jumpTo(new Date(Date.parse(kept.checkInFrom) + 5 * 60_000).toISOString());
      const ticket = await t.api<IssuedTicket>('POST', `/bookings/${kept.code}/check-in`, {
        token: KIOSK_TOKEN,
        body: {},
      });
      expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
      const walkIn = await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: 'ktp-el' } });
      expect(walkIn.status).toBe(201);
      await untilSynced(t);

      const own = ReportView.parse(
        (await t.api('GET', '/reports/today', { token: await t.login('mod') })).body,
      );
      expect(own.bookings?.total.bookings).toMatchObject({ made: 3, cancelled: 1, checkedIn: 1 });
      expect(own.bookings?.total.booked.tickets).toBe(1);
      const viewer = await suite.c.login(CENTRAL_VIEWER);
      const res = await suite.c.api('GET', `/central/reports?site=${site.id}&from=${date}&to=${date}`, {
        token: viewer,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const central = RegionView.parse(res.body);
      expect(central.bookings).toEqual(own.bookings);
      expect(figures(central)).toMatchObject(figures(own));
      // The region's section adds the sites' bookings up, each service named by its hall.
      const region = RegionView.parse(
        (await suite.c.api('GET', `/central/reports?from=${date}&to=${date}`, { token: viewer })).body,
      );
      expect(region.bookings?.total).toEqual(own.bookings?.total);
      expect(region.bookings?.services.map((s) => s.serviceId)).toContain(`${site.id}/ktp-el`);
    });

    it('only regional accounts read reports; a bad range or site is a clear error', async () => {
      expect((await suite.c.api('GET', '/central/reports')).status).toBe(401);
      const viewer = await suite.c.login(CENTRAL_VIEWER);
      const backwards = await suite.c.api<{ error: { code: string } }>(
        'GET',
        '/central/reports?from=2026-03-02&to=2026-03-01',
        { token: viewer },
      );
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.code).toBe('VALIDATION_FAILED');
      const unknown = await suite.c.api<{ error: { code: string } }>(
        'GET',
        '/central/reports?site=tidak-ada',
        {
          token: viewer,
        },
      );
      expect(unknown.body.error.code).toBe('CENTRAL_SITE_NOT_FOUND');
      // A profile needs the site's key, like its events.
      const profile = await suite.c.api('PUT', '/central/profile', { body: {} });
      expect(profile.status).toBe(401);
    });
  },
);
