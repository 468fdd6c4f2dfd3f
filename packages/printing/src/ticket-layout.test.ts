import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleBookedTicket, samplePriorityTicket, sampleTicket } from './testing/sample-tickets.ts';
import { anyTicketText, isAscii, lengthQuantiles } from './testing/text-arbitraries.ts';
import type { TicketContent } from './ticket-content.ts';
import { columnsFor, layoutTicket, MAX_TEXT_SIZE } from './ticket-layout.ts';
import type { PaperWidth, TextLine, TicketLayout } from './ticket-layout.ts';

const textLines = (layout: TicketLayout): TextLine[] =>
  layout.lines.filter((line): line is TextLine => line.kind === 'text');

function expectFits(layout: TicketLayout): void {
  for (const line of textLines(layout)) {
    expect(line.text.length * line.size, `"${line.text}" at ${line.size}x`).toBeLessThanOrEqual(
      layout.columns,
    );
  }
}

describe('layoutTicket', () => {
  it('prints the ticket code as text right under the QR, for the survey without a smartphone', () => {
    const lines = layoutTicket(sampleTicket(), 58).lines;
    const qr = lines.findIndex((line) => line.kind === 'qr');
    // 58 mm paper wraps the words, never the code.
    expect(lines.slice(qr + 2, qr + 4)).toMatchObject([
      { kind: 'text', text: 'Kode survei & status:', bold: true },
      { kind: 'text', text: 'WA4TU-M3PSX', bold: true },
    ]);
    expect(textLines(layoutTicket(sampleTicket({}, 'en'), 80)).map((l) => l.text)).toContain(
      'Survey & status code: WA4TU-M3PSX',
    );
  });

  it('marks a booked ticket in words between rules, with its booking code and session under it', () => {
    const lines = layoutTicket(sampleBookedTicket(), 58).lines;
    const mark = lines.findIndex((line) => line.kind === 'text' && line.text === 'ANTREAN DARING');
    expect(lines[mark]).toMatchObject({ size: 2, bold: true, inverted: false });
    expect(lines[mark - 1]).toEqual({ kind: 'rule' });
    expect(lines.slice(mark + 1, mark + 4)).toMatchObject([
      { kind: 'text', text: 'Kode pesanan K7M2QX9P', size: 1 },
      { kind: 'text', text: 'Sesi 08.00', size: 1 },
      { kind: 'rule' },
    ]);
    expect(textLines(layoutTicket(sampleBookedTicket('en'), 80)).map((l) => l.text)).toContain(
      'ONLINE BOOKING',
    );
    expect(textLines(layoutTicket(sampleTicket(), 58)).map((l) => l.text)).not.toContain('ANTREAN DARING');
  });

  it('prints no QR when no public address is known, but still the code', () => {
    const lines = layoutTicket(sampleTicket({ statusUrl: '' }), 80).lines;
    expect(lines.some((line) => line.kind === 'qr')).toBe(false);
    expect(textLines({ paperWidth: 80, columns: 48, lines }).map((l) => l.text)).toContain(
      'Kode survei & status: WA4TU-M3PSX',
    );
  });

  it('has 32 columns on 58 mm paper and 48 on 80 mm', () => {
    expect(columnsFor(58)).toBe(32);
    expect(columnsFor(80)).toBe(48);
    expect(layoutTicket(sampleTicket(), 80).columns).toBe(48);
  });

  it.each([58, 80] as const)('wraps a long service name at %i mm without overflowing', (paperWidth) => {
    const layout = layoutTicket(sampleTicket(), paperWidth);
    expectFits(layout);
    const service = textLines(layout)
      .filter((line) => line.bold && line.size === 1)
      .map((line) => line.text);
    expect(service.join(' ')).toContain('Perekaman dan Pencetakan KTP Elektronik (KTP-el)');
  });

  it('wraps the service name over lines of at most 32 columns at 58 mm', () => {
    const lines = textLines(layoutTicket(sampleTicket(), 58)).map((line) => line.text);
    expect(lines).toContain('Perekaman dan Pencetakan KTP');
    expect(lines).toContain('Elektronik (KTP-el)');
  });

  it('puts the site name first and the cut last', () => {
    const layout = layoutTicket(sampleTicket(), 58);
    expect(layout.lines[0]).toMatchObject({ kind: 'text', text: 'MPP Kabupaten Kubu Raya', bold: true });
    expect(layout.lines.at(-1)).toEqual({ kind: 'cut' });
  });

  it.each([58, 80] as const)('prints the number alone at the largest size on %i mm', (paperWidth) => {
    const lines = textLines(layoutTicket(sampleTicket(), paperWidth));
    const largest = Math.max(...lines.map((line) => line.size));
    expect(largest).toBe(MAX_TEXT_SIZE);
    expect(lines.filter((line) => line.size === largest)).toEqual([
      { kind: 'text', text: 'A012', align: 'center', size: MAX_TEXT_SIZE, bold: true, inverted: false },
    ]);
  });

  it('shrinks a number too long for the largest size rather than wrap it', () => {
    const lines = textLines(layoutTicket(sampleTicket({ number: 'SKCK1024' }), 58));
    expect(lines.find((line) => line.text === 'SKCK1024')?.size).toBe(4);
  });

  it('encodes the status URL in a QR code', () => {
    const layout = layoutTicket(sampleTicket(), 58);
    expect(layout.lines.filter((line) => line.kind === 'qr')).toEqual([
      { kind: 'qr', data: 'https://antrean.mpp-kuburaya.go.id/t/7QX2-A012', cellSize: 6 },
    ]);
  });

  it('marks a priority ticket with an inverted box and its category', () => {
    const lines = textLines(layoutTicket(samplePriorityTicket(), 58));
    const mark = lines.findIndex((line) => line.inverted);
    expect(lines[mark]).toMatchObject({ text: ' PRIORITAS ', size: 2, bold: true });
    expect(lines[mark + 1]).toMatchObject({ text: 'Lansia', size: 2, bold: true, inverted: false });
    expect(textLines(layoutTicket(sampleTicket(), 58)).some((line) => line.inverted)).toBe(false);
  });

  it('prints Indonesian punctuation the printer cannot take as ASCII', () => {
    const lines = textLines(layoutTicket(sampleTicket(), 80)).map((line) => line.text);
    expect(lines).toContain('Perkiraan waktu tunggu +/- 12 menit');
    expect(lines.join('')).toMatch(/^[\x20-\x7e]*$/);
  });

  it('never overflows and prints only ASCII whatever the content', () => {
    const content = fc.record<TicketContent>({
      siteName: anyTicketText(80),
      agencyName: anyTicketText(80),
      serviceName: anyTicketText(120),
      number: fc.oneof(
        fc.stringMatching(/^[A-Z]{1,4}\d{3,5}$/),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12, size: 'max' }),
      ),
      priorityLabel: fc.option(
        fc
          .tuple(fc.constantFrom('PRIORITAS', 'PRIORITY', 'Prioritäs'), anyTicketText(60))
          .map(([mark, category]) => `${mark} · ${category}`),
      ),
      issuedAtText: anyTicketText(60),
      aheadText: anyTicketText(60),
      estimateText: fc.option(anyTicketText(60)),
      statusUrl: fc.webUrl({ withQueryParameters: true, size: 'large' }),
      codeText: fc.option(anyTicketText(60)),
      footerLines: fc.array(anyTicketText(100), { maxLength: 4, size: 'max' }),
      bookedLabel: fc.option(
        fc
          .tuple(fc.constantFrom('ANTREAN DARING', 'ONLINE BOOKING'), anyTicketText(60))
          .map(([mark, booking]) => `${mark} · ${booking}`),
      ),
    });
    const serviceLengths: number[] = [];
    let nonAscii = 0;
    let wrapped = 0;
    fc.assert(
      fc.property(content, fc.constantFrom<PaperWidth>(58, 80), (ticket, paperWidth) => {
        serviceLengths.push(ticket.serviceName.length);
        if (!isAscii(ticket.serviceName + ticket.agencyName)) nonAscii += 1;
        const layout = layoutTicket(ticket, paperWidth);
        expectFits(layout);
        for (const line of textLines(layout))
          expect(isAscii(line.text), JSON.stringify(line.text)).toBe(true);
        if (textLines(layout).filter((line) => line.bold && line.size === 1).length > 3) wrapped += 1;
      }),
      { numRuns: 300 },
    );
    const spread = lengthQuantiles(serviceLengths);
    console.info(
      `layoutTicket: ${serviceLengths.length} tickets, service name length ${JSON.stringify(spread)}, ` +
        `${nonAscii} with non-ASCII names, ${wrapped} with wrapped bold lines`,
    );
    expect(spread.median).toBeGreaterThanOrEqual(30);
    expect(spread.max).toBeGreaterThanOrEqual(100);
    expect(nonAscii).toBeGreaterThanOrEqual(100);
    expect(wrapped).toBeGreaterThanOrEqual(100);
  });
});
