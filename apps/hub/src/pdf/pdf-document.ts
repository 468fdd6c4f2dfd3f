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
