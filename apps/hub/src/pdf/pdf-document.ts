import { existsSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';

// What every printable report (the daily recap, the SKM) shares: an A4 document, its fonts and its printable area.

export interface PdfFonts {
  readonly regular: string;
  readonly bold: string;
}

/** The printable area of every page and the fonts: what each drawing helper needs. */
export interface PdfPage {
  readonly doc: PDFKit.PDFDocument;
  readonly fonts: PdfFonts;
  readonly left: number;
  readonly width: number;
  readonly top: number;
  readonly bottom: number;
}

const DEJAVU = '/usr/share/fonts/truetype/dejavu';

/** DejaVu has every Indonesian letter and symbol; pdfkit's built-in Helvetica (Latin-1 only) is the fallback. */
function registerFonts(doc: PDFKit.PDFDocument): PdfFonts {
  const regular = join(DEJAVU, 'DejaVuSansCondensed.ttf');
  const bold = join(DEJAVU, 'DejaVuSansCondensed-Bold.ttf');
  if (!existsSync(regular) || !existsSync(bold)) return { regular: 'Helvetica', bold: 'Helvetica-Bold' };
  doc.registerFont('giliran', regular);
  doc.registerFont('giliran-bold', bold);
  return { regular: 'giliran', bold: 'giliran-bold' };
}

export interface PdfOptions {
  readonly title: string;
  readonly landscape?: boolean;
  readonly margin: number;
  /** Kept free at the foot of every page for its footer line. */
  readonly footerSpace: number;
}

/**
 * A new A4 document with its pages buffered (so footers can say "page n of m" at the end), and the bytes it
 * yields once the caller calls `page.doc.end()`.
 */
export function openPdf(options: PdfOptions): { readonly page: PdfPage; readonly bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    ...(options.landscape ? { layout: 'landscape' as const } : {}),
    margin: options.margin,
    bufferPages: true,
    info: { Title: options.title, Creator: 'Giliran' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    doc.on('error', reject);
  });
  const page: PdfPage = {
    doc,
    fonts: registerFonts(doc),
    left: options.margin,
    width: doc.page.width - 2 * options.margin,
    top: options.margin,
    bottom: doc.page.height - options.margin - options.footerSpace,
  };
  return { page, bytes };
}

export interface PageFooter {
  /** At the left of every page's foot: what the file is (site, period). */
  readonly text: string;
  /** The share of the line the text may take; "Halaman n dari m" is right-aligned in the rest. */
  readonly textShare: number;
  readonly color: string;
  /** Below the bottom margin's top edge, in points. */
  readonly offset: number;
}

/** Every page's footer with "Halaman 2 dari 5", written at the end once the page count is known (pages buffered). */
export function drawPageFooters(page: PdfPage, footer: PageFooter): void {
  const { doc } = page;
  const range = doc.bufferedPageRange();
  const split = page.width * footer.textShare;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Text below the bottom margin would make pdfkit open a new page: lift the margin while writing the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - page.left + footer.offset;
    doc.font(page.fonts.regular).fontSize(7).fillColor(footer.color);
    doc.text(footer.text, page.left, y, { width: split, lineBreak: false });
    doc.text(`Halaman ${i - range.start + 1} dari ${range.count}`, page.left + split, y, {
      width: page.width - split,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
