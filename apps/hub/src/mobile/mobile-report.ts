import { skmIndex, tallySkm, VISIT_PURPOSES, type SkmScore } from '@giliran/domain';
import type { VisitRecapView, VisitReportView } from '@giliran/protocol';
import type { ReportExports } from '../reports/report-exports.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { MobileService } from './mobile-service.ts';
import type { PhotoFiles, PhotoMime } from './photo-files.ts';

/**
 * A visit's SKM index is published only from this many answers: below it one unhappy citizen swings the IKM by
 * whole bands. (The hall's day has hundreds; a village morning has tens.)
 */
export const MIN_SKM_FOR_INDEX = 10;

const zeroByPurpose = (): Record<string, number> => Object.fromEntries(VISIT_PURPOSES.map((p) => [p, 0]));

/** The visit report (JSON, PDF, XLSX) and the month's recap for the Dinas. */
export class MobileReports {
  constructor(
    private readonly deps: {
      mobile: MobileService;
      site: SiteConfig;
      exports: ReportExports;
      photos: PhotoFiles;
      now: () => string;
    },
  ) {}

  private get unitName(): string {
    return this.deps.site.mobile.unitName ?? this.deps.site.shortName;
  }

  visit(id: string): VisitReportView {
    const { mobile, site } = this.deps;
    const visit = mobile.requireSummary(id);
    const register = mobile.store.register(id, false);
    const countsByPurpose = zeroByPurpose();
    for (const entry of register) countsByPurpose[entry.purpose] = (countsByPurpose[entry.purpose] ?? 0) + 1;
    const permits = mobile.store.permits(id);
    const counselling = mobile.store.counselling(id);
    const milestones = mobile.store.milestones(id, mobile.standards);
    const reported = milestones.find((m) => m.milestone === 'reported');
    const tally = tallySkm(mobile.store.skmAnswers(visit.date) as SkmScore[][]);
    const index = tally.respondents >= MIN_SKM_FOR_INDEX ? skmIndex(tally) : null;
    return {
      unitName: this.unitName,
      siteName: site.name,
      timeZone: site.timeZone,
      generatedAt: this.deps.now(),
      visit,
      milestones,
      countsByPurpose,
      registered: register.length,
      outsideWindow: register.filter((e) => e.outsideWindowReason !== null).length,
      permitsIssued: permits.length,
      permits,
      complaints: mobile.store.complaints(id).map((c) => ({
        code: c.code,
        registerNumber: `${String(c.register_seq)}/${String(c.register_year)}`,
        category: c.category,
        status: c.status,
        deadlineAt: c.deadline_at,
      })),
      counselling: {
        sessions: counselling.length,
        peopleReached: counselling.reduce((sum, c) => sum + c.peopleReached, 0),
        topics: counselling.map((c) => c.topic),
      },
      skm: {
        respondents: tally.respondents,
        minimumForIndex: MIN_SKM_FOR_INDEX,
        ikm: index?.converted ?? null,
        mutu: index ? `${index.mutu} (${index.kinerja.id})` : null,
      },
      photos: mobile.store.photos(id),
      signedOff: reported?.at && reported.by ? { by: reported.by, at: reported.at } : null,
      register: register.map(({ nik: _nik, phone: _phone, ...rest }) => rest),
    };
  }

  /** PDF with the photos embedded, or XLSX; rendered in the export workers, off the hub's loop. */
  render(report: VisitReportView, format: 'pdf' | 'xlsx'): Promise<Buffer> {
    return this.deps.exports.exclusive((render) => {
      if (format === 'xlsx') return render({ kind: 'visit-xlsx', view: report });
      const photos = report.photos.map((p) => ({
        id: p.id,
        mime: p.mime,
        caption: p.caption,
        bytes: new Uint8Array(this.deps.photos.read(report.visit.id, p.id, p.mime as PhotoMime)),
      }));
      return render({ kind: 'visit-pdf', view: report, photos });
    });
  }

  /** The unit's month: one line per visit and the totals, for the Dinas. */
  recap(month: string): VisitRecapView {
    const { mobile } = this.deps;
    const visits = mobile.visits(`${month}-01`, `${month}-31`).reverse();
    const countsByPurpose = zeroByPurpose();
    const lines = visits.map((v) => {
      const report = this.visit(v.id);
      for (const [purpose, n] of Object.entries(report.countsByPurpose))
        countsByPurpose[purpose] = (countsByPurpose[purpose] ?? 0) + n;
      return {
        id: v.id,
        date: v.date,
        village: v.place.village,
        district: v.place.district,
        status: v.status,
        registered: report.registered,
        permitsIssued: report.permitsIssued,
        complaints: report.complaints.length,
        peopleReached: report.counselling.peopleReached,
        offStandard: v.offStandard,
      };
    });
    const sum = (pick: (l: (typeof lines)[number]) => number) => lines.reduce((s, l) => s + pick(l), 0);
    return {
      unitName: this.unitName,
      month,
      visits: lines,
      totals: {
        visits: lines.length,
        registered: sum((l) => l.registered),
        permitsIssued: sum((l) => l.permitsIssued),
        complaints: sum((l) => l.complaints),
        peopleReached: sum((l) => l.peopleReached),
        countsByPurpose,
      },
    };
  }

  recapXlsx(recap: VisitRecapView): Promise<Buffer> {
    return this.deps.exports.exclusive((render) => render({ kind: 'visit-recap-xlsx', view: recap }));
  }
}
