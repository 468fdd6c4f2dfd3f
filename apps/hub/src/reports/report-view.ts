import {
  sopStepNames,
  UNKNOWN_AGENCY,
  type CompensationKind,
  type Recap,
  type RecapRow,
} from '@giliran/domain';
import type { ReportRow, ReportView } from '@giliran/protocol';
import { COMPENSATION_KIND_NAMES, TOTAL_NAME, UNKNOWN_NAME, type Localized } from './report-labels.ts';
import type { RecapResult } from './report-service.ts';

const same = (name: string): Localized => ({ id: name, en: name });

function isKind(kind: string): kind is CompensationKind {
  return kind in COMPENSATION_KIND_NAMES;
}

/** What a report names from a site: the hub's own site file, or the profile a hub sent central. */
export interface ReportSite {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  readonly sopStepNames: Partial<Record<string, Localized>>;
  readonly agencies: readonly { readonly id: string; readonly name: Localized }[];
  readonly services: readonly { readonly id: string; readonly name: Localized }[];
  readonly counters: readonly { readonly id: string; readonly name: string }[];
}

/** The recap with names from the site and the accounts, ready for the page and the files. */
export function reportView(
  result: RecapResult,
  site: ReportSite,
  accountNames: Map<string, string>,
): ReportView {
  const { recap } = result;
  const agencies = new Map(site.agencies.map((a) => [a.id, a.name]));
  const services = new Map(site.services.map((s) => [s.id, s.name]));
  const counters = new Map(site.counters.map((c) => [c.id, same(c.name)]));
  const named =
    (names: (key: string) => Localized | undefined) =>
    (row: RecapRow): ReportRow => ({ ...row, name: names(row.key) ?? same(row.key) });
  const agencyName = (key: string) => (key === UNKNOWN_AGENCY ? UNKNOWN_NAME : agencies.get(key));
  const officerName = (key: string) => {
    const name = accountNames.get(key);
    return name === undefined ? undefined : same(name);
  };
  return {
    site: { id: site.id, name: site.name, timeZone: site.timeZone },
    sopSteps: sopStepNames(site.sopStepNames),
    from: recap.from,
    to: recap.to,
    days: recap.days,
    generatedAt: result.generatedAt,
    live: result.live,
    total: { ...recap.total, name: TOTAL_NAME },
    agencies: recap.agencies.map(named(agencyName)),
    services: recap.services.map(named((key) => services.get(key))),
    counters: recap.counters.map(named((key) => counters.get(key))),
    officers: recap.officers.map(named(officerName)),
    compliance: {
      total: copySteps(recap.compliance.total),
      services: recap.compliance.services.map((s) => ({
        key: s.key,
        name: services.get(s.key) ?? same(s.key),
        steps: copySteps(s.steps),
      })),
    },
    compensations: {
      kinds: recap.compensations.kinds.map((k) => ({
        ...k,
        name: isKind(k.kind) ? COMPENSATION_KIND_NAMES[k.kind] : same(k.kind),
      })),
      total: recap.compensations.total,
    },
    arrivals: [...recap.arrivals],
  };
}

/** The wire type has mutable arrays; the recap's are read-only. */
function copySteps(steps: Recap['compliance']['total']): ReportView['compliance']['total'] {
  return steps.map((s) => ({ ...s, steps: [...s.steps] }));
}
