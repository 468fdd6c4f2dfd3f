import type { SkmReportView, VisitRecapView, VisitReportView } from '@giliran/protocol';
import { visitReportPdf, type ReportPhoto } from '../mobile/mobile-report-pdf.ts';
import { visitRecapXlsx, visitReportXlsx } from '../mobile/mobile-report-xlsx.ts';
import type { ReportFileView } from './report-region-tables.ts';
import { reportPdf } from './report-pdf.ts';
import type { Letterhead } from './report-pdf-letterhead.ts';
import { reportXlsx } from './report-xlsx.ts';
import { skmPdf } from '../skm/skm-pdf.ts';
import { skmXlsx } from '../skm/skm-xlsx.ts';
import { serveRequests } from '../exports/background-host.ts';

/** One file to render, as data the export host receives (structured clone): the view is plain JSON. */
export type ExportJob =
  | {
      readonly kind: 'report-pdf' | 'report-xlsx';
      readonly view: ReportFileView;
      readonly letterhead?: Letterhead;
    }
  | { readonly kind: 'skm-pdf' | 'skm-xlsx'; readonly view: SkmReportView }
  | { readonly kind: 'visit-pdf'; readonly view: VisitReportView; readonly photos: readonly ReportPhoto[] }
  | { readonly kind: 'visit-xlsx'; readonly view: VisitReportView }
  | { readonly kind: 'visit-recap-xlsx'; readonly view: VisitRecapView };

/** What crosses to the export host: the view as JSON bytes (export-pool.ts says why). */
export interface ExportTask {
  readonly kind: ExportJob['kind'];
  readonly view: Uint8Array;
  /** The site's letterhead for a report PDF: small, cloned with the task. */
  readonly letterhead?: Letterhead;
  /** A visit report's photos (bytes), cloned with the task. */
  readonly photos?: readonly ReportPhoto[];
}

function decode(task: ExportTask): ExportJob {
  const view: unknown = JSON.parse(Buffer.from(task.view).toString('utf8'));
  return { kind: task.kind, view, letterhead: task.letterhead, photos: task.photos } as ExportJob;
}

async function render(job: ExportJob): Promise<Buffer> {
  switch (job.kind) {
    case 'report-pdf':
      return reportPdf(job.view, job.letterhead);
    case 'report-xlsx':
      return reportXlsx(job.view);
    case 'skm-pdf':
      return skmPdf(job.view);
    case 'skm-xlsx':
      return skmXlsx(job.view);
    case 'visit-pdf':
      return visitReportPdf(job.view, job.photos);
    case 'visit-xlsx':
      return visitReportXlsx(job.view);
    case 'visit-recap-xlsx':
      return visitRecapXlsx(job.view);
  }
}

// The export host: PDF and XLSX layout in a process of its own, never on the hub's loop (export-pool.ts).
serveRequests((task: ExportTask) => render(decode(task)));
