import {
  COMPLAINT_CATEGORY_NAMES,
  skmIndex,
  tallySkm,
  type ComplaintCategory,
  type SkmScore,
} from '@giliran/domain';
import type { RegionComplaintRow, RegionOpenComplaint, RegionSkmRow } from '@giliran/protocol';
import type pg from 'pg';
import type { ProfiledSite } from './site-profiles.ts';

const REGION = { id: 'Seluruh wilayah', en: 'Whole region' };

/** SKM per site and for the region, from the answers logged in the period (`skm:answered`, service day). */
export async function regionSkm(
  pool: pg.Pool,
  sites: readonly ProfiledSite[],
  from: string,
  to: string,
): Promise<RegionSkmRow[]> {
  const { rows } = await pool.query<{ site_id: string; answers: SkmScore[] }>(
    `SELECT site_id, payload -> 'answers' AS answers FROM events
     WHERE site_id = ANY($1::text[]) AND type = 'skm:answered' AND service_day BETWEEN $2 AND $3`,
    [sites.map((s) => s.id), from, to],
  );
  const bySite = new Map<string, SkmScore[][]>();
  for (const r of rows) bySite.set(r.site_id, [...(bySite.get(r.site_id) ?? []), r.answers]);
  const row = (key: string, name: { id: string; en: string }, answers: SkmScore[][]): RegionSkmRow => {
    const index = skmIndex(tallySkm(answers));
    return {
      key,
      name,
      respondents: answers.length,
      ikm: index === null ? null : index.converted,
      mutu: index === null ? null : index.mutu,
    };
  };
  return [
    ...sites.map((s) => row(s.id, { id: s.name, en: s.name }, bySite.get(s.id) ?? [])),
    row(
      'total',
      REGION,
      rows.map((r) => r.answers),
    ),
  ];
}

interface ComplaintCopy {
  siteId: string;
  filedDay: string;
  code: string;
  category: string;
  status: string;
  deadlineAt: string;
  lateMarked: boolean;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const ANSWERED = new Set(['answered', 'closed']);

/** Complaints folded from the register's events central holds (no complainant's identity ever reaches it). */
async function complaintsOf(pool: pg.Pool, sites: readonly ProfiledSite[]): Promise<ComplaintCopy[]> {
  const { rows } = await pool.query<{
    site_id: string;
    service_day: string;
    payload: Record<string, unknown>;
  }>(
    `SELECT site_id, service_day, payload FROM events
     WHERE site_id = ANY($1::text[]) AND type LIKE 'complaint:%' ORDER BY site_id, seq`,
    [sites.map((s) => s.id)],
  );
  const byId = new Map<string, ComplaintCopy>();
  for (const { site_id: siteId, service_day: day, payload: p } of rows) {
    const id = `${siteId}/${text(p.complaintId) ?? ''}`;
    if (p.type === 'complaint:filed') {
      byId.set(id, {
        siteId,
        filedDay: day,
        code: text(p.code) ?? '',
        category: text(p.category) ?? '',
        status: 'received',
        deadlineAt: text(p.deadlineAt) ?? '',
        lateMarked: false,
      });
      continue;
    }
    const c = byId.get(id);
    if (!c) continue;
    if (p.type === 'complaint:status-changed') c.status = text(p.to) ?? c.status;
    if (p.type === 'complaint:recategorised') c.category = text(p.category) ?? c.category;
    if (p.type === 'complaint:recategorised' || p.type === 'complaint:deadline-moved')
      c.deadlineAt = text(p.deadlineAt) ?? c.deadlineAt;
    if (p.type === 'complaint:late-marked') c.lateMarked = true;
  }
  return [...byId.values()];
}

function categoryName(category: string): string {
  return category in COMPLAINT_CATEGORY_NAMES
    ? COMPLAINT_CATEGORY_NAMES[category as ComplaintCategory].id
    : category;
}

/** Complaints filed in the period per site and for the region, and every one still owed an answer. */
export async function regionComplaints(
  pool: pg.Pool,
  sites: readonly ProfiledSite[],
  from: string,
  to: string,
  now: number,
): Promise<{ rows: RegionComplaintRow[]; open: RegionOpenComplaint[] }> {
  const all = await complaintsOf(pool, sites);
  const late = (c: ComplaintCopy) =>
    c.lateMarked || (!ANSWERED.has(c.status) && Date.parse(c.deadlineAt) < now);
  const inPeriod = all.filter((c) => c.filedDay >= from && c.filedDay <= to);
  const row = (key: string, name: { id: string; en: string }, list: ComplaintCopy[]): RegionComplaintRow => ({
    key,
    name,
    filed: list.length,
    answered: list.filter((c) => ANSWERED.has(c.status)).length,
    open: list.filter((c) => !ANSWERED.has(c.status)).length,
    late: list.filter(late).length,
  });
  const names = new Map(sites.map((s) => [s.id, s.name]));
  return {
    rows: [
      ...sites.map((s) =>
        row(
          s.id,
          { id: s.name, en: s.name },
          inPeriod.filter((c) => c.siteId === s.id),
        ),
      ),
      row('total', REGION, inPeriod),
    ],
    open: all
      .filter((c) => !ANSWERED.has(c.status))
      .sort((a, b) => a.deadlineAt.localeCompare(b.deadlineAt))
      .map((c) => ({
        siteId: c.siteId,
        siteName: names.get(c.siteId) ?? c.siteId,
        code: c.code,
        category: categoryName(c.category),
        status: c.status,
        deadlineAt: c.deadlineAt,
        late: late(c),
      })),
  };
}
