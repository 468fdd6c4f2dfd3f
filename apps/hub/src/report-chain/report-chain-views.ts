import type { ReportChainRecord, ReportChainState } from '@giliran/domain';
import type { ReportChainRecordView, ReportChainView } from '@giliran/protocol';
import type { SiteConfig } from '../config/site-config.ts';

/** Names the wire view carries so that no screen needs a second request to say who signed and which gerai. */
export interface ViewNames {
  signer(username: string): string;
}

export function recordView(record: ReportChainRecord, names: ViewNames): ReportChainRecordView {
  return {
    ...record,
    missingAgencyIds: [...record.missingAgencyIds],
    signerName: names.signer(record.signedBy),
  };
}

export function chainView(
  state: ReportChainState,
  site: SiteConfig,
  names: ViewNames,
  now: string,
  today: string,
): ReportChainView {
  const agencies = new Map(site.agencies.map((a) => [a.id, a]));
  const maybe = (record: ReportChainRecord | null) => (record ? recordView(record, names) : null);
  return {
    date: state.date,
    now,
    today: state.date === today,
    steps: state.steps.map((s) => ({ ...s, record: maybe(s.record) })),
    gerai: state.gerai.map((g) => {
      const agency = agencies.get(g.agencyId);
      return {
        ...g,
        name: agency?.name ?? { id: g.agencyId, en: g.agencyId },
        shortName: agency?.shortName ?? g.agencyId.toUpperCase(),
        record: maybe(g.record),
      };
    }),
    receipt: maybe(state.receipt),
    signable: [...state.signable],
    complete: state.complete,
  };
}
