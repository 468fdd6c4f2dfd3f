import { renderAsync } from '@resvg/resvg-js';
import { transform } from 'receiptline';
import type { TicketContent } from './ticket-content.ts';
import { layoutTicket } from './ticket-layout.ts';
import type { LayoutLine, PaperWidth, TextLine, TicketLayout } from './ticket-layout.ts';

// receiptline draws a character cell as 12 × 24 px: the printer's own dots at 203 dpi, 8 per mm.
const DOTS_PER_MM = 8;
const PAPER_MARGIN_Y = 32;
const FONT_FAMILY = 'DejaVu Sans Mono';
// DejaVu Sans Mono's descent (0.236 em) at receiptline's 22 px font size.
const DESCENT = 5;

export interface PreviewOptions {
  /** Pixels per printer dot (default 2: sharp on a kiosk screen). */
  readonly scale?: number;
}

// Characters that receiptline reads as structure or decoration inside text.
function escapeText(text: string): string {
  return text.replace(/[\\|{}~_"`^=-]/g, (char) => `\\${char}`).replace(/ /g, '~');
}

function escapeProperty(value: string): string {
  return value.replace(/[\\|{};:]/g, (char) => `\\${char}`);
}

function textMarkup(line: TextLine): string {
  let body = escapeText(line.text);
  if (line.bold) body = `"${body}"`;
  if (line.inverted) body = `\`${body}\``;
  // 3 carets are 2x, 4 are 3x … 7 are 6x.
  if (line.size > 1) body = `${'^'.repeat(line.size + 1)}${body}`;
  // The pipes place a column: `|x` left, `|x|` centre, `x|` right.
  if (line.align === 'left') return `|${body}`;
  if (line.align === 'right') return `${body}|`;
  return `|${body}|`;
}

function lineMarkup(line: LayoutLine, columns: number): string[] {
  switch (line.kind) {
    case 'text':
      return [textMarkup(line)];
    case 'rule':
      // A row of dashes, as the printer prints it, rather than receiptline's solid rule.
      return [`|${'\\-'.repeat(columns)}`];
    case 'qr':
      return [`{code:${escapeProperty(line.data)}; option:qrcode,${line.cellSize},m}`];
    case 'feed':
      return Array.from({ length: line.lines }, () => '');
    case 'cut':
      // The picture ends where the paper is cut; receiptline would draw a scissors line.
      return [];
  }
}

/** The layout as a receiptline document. */
export function toReceiptline(layout: TicketLayout): string {
  return layout.lines.flatMap((line) => lineMarkup(line, layout.columns)).join('\n');
}

/** The layout drawn on a strip of paper as wide as the real roll. */
export function renderLayoutSvg(layout: TicketLayout): string {
  const receipt = transform(toReceiptline(layout), {
    cpl: layout.columns,
    encoding: 'multilingual',
    spacing: true,
  })
    // receiptline asks browsers to fetch a web font; a kiosk must not depend on the internet to show a ticket.
    .replace(/<style[^>]*>[\s\S]*?<\/style>/, '')
    .replace(/font-family="[^"]*"/, `font-family="'${FONT_FAMILY}', monospace"`)
    // resvg sizes an inverted line's black box as if the text sat on its alphabetic baseline, ignoring
    // receiptline's `text-after-edge`; lifting each line by the font's descent instead looks the same
    // everywhere and keeps the box on its own line.
    .replace(' dominant-baseline="text-after-edge"', '')
    .replace(/<text(?=[ >])/g, `<text y="-${DESCENT}"`);
  const size = /^<svg width="(\d+)px" height="(\d+)px"/.exec(receipt);
  if (!size?.[1] || !size[2]) throw new Error('receiptline returned an SVG without a size');
  const printWidth = Number(size[1]);
  const printHeight = Number(size[2]);
  const paperWidth = Math.max(printWidth, layout.paperWidth * DOTS_PER_MM);
  const marginX = (paperWidth - printWidth) / 2;
  const paperHeight = printHeight + 2 * PAPER_MARGIN_Y;
  const inner = receipt.replace(/^<svg /, `<svg x="${marginX}" y="${PAPER_MARGIN_Y}" overflow="visible" `);
  return (
    `<svg width="${paperWidth}px" height="${paperHeight}px" viewBox="0 0 ${paperWidth} ${paperHeight}" ` +
    `xmlns="http://www.w3.org/2000/svg"><rect width="100%" height="100%" fill="#fff"/>${inner}</svg>`
  );
}

export function renderTicketSvg(content: TicketContent, paperWidth: PaperWidth): string {
  return renderLayoutSvg(layoutTicket(content, paperWidth));
}

export async function renderLayoutPng(layout: TicketLayout, options: PreviewOptions = {}): Promise<Buffer> {
  const image = await renderAsync(renderLayoutSvg(layout), {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    font: { loadSystemFonts: true, defaultFontFamily: FONT_FAMILY, monospaceFamily: FONT_FAMILY },
  });
  return image.asPng();
}

/** A PNG of the ticket as it will come out of the printer. */
export async function renderTicketPng(
  content: TicketContent,
  paperWidth: PaperWidth,
  options: PreviewOptions = {},
): Promise<Buffer> {
  return renderLayoutPng(layoutTicket(content, paperWidth), options);
}
