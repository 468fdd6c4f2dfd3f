import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IssuedTicket, SkmReportView, SkmSubmitted, SkmTicketView } from '@giliran/protocol';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../apps/hub/src/testing/manual-clock.ts';
import { SKM_XLSX_HEADER_ROW } from '../../apps/hub/src/skm/skm-xlsx.ts';
import { KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

/** Monday 10 March 2025, 09:00 in Pontianak (UTC+7). */
const MONDAY_0900 = '2025-03-10T02:00:00.000Z';
const DAY = '2025-03-10';
const MINUTE = 60_000;
const SCREENSHOTS = fileURLToPath(new URL('../../.tmp/screenshots/', import.meta.url));

/** The code as the printout groups it for typing: `ABCDE-FGHJK`. */
const grouped = (code: string): string => `${code.slice(0, 5)}-${code.slice(5)}`;

const RESPONDENT = { gender: 'perempuan', ageBand: '30_39', education: 's1', occupation: 'pns' } as const;

describe('SKM survey and IKM report over REST', () => {
  let t: TestHub;
  let clock: ManualClock;
  afterEach(async () => {
    await t.stop();
  });

  async function start(): Promise<void> {
    clock = new ManualClock(MONDAY_0900);
    t = await startTestHub({ clock });
  }

  async function issue(serviceId: string): Promise<IssuedTicket> {
    const res = await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return IssuedTicket.parse(res.body);
  }

  /** The officer at `counter` calls the next ticket, starts service and, unless told otherwise, finishes it. */
  async function serve(officer: string, counter: string, ticket: IssuedTicket, finish = true): Promise<void> {
    const post = async (path: string, body?: object) => {
      const res = await t.api('POST', path, { token: officer, ...(body ? { body } : {}) });
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
    };
    await post(`/counters/${counter}/call-next`);
    await post(`/tickets/${ticket.id}/step`);
    clock.advance(2 * MINUTE);
    if (finish) await post(`/tickets/${ticket.id}/finish`, {});
  }

  const submit = (body: object, token?: string, key?: string) =>
    t.api('POST', '/survey/responses', {
      body,
      ...(token ? { token } : {}),
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
    });
  const lookUp = (ref: string, token?: string) =>
    t.api('GET', `/survey/tickets/${ref}`, token ? { token } : {});

  it('takes one questionnaire per served ticket, publicly with its code, and refuses a second in both languages', async () => {
    await start();
    const officer = await t.login('loket1');
    const ticket = await issue('ktp-el');

    const early = await lookUp(ticket.code);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ error: { code: 'SKM_TICKET_NOT_SERVED' } });

    await serve(officer, 'loket-1', ticket, false);
    // Being served is enough: SOP step 4 asks for the SKM at the desk.
    const view = await lookUp(ticket.code);
    expect(view.status).toBe(200);
    expect(SkmTicketView.parse(view.body)).toMatchObject({
      number: ticket.number,
      serviceDay: DAY,
      service: { id: 'ktp-el' },
      agency: { id: 'disdukcapil' },
    });
    // The public may not use the number printed in big letters: anyone in the hall can read it.
    // It is refused with what the survey needs instead: the code printed under the QR.
    for (const printed of [ticket.number, ticket.number.toLowerCase()]) {
      const refused = await lookUp(printed);
      expect(refused.status).toBe(400);
      const { error } = refused.body as { error: { code: string; message: { id: string } } };
      expect(error.code).toBe('SKM_CODE_REQUIRED');
      expect(error.message.id).toMatch(/kode survei.*di bawah kode QR/);
    }

    const answers = [4, 3, 3, 4, 3, 3, 4, 2, 3];
    const first = await submit({ ticket: ticket.code.toLowerCase(), answers, respondent: RESPONDENT });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(SkmSubmitted.parse(first.body)).toMatchObject({
      serviceId: 'ktp-el',
      ticketNumber: ticket.number,
    });

    const second = await submit({ ticket: ticket.code, answers, respondent: RESPONDENT });
    expect(second.status).toBe(409);
    expect(second.body).toEqual({
      error: {
        code: 'SKM_ALREADY_ANSWERED',
        message: {
          id: 'Survei untuk tiket ini sudah diisi. Setiap tiket hanya dapat mengisi satu kali. Terima kasih.',
          en: 'The survey for this ticket has already been filled in. Each ticket can answer once. Thank you.',
        },
      },
    });
    expect((await lookUp(ticket.code)).body).toMatchObject({ error: { code: 'SKM_ALREADY_ANSWERED' } });
    // The kiosk typing the code, grouped as printed, is refused too: the answer belongs to the ticket.
    expect((await lookUp(grouped(ticket.code), KIOSK_TOKEN)).body).toMatchObject({
      error: { code: 'SKM_ALREADY_ANSWERED' },
    });
    // Today's number is no key at a kiosk either: the officer who served the citizen knows it.
    expect((await lookUp(ticket.number, KIOSK_TOKEN)).body).toMatchObject({
      error: { code: 'SKM_CODE_REQUIRED' },
    });
  });

  it('refuses what is not a questionnaire, a public survey without a ticket, and staff answering for citizens', async () => {
    await start();
    const officer = await t.login('loket1');
    const ticket = await issue('kk');
    await serve(officer, 'loket-1', ticket);
    const good = { ticket: ticket.code, answers: [3, 3, 3, 3, 3, 3, 3, 3, 3], respondent: RESPONDENT };
    for (const bad of [
      { ...good, answers: [3, 3, 3, 3, 3, 3, 3, 3] },
      { ...good, answers: [3, 3, 3, 3, 3, 3, 3, 3, 5] },
      { ...good, answers: [0, 3, 3, 3, 3, 3, 3, 3, 3] },
      { ...good, respondent: { ...RESPONDENT, education: 'tk' } },
      { ...good, serviceId: 'kk' },
      { ...good, extra: true },
    ]) {
      const res = await submit(bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body).toMatchObject({
        error: {
          code: 'VALIDATION_FAILED',
          message: { id: expect.any(String) as string, en: expect.any(String) as string },
        },
      });
    }
    const noTicket = await submit({ serviceId: 'kk', answers: good.answers, respondent: RESPONDENT });
    expect(noTicket.status).toBe(400);
    expect(noTicket.body).toMatchObject({ error: { code: 'SKM_TICKET_REQUIRED' } });
    expect((await submit(good, officer)).status).toBe(403);
    expect((await submit(good, 'not-a-token')).status).toBe(401);
    expect((await lookUp('ZZZZZZZZZZ')).body).toMatchObject({ error: { code: 'TICKET_NOT_FOUND' } });
  });

  it('lets a kiosk take a survey without a ticket for a chosen service, once per Idempotency-Key', async () => {
    await start();
    const body = { serviceId: 'jkn', answers: [2, 2, 2, 2, 2, 2, 2, 2, 2], respondent: RESPONDENT };
    const first = await submit(body, KIOSK_TOKEN, 'survey-key-0001');
    const replay = await submit(body, KIOSK_TOKEN, 'survey-key-0001');
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect((await submit({ ...body, serviceId: 'nope' }, KIOSK_TOKEN)).body).toMatchObject({
      error: { code: 'SERVICE_NOT_FOUND' },
    });
    const mod = await t.login('mod');
    const report = SkmReportView.parse(
      (await t.api('GET', `/skm?from=${DAY}&to=${DAY}`, { token: mod })).body,
    );
    expect(report.figures).toMatchObject({ respondents: 1, withoutTicket: 1, converted: 50, mutu: 'D' });
  });

  it('keeps a served ticket surveyable for seven days after its day, not eight', async () => {
    await start();
    const officer = await t.login('loket1');
    const week = await issue('ktp-el');
    await serve(officer, 'loket-1', week);
    const older = await issue('ktp-el');
    await serve(officer, 'loket-1', older);
    clock.advance(7 * 24 * 60 * MINUTE);
    expect((await lookUp(week.code)).status).toBe(200);
    clock.advance(24 * 60 * MINUTE);
    expect((await lookUp(older.code)).body).toMatchObject({ error: { code: 'SKM_TICKET_EXPIRED' } });
  });

  it('rate-limits public look-ups per address', async () => {
    await start();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await lookUp(`ABCDEFGH${String(i).padStart(2, '0')}`)).status);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect((await lookUp('ABCDEFGHZZ')).body).toMatchObject({ error: { code: 'SKM_RATE_LIMITED' } });
  });

  describe('the IKM endpoint, with figures worked by hand', () => {
    /**
     * Four respondents on Monday 10 March 2025:
     *   R1 ktp-el, public by code     4 4 4 4 4 4 4 4 4   laki-laki 30–39 S1  PNS
     *   R2 ktp-el, kiosk by code      3 3 3 4 3 3 3 3 3   perempuan 20–29 SMA Swasta
     *   R3 ktp-el, kiosk, no ticket   2 3 3 4 3 3 4 2 3   perempuan 40–49 SMP Wirausaha
     *   R4 stnk, public by code       3 2 2 3 3 3 3 3 2   laki-laki 50–59 D3  Lainnya
     * Served: three ktp-el tickets (one never answers) and one stnk ticket.
     *
     * Site: totals 12 12 12 15 13 13 14 12 12 = 115; NRR U1 = 12/4 = 3.00, U4 = 15/4 = 3.75;
     *   IKM = 115 / (9 × 4) = 3.19444…; × 25 = 79.8611… → 79.86, B (Baik).
     *   Population 4; Krejcie–Morgan 3841·4 / (40 + 3831) = 3.97 → 4; 4 respondents → reached.
     * Disdukcapil (ktp-el): totals 9 10 10 12 10 10 11 9 10 = 91; 91 × 25 / 27 = 84.259… → 84.26, B;
     *   population 3, sample 3841·3 / 3861 = 2.98 → 3, reached; one answered without a ticket.
     * SAMSAT (stnk): 24 × 25 / 9 = 66.666… → 66.67, C (Kurang Baik); population 1, sample 1, reached.
     */
    async function fillTheDay(): Promise<string> {
      await start();
      const loket1 = await t.login('loket1');
      const loket3 = await t.login('loket3');
      const k1 = await issue('ktp-el');
      const k2 = await issue('ktp-el');
      const k3 = await issue('ktp-el');
      const s1 = await issue('stnk');
      for (const ticket of [k1, k2, k3]) await serve(loket1, 'loket-1', ticket);
      await serve(loket3, 'loket-3', s1);
      const answer = async (ticket: string | null, answers: number[], respondent: object, token?: string) => {
        const body =
          ticket === null ? { serviceId: 'ktp-el', answers, respondent } : { ticket, answers, respondent };
        const res = await submit(body, token);
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      };
      const who = (gender: string, ageBand: string, education: string, occupation: string) => ({
        gender,
        ageBand,
        education,
        occupation,
      });
      await answer(k1.code, [4, 4, 4, 4, 4, 4, 4, 4, 4], who('laki_laki', '30_39', 's1', 'pns'));
      await answer(
        grouped(k2.code),
        [3, 3, 3, 4, 3, 3, 3, 3, 3],
        who('perempuan', '20_29', 'sma', 'swasta'),
        KIOSK_TOKEN,
      );
      await answer(
        null,
        [2, 3, 3, 4, 3, 3, 4, 2, 3],
        who('perempuan', '40_49', 'smp', 'wirausaha'),
        KIOSK_TOKEN,
      );
      await answer(s1.code, [3, 2, 2, 3, 3, 3, 3, 3, 2], who('laki_laki', '50_59', 'd3', 'lainnya'));
      return t.login('mod');
    }

    async function report(token: string, query: string): Promise<SkmReportView> {
      const res = await t.api('GET', `/skm?${query}`, { token });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return SkmReportView.parse(res.body);
    }

    it('gives NRR per unsur, IKM, conversion, mutu, kinerja, sample and profile for the site and each scope', async () => {
      const mod = await fillTheDay();
      const site = await report(mod, `from=${DAY}&to=${DAY}`);
      expect(site.scope).toEqual({
        kind: 'site',
        id: null,
        name: { id: t.hub.site.name, en: t.hub.site.name },
      });
      expect(site.figures.unsur.map((u) => u.total)).toEqual([12, 12, 12, 15, 13, 13, 14, 12, 12]);
      expect(site.figures.unsur[0]).toMatchObject({ code: 'U1', nrr: 3, converted: 75, mutu: 'C' });
      expect(site.figures.unsur[3]).toMatchObject({ code: 'U4', nrr: 3.75, converted: 93.75, mutu: 'A' });
      expect(site.figures.ikm).toBeCloseTo(115 / 36, 12);
      expect(site.figures).toMatchObject({
        respondents: 4,
        withoutTicket: 1,
        converted: 79.86,
        mutu: 'B',
        kinerja: { id: 'Baik', en: 'Good' },
        population: 4,
        sampleSize: 4,
        sampleReached: true,
      });
      const counts = (entries: { code: string; count: number }[]) =>
        Object.fromEntries(entries.filter((e) => e.count > 0).map((e) => [e.code, e.count]));
      expect(counts(site.demographics.gender)).toEqual({ laki_laki: 2, perempuan: 2 });
      expect(counts(site.demographics.ageBand)).toEqual({ '20_29': 1, '30_39': 1, '40_49': 1, '50_59': 1 });
      expect(counts(site.demographics.education)).toEqual({ s1: 1, sma: 1, smp: 1, d3: 1 });
      expect(counts(site.demographics.occupation)).toEqual({ pns: 1, swasta: 1, wirausaha: 1, lainnya: 1 });
      expect(site.demographics.education.map((e) => e.code)).toEqual([
        'tidak_sekolah',
        'sd',
        'smp',
        'sma',
        'd3',
        's1',
        's2',
        's3',
      ]);

      const agency = (id: string) => site.agencies.find((a) => a.id === id)?.figures;
      expect(agency('disdukcapil')).toMatchObject({
        respondents: 3,
        converted: 84.26,
        mutu: 'B',
        population: 3,
        sampleSize: 3,
        sampleReached: true,
      });
      expect(agency('samsat')).toMatchObject({
        respondents: 1,
        converted: 66.67,
        mutu: 'C',
        population: 1,
        sampleReached: true,
      });
      expect(agency('imigrasi')).toMatchObject({
        respondents: 0,
        converted: null,
        mutu: null,
        population: 0,
        sampleReached: false,
      });
      expect(site.services.find((s) => s.id === 'stnk')?.figures.kinerja).toEqual({
        id: 'Kurang Baik',
        en: 'Poor',
      });

      const disdukcapil = await report(mod, `from=${DAY}&to=${DAY}&agencyId=disdukcapil`);
      expect(disdukcapil.scope).toMatchObject({ kind: 'agency', id: 'disdukcapil' });
      expect(disdukcapil.figures.unsur.map((u) => u.total)).toEqual([9, 10, 10, 12, 10, 10, 11, 9, 10]);
      expect(disdukcapil.figures).toMatchObject({
        respondents: 3,
        withoutTicket: 1,
        converted: 84.26,
        population: 3,
      });
      expect(disdukcapil.agencies.map((a) => a.id)).toEqual(['disdukcapil']);
      expect(disdukcapil.services.map((s) => s.id)).toEqual(['ktp-el', 'kk', 'akta-lahir']);

      const stnk = await report(mod, `from=${DAY}&to=${DAY}&serviceId=stnk`);
      expect(stnk.scope).toMatchObject({ kind: 'service', id: 'stnk' });
      expect(stnk.figures).toMatchObject({ respondents: 1, converted: 66.67, mutu: 'C', population: 1 });

      // Another period holds none of it.
      const before = await report(mod, 'from=2025-03-01&to=2025-03-09');
      expect(before.figures).toMatchObject({ respondents: 0, ikm: null, converted: null, population: 0 });
      // The month so far by default.
      expect(await report(mod, '')).toMatchObject({ from: '2025-03-01', to: DAY });
    });

    it('lets the Sekdis, Kadis and coordinator read it, and nobody else', async () => {
      const mod = await fillTheDay();
      for (const reader of ['sekdis', 'kadis', 'koordinator', 'admin']) {
        expect((await t.api('GET', '/skm', { token: await t.login(reader) })).status).toBe(200);
      }
      expect((await t.api('GET', '/skm', { token: await t.login('loket1') })).status).toBe(403);
      expect((await t.api('GET', '/skm', { token: KIOSK_TOKEN })).status).toBe(403);
      expect((await t.api('GET', '/skm')).status).toBe(401);
      expect((await t.api('GET', '/skm?from=2025-03-10&to=2025-03-01', { token: mod })).status).toBe(400);
      expect((await t.api('GET', '/skm?from=2025-02-30', { token: mod })).status).toBe(400);
      expect((await t.api('GET', '/skm?serviceId=stnk&agencyId=disdukcapil', { token: mod })).status).toBe(
        400,
      );
      expect((await t.api('GET', '/skm?agencyId=nope', { token: mod })).status).toBe(404);
    });

    it('exports the published layout as XLSX that reads back with the same figures', async () => {
      const mod = await fillTheDay();
      const res = await fetch(`${t.hub.url}/api/skm?from=${DAY}&to=${DAY}&format=xlsx`, {
        headers: { authorization: `Bearer ${mod}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(`skm-${t.hub.site.id}-${DAY}.xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await res.arrayBuffer());
      expect(workbook.worksheets.map((s) => s.name)).toEqual([
        'IKM',
        'Per instansi',
        'Per layanan',
        'Responden',
      ]);
      const sheet = workbook.getWorksheet('IKM');
      if (!sheet) throw new Error('no IKM sheet');
      const cell = (row: number, col: number) => sheet.getRow(row).getCell(col).value;
      expect(cell(SKM_XLSX_HEADER_ROW, 2)).toBe('Unsur Pelayanan');
      const u1 = SKM_XLSX_HEADER_ROW + 1;
      expect([cell(u1, 1), cell(u1, 2), cell(u1, 3), cell(u1, 4)]).toEqual(['U1', 'Persyaratan', 12, 3]);
      expect(cell(u1 + 3, 4)).toBe(3.75);
      expect(cell(u1 + 3, 5)).toBeCloseTo(3.75 / 9, 12);
      const ikmRow = u1 + 9;
      expect(cell(ikmRow, 2)).toBe('IKM (Σ NRR tertimbang)');
      expect(cell(ikmRow, 5)).toBeCloseTo(115 / 36, 12);
      expect([cell(ikmRow + 1, 5), cell(ikmRow + 2, 5), cell(ikmRow + 3, 5)]).toEqual([79.86, 'B', 'Baik']);
      const services = workbook.getWorksheet('Per layanan');
      const stnkRow = services
        ?.getRows(SKM_XLSX_HEADER_ROW + 1, 20)
        ?.find((r) => r.getCell(2).value === 'Pengesahan STNK Tahunan');
      expect(stnkRow?.getCell(3).value).toBe(1);
    });

    it('exports a PDF that renders (pdftoppm) for a look', async () => {
      const mod = await fillTheDay();
      const res = await fetch(`${t.hub.url}/api/skm?from=${DAY}&to=${DAY}&format=pdf`, {
        headers: { authorization: `Bearer ${mod}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const pdf = Buffer.from(await res.arrayBuffer());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const dir = mkdtempSync(join(tmpdir(), 'giliran-skm-pdf-'));
      writeFileSync(join(dir, 'skm.pdf'), pdf);
      execFileSync('pdftoppm', ['-png', '-r', '90', join(dir, 'skm.pdf'), join(dir, 'page')]);
      mkdirSync(SCREENSHOTS, { recursive: true });
      for (const n of [1, 2]) {
        const png = join(dir, `page-${String(n)}.png`);
        if (existsSync(png)) copyFileSync(png, join(SCREENSHOTS, `skm-report-pdf-${String(n)}.png`));
      }
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'skm.pdf'), '-']).toString();
      rmSync(dir, { recursive: true, force: true });
      expect(text).toContain('Laporan Survei Kepuasan Masyarakat (SKM)');
      expect(text).toContain('79,86');
      expect(text).toContain('Baik');
    });
  });
});
