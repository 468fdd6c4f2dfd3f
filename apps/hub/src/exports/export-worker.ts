import type { SkmReportView } from '@giliran/protocol';
import type { ReportFileView } from '../reports/report-region-tables.ts';
import { reportPdf } from '../reports/report-pdf.ts';
import { reportXlsx } from '../reports/report-xlsx.ts';
import { skmPdf } from '../skm/skm-pdf.ts';
import { skmXlsx } from '../skm/skm-xlsx.ts';

/** One file to render, as data a worker thread can receive (structured clone): the view is plain JSON. */
export type ExportJob =
  | { readonly kind: 'report-pdf' | 'report-xlsx'; readonly view: ReportFileView }
  | { readonly kind: 'skm-pdf' | 'skm-xlsx'; readonly view: SkmReportView };

async function render(job: ExportJob): Promise<Buffer> {
  switch (job.kind) {
    case 'report-pdf':
      return reportPdf(job.view);
    case 'report-xlsx':
      return reportXlsx(job.view);
    case 'skm-pdf':
      return skmPdf(job.view);
    case 'skm-xlsx':
      return skmXlsx(job.view);
  }
}

/** Runs in a worker thread (Piscina calls the default export): PDF and XLSX layout never blocks the hub's loop. */
export default async function renderExport(job: ExportJob): Promise<Uint8Array> {
  const file = await render(job);
  return new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
}
