import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PdfPage } from '../pdf/pdf-document.ts';
import type { SiteConfig } from '../config/site-config.ts';
import { ACCENT, INK, MUTED } from './report-pdf-table.ts';

/**
 * The head of a printed report as an Indonesian office letter has it (kop surat): the logo when the site file
 * names one, the site's name and its address lines, a rule under them. Plain data, so it crosses to the export
 * worker with the view.
 */
export interface Letterhead {
  readonly name: string;
  readonly lines: readonly string[];
  /** Written before the signing date: "Sungai Raya, 25 November 2026". */
  readonly city: string;
  /** PNG or JPEG bytes; null without a logo (or one that cannot be read: the report still prints). */
  readonly logo: Uint8Array | null;
}

export function letterheadOf(
  site: SiteConfig,
  onLogoError: (error: unknown) => void = () => undefined,
): Letterhead {
  const { logoFile, lines, city } = site.letterhead;
  let logo: Uint8Array | null = null;
  if (logoFile)
    try {
      logo = new Uint8Array(readFileSync(resolve(logoFile)));
    } catch (error) {
      onLogoError(error);
    }
  return { name: site.name, lines, city: city ?? site.shortName, logo };
}

const LOGO_SIZE = 46;

export function drawLetterhead(page: PdfPage, head: Letterhead): void {
  const { doc } = page;
  const top = page.top;
  let textLeft = page.left;
  if (head.logo) {
    try {
      doc.image(Buffer.from(head.logo), page.left, top, { fit: [LOGO_SIZE, LOGO_SIZE] });
      textLeft = page.left + LOGO_SIZE + 10;
    } catch {
      // Not a PNG or JPEG: the letterhead without its logo rather than no report.
    }
  }
  const width = page.width - (textLeft - page.left);
  doc
    .font(page.fonts.bold)
    .fontSize(13)
    .fillColor(INK)
    .text(head.name.toUpperCase(), textLeft, top, { width });
  doc.font(page.fonts.regular).fontSize(8.5).fillColor(MUTED);
  for (const line of head.lines) doc.text(line, textLeft, doc.y, { width });
  const ruleY = Math.max(doc.y, top + (head.logo ? LOGO_SIZE : 0)) + 5;
  doc
    .moveTo(page.left, ruleY)
    .lineTo(page.left + page.width, ruleY)
    .lineWidth(1.6)
    .strokeColor(ACCENT)
    .stroke();
  doc.y = ruleY + 10;
}

/**
 * Who signs the daily recap on paper, in the report chain's order (SOP steps 10–13, then the head of agency who
 * receives it): one column each, room for a signature, a line for the name.
 */
const SIGNERS: readonly { readonly role: string; readonly title: string }[] = [
  { role: 'Dibuat oleh', title: 'Front Office' },
  { role: 'Diperiksa oleh', title: 'Manager on Duty' },
  { role: 'Disetujui oleh', title: 'Koordinator MOD' },
  { role: 'Diteruskan oleh', title: 'Sekretaris Dinas' },
  { role: 'Mengetahui', title: 'Kepala Dinas' },
];
const SIGNATURE_HEIGHT = 108;

export function drawSignatures(page: PdfPage, placeAndDate: string): void {
  const { doc } = page;
  if (doc.y + SIGNATURE_HEIGHT + 18 > page.bottom) doc.addPage();
  doc.y += 8;
  doc
    .font(page.fonts.regular)
    .fontSize(9)
    .fillColor(INK)
    .text(placeAndDate, page.left, doc.y, { width: page.width, align: 'right' });
  const top = doc.y + 6;
  const width = page.width / SIGNERS.length;
  SIGNERS.forEach(({ role, title }, i) => {
    const x = page.left + i * width;
    const options = { width: width - 12, align: 'center' as const };
    doc.font(page.fonts.regular).fontSize(8.5).fillColor(MUTED).text(role, x, top, options);
    doc.font(page.fonts.bold).fontSize(9).fillColor(INK).text(title, x, doc.y, options);
    const lineY = top + SIGNATURE_HEIGHT - 30;
    doc
      .moveTo(x + 14, lineY)
      .lineTo(x + width - 26, lineY)
      .lineWidth(0.6)
      .strokeColor('#8796a8')
      .stroke();
    doc
      .font(page.fonts.regular)
      .fontSize(8)
      .fillColor(MUTED)
      .text('Nama & tanggal', x, lineY + 4, options);
  });
  doc.y = top + SIGNATURE_HEIGHT;
}
