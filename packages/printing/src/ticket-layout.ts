import { toPrintableAscii, toQrPayload } from './printable-text.ts';
import type { TicketContent } from './ticket-content.ts';
import { keepNumbersWithUnits, wrapText } from './wrap-text.ts';

export type PaperWidth = 58 | 80;
export type TextAlign = 'left' | 'center' | 'right';
/** Glyphs scale equally in width and height: 1 is the printer's normal font (12 × 24 dots). */
export type TextSize = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * ESC/POS scales to 8x but the preview (receiptline) stops at 6x; the ticket and its preview must match,
 * and 6x (18 mm tall digits) already reads from across a hall.
 */
export const MAX_TEXT_SIZE = 6;

export interface TextLine {
  readonly kind: 'text';
  /** Printable ASCII that fits the line at `size`: the layout has already wrapped it. */
  readonly text: string;
  readonly align: TextAlign;
  readonly size: TextSize;
  readonly bold: boolean;
  /** White on black, for the priority mark. */
  readonly inverted: boolean;
}

export interface RuleLine {
  readonly kind: 'rule';
}

export interface QrLine {
  readonly kind: 'qr';
  readonly data: string;
  /** Module size in dots (3–8, the range both ESC/POS and receiptline accept). */
  readonly cellSize: number;
}

export interface FeedLine {
  readonly kind: 'feed';
  readonly lines: number;
}

export interface CutLine {
  readonly kind: 'cut';
}

export type LayoutLine = TextLine | RuleLine | QrLine | FeedLine | CutLine;

/** One ticket as the printer and the preview both draw it, top to bottom. */
export interface TicketLayout {
  readonly paperWidth: PaperWidth;
  /** Characters per line at size 1. */
  readonly columns: number;
  readonly lines: readonly LayoutLine[];
}

/** Font A (12 dots) over the printable width: 384 dots on 58 mm paper, 576 on 80 mm. */
export function columnsFor(paperWidth: PaperWidth): number {
  return paperWidth === 58 ? 32 : 48;
}

interface TextStyle {
  readonly align?: TextAlign;
  readonly size?: TextSize;
  readonly bold?: boolean;
}

function toTextSize(size: number): TextSize {
  return Math.min(MAX_TEXT_SIZE, Math.max(1, Math.floor(size))) as TextSize;
}

/** The largest size at which `text` stays on one line: the queue number must be read from afar. */
function largestFittingSize(text: string, columns: number): TextSize {
  return toTextSize(columns / Math.max(1, text.length));
}

export function layoutTicket(content: TicketContent, paperWidth: PaperWidth): TicketLayout {
  const columns = columnsFor(paperWidth);
  const lines: LayoutLine[] = [];

  const text = (value: string, style: TextStyle = {}): void => {
    const size = style.size ?? 1;
    for (const line of wrapText(keepNumbersWithUnits(toPrintableAscii(value)), Math.floor(columns / size))) {
      lines.push({
        kind: 'text',
        text: line,
        align: style.align ?? 'center',
        size,
        bold: style.bold ?? false,
        inverted: false,
      });
    }
  };
  const feed = (count = 1): void => {
    lines.push({ kind: 'feed', lines: count });
  };

  text(content.siteName, { bold: true });
  text(content.agencyName);
  lines.push({ kind: 'rule' });
  text(content.serviceName, { bold: true });
  feed();

  const number = toPrintableAscii(content.number);
  text(number, { size: largestFittingSize(number, columns), bold: true });

  if (content.priorityLabel !== null) {
    // `PRIORITAS · Lansia`: the word in a black box, the category under it.
    const [mark = '', ...category] = content.priorityLabel.split(/\s+·\s+/);
    feed();
    lines.push(...invertedBox(toPrintableAscii(mark), columns));
    const rest = toPrintableAscii(category.join(' '));
    text(rest, { bold: true, size: rest.length * 2 <= columns ? 2 : 1 });
  }
  if (content.bookedLabel) {
    // `ANTREAN DARING` between rules, large; the booking code and session under it (no colour on paper).
    const [mark = '', ...booking] = content.bookedLabel.split(/\s+·\s+/);
    const printable = toPrintableAscii(mark);
    feed();
    lines.push({ kind: 'rule' });
    text(printable, { bold: true, size: printable.length * 2 <= columns ? 2 : 1 });
    for (const part of booking) text(part);
    lines.push({ kind: 'rule' });
  }
  feed();
  text(content.issuedAtText);
  lines.push({ kind: 'rule' });
  text(content.aheadText, { bold: true });
  if (content.estimateText !== null) text(content.estimateText);
  feed();

  // No QR at all rather than one to an address no phone reaches (see the hub's public address).
  if (content.statusUrl !== '') {
    lines.push({ kind: 'qr', data: toQrPayload(content.statusUrl), cellSize: paperWidth === 58 ? 6 : 7 });
    feed();
  }
  if (content.codeText !== null) text(toPrintableAscii(content.codeText), { bold: true });
  feed();
  for (const footer of content.footerLines) text(footer);
  lines.push({ kind: 'cut' });

  return { paperWidth, columns, lines };
}

/** White on black with a space of black either side: double size when it fits one line. */
function invertedBox(label: string, columns: number): TextLine[] {
  const size: TextSize = (label.length + 2) * 2 <= columns ? 2 : 1;
  return wrapText(label, Math.floor(columns / size) - 2).map((row) => ({
    kind: 'text',
    text: ` ${row} `,
    align: 'center',
    size,
    bold: true,
    inverted: true,
  }));
}
