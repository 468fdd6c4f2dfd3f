import type { ReportView } from '@giliran/protocol';
import { cellText } from './report-format.ts';
import type { PdfPage } from '../pdf/pdf-document.ts';
import { ACCENT, drawSectionTitle, ensureSpace, INK, MUTED } from './report-pdf-table.ts';

const CHART_HEIGHT = 90;
const LABEL_SPACE = 14;

/** Arrivals per local hour as bars with their counts: the shape of the day reads faster than 24 numbers. */
export function drawArrivalsChart(page: PdfPage, view: ReportView): void {
  const { doc } = page;
  ensureSpace(page, 20 + CHART_HEIGHT + 2 * LABEL_SPACE + 16);
  const days = view.days > 1 ? `, jumlah ${view.days} hari` : '';
  drawSectionTitle(page, `Kedatangan per jam (jam setempat${days})`);
  const max = Math.max(1, ...view.arrivals);
  const top = doc.y + LABEL_SPACE;
  const base = top + CHART_HEIGHT;
  const slot = page.width / 24;
  const barWidth = slot * 0.64;
  doc
    .moveTo(page.left, base)
    .lineTo(page.left + page.width, base)
    .lineWidth(0.6)
    .strokeColor(MUTED)
    .stroke();
  view.arrivals.forEach((count, hour) => {
    const x = page.left + hour * slot + (slot - barWidth) / 2;
    const height = (count / max) * CHART_HEIGHT;
    if (count > 0) doc.rect(x, base - height, barWidth, height).fill(ACCENT);
    doc.font(page.fonts.regular).fontSize(7);
    if (count > 0) {
      doc.fillColor(INK).text(cellText('count', count), x - 6, base - height - 10, {
        width: barWidth + 12,
        align: 'center',
        lineBreak: false,
      });
    }
    doc.fillColor(MUTED).text(String(hour).padStart(2, '0'), x - 4, base + 3, {
      width: barWidth + 8,
      align: 'center',
      lineBreak: false,
    });
  });
  doc.y = base + LABEL_SPACE + 12;
}
