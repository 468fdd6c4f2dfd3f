import { describe, expect, it } from 'vitest';
import { renderTicketPng, renderTicketSvg, toReceiptline } from './preview.ts';
import { samplePriorityTicket, sampleTicket } from './testing/sample-tickets.ts';
import { layoutTicket } from './ticket-layout.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  // The IHDR chunk comes first: width and height are its first two 32-bit fields.
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('renderTicketPng', () => {
  it('renders a PNG as wide as the paper roll, 58 mm narrower than 80 mm', async () => {
    const narrow = await renderTicketPng(sampleTicket(), 58);
    const wide = await renderTicketPng(sampleTicket(), 80);
    expect(narrow.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(wide.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(narrow.subarray(12, 16).toString('latin1')).toBe('IHDR');
    // 8 dots per mm, 2 pixels per dot.
    expect(pngSize(narrow).width).toBe(58 * 8 * 2);
    expect(pngSize(wide).width).toBe(80 * 8 * 2);
    // The wrapped service name makes the narrow ticket the longer one.
    expect(pngSize(narrow).height).toBeGreaterThan(pngSize(wide).height);
  });

  it('scales on request', async () => {
    expect(pngSize(await renderTicketPng(sampleTicket(), 58, { scale: 1 })).width).toBe(464);
  });
});

describe('renderTicketSvg', () => {
  it('draws the layout with receiptline, on white paper, without fetching web fonts', () => {
    const svg = renderTicketSvg(samplePriorityTicket(), 58);
    expect(svg).toMatch(/^<svg width="464px"/);
    expect(svg).toContain('fill="#fff"');
    expect(svg).not.toContain('googleapis');
    // receiptline writes each character in its own tspan.
    expect(svg.replace(/<[^>]+>/g, '')).toContain('F007');
  });
});

describe('toReceiptline', () => {
  it('writes the number at 6x, the QR code and the priority mark inverted', () => {
    const markup = toReceiptline(layoutTicket(samplePriorityTicket(), 58)).split('\n');
    expect(markup).toContain('|^^^^^^^"F007"|');
    expect(markup).toContain('{code:https\\://antrean.mpp-kuburaya.go.id/t/9KD4-F007; option:qrcode,6,m}');
    expect(markup).toContain('|^^^`"~PRIORITAS~"`|');
  });

  it('escapes what receiptline would read as markup', () => {
    const markup = toReceiptline(layoutTicket(sampleTicket({ serviceName: 'A|B {C} ^_~"`=' }), 80));
    expect(markup).toContain('|"A\\|B~\\{C\\}~\\^\\_\\~\\"\\`\\="|');
  });
});
