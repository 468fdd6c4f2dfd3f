import {
  CREW_ROLE_NAMES,
  PERMIT_DOCUMENT_NAMES,
  RISK_CLASS_NAMES,
  VISIT_OUTCOME_NAMES,
  VISIT_PURPOSE_NAMES,
  type CrewRole,
  type PermitDocument,
  type RiskClass,
  type VisitOutcome,
  type VisitPurpose,
} from '@giliran/domain';
import type { MilestoneView, VisitReportView } from '@giliran/protocol';
import { instantText, periodText } from '../reports/report-format.ts';

// The visit report's Indonesian wording, shared by its PDF and XLSX so both say the same thing.

const named = <K extends string>(names: Readonly<Record<K, { id: string }>>, key: string | null): string =>
  key === null ? '—' : ((names as Record<string, { id: string } | undefined>)[key]?.id ?? key);

export const purposeName = (p: string): string => named<VisitPurpose>(VISIT_PURPOSE_NAMES, p);
export const outcomeName = (o: string): string => named<VisitOutcome>(VISIT_OUTCOME_NAMES, o);
export const riskName = (r: string | null): string => named<RiskClass>(RISK_CLASS_NAMES, r);
export const documentName = (d: string): string => named<PermitDocument>(PERMIT_DOCUMENT_NAMES, d);
export const crewRoleName = (r: string): string => named<CrewRole>(CREW_ROLE_NAMES, r);

const JUDGEMENTS = { on_time: 'Tepat waktu', late: 'Terlambat', early: 'Lebih awal' } as const;

/** "09.12" in the site's zone. */
export function clockText(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('id-ID', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(new Date(instant));
}

export function milestoneLine(m: MilestoneView, timeZone: string): readonly string[] {
  // 24:00 is the end of the visit's day: the report is due the same day.
  const standard =
    m.standard === '24:00'
      ? 'hari yang sama'
      : `${m.rule === 'by' ? 'paling lambat' : 'tidak sebelum'} ${m.standard.replace(':', '.')}`;
  const result =
    m.judgement === null
      ? 'Belum dicatat'
      : m.judgement === 'on_time'
        ? JUDGEMENTS.on_time
        : `${JUDGEMENTS[m.judgement]} ${String(m.minutesOff)} menit`;
  return [m.name.id, standard, m.at ? clockText(m.at, timeZone) : '—', result, m.by ?? '—'];
}

export function visitHeading(report: VisitReportView): { title: string; lines: string[] } {
  const { visit } = report;
  const place = [visit.place.village, `Kec. ${visit.place.district}`, visit.place.address]
    .filter(Boolean)
    .join(', ');
  return {
    title: `Laporan Kunjungan ${report.unitName}`,
    lines: [
      `Lokasi: ${place}`,
      `Tanggal: ${periodText(visit.date, visit.date)} · Surat tugas: ${visit.suratTugasNumber}`,
      `Tim: ${visit.crew.map((c) => `${c.name} (${crewRoleName(c.role)})`).join(', ')}`,
      visit.agencies.length > 0
        ? `Instansi yang ikut: ${visit.agencies.join(', ')}`
        : 'Instansi yang ikut: —',
      report.signedOff
        ? `Dilaporkan oleh ${report.signedOff.by} pada ${instantText(report.signedOff.at, report.timeZone)}`
        : 'Belum dilaporkan ke atasan',
    ],
  };
}

export function skmLine(report: VisitReportView): string {
  const { skm } = report;
  if (skm.ikm === null)
    return `SKM: ${String(skm.respondents)} responden (IKM dihitung mulai ${String(skm.minimumForIndex)} responden)`;
  return `SKM: ${String(skm.respondents)} responden · IKM ${skm.ikm.toFixed(2).replace('.', ',')} · mutu ${skm.mutu ?? '—'}`;
}
