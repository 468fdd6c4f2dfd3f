import {
  ReportChainError,
  agenciesOfCounters,
  isFutureDay,
  mayRoleSign,
  reportChainState,
  signReportChain,
  type QueueConfig,
  type ReportChainDay,
  type ReportChainRecord,
  type ReportChainSigner,
  type ReportChainStage,
} from '@giliran/domain';
import {
  SignReportChainRequest,
  type ReportChainSignResult,
  type ReportChainSigned,
  type ReportChainView,
} from '@giliran/protocol';
import type { Actor } from '../auth/actor.ts';
import { validationError } from '../commands/command-bus.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { Db } from '../db/database.ts';
import { HubError } from '../hub-error.ts';
import { ReportChainStore, type StoredRecord } from './report-chain-store.ts';
import { chainView, recordView, type ViewNames } from './report-chain-views.ts';

export interface ReportChainDeps {
  readonly db: Db;
  readonly site: SiteConfig;
  /** Read at each request, so standards and hours changed at runtime apply to the next sign-off. */
  readonly config: () => QueueConfig;
  /** The hub's clock and service day (which rolls at local midnight in the site's zone). */
  readonly now: () => string;
  readonly today: () => string;
  readonly broadcast: (signed: ReportChainSigned) => void;
}

/**
 * The report chain's one path, like the command bus's: authorise the role for the stage → validate the body
 * → domain rules → one transaction (sign-off + idempotency key) → answer → broadcast. Sign-offs are a handful a
 * day, so each commits on its own, synchronously, instead of joining the queue's group commit.
 */
export class ReportChainService {
  private readonly store: ReportChainStore;
  private readonly names: ViewNames;

  constructor(private readonly deps: ReportChainDeps) {
    this.store = new ReportChainStore(deps.db);
    this.names = { signer: (username) => this.store.account(username)?.name ?? username };
  }

  view(date: string): ReportChainView {
    const now = this.deps.now();
    const config = this.deps.config();
    if (isFutureDay(date, now, config)) throw new HubError('REPORT_CHAIN_FUTURE_DAY');
    return chainView(
      reportChainState(this.day(date, config), config, now),
      this.deps.site,
      this.names,
      now,
      this.deps.today(),
    );
  }

  sign(
    actor: Actor,
    date: string,
    stage: ReportChainStage,
    body: unknown,
    key: string | undefined,
  ): ReportChainSignResult {
    if (!mayRoleSign(stage, actor.role)) throw new HubError('REPORT_CHAIN_NOT_SIGNER');
    const parsed = SignReportChainRequest.safeParse(body ?? {});
    if (!parsed.success) throw validationError(parsed.error);

    // The same Idempotency-Key again gets the first answer: nothing is signed or broadcast twice.
    if (key !== undefined) {
      const replayed = this.replay(actor, key, date, stage);
      if (replayed) return replayed;
    }
    const config = this.deps.config();
    const request = { ...parsed.data, stage, now: this.deps.now(), signer: this.signerOf(actor, config) };
    const record = this.decide(() => signReportChain(this.day(date, config), request, config));
    this.store.insert(date, record, key === undefined ? null : { actor: actor.id, key });
    const view = recordView(record, this.names);
    this.deps.broadcast({ date, record: view });
    return { record: view, chain: this.view(date) };
  }

  /** The domain's coded refusals become the wire's; anything else is a bug and stays one. */
  private decide(rule: () => ReportChainRecord): ReportChainRecord {
    try {
      return rule();
    } catch (error) {
      if (error instanceof ReportChainError)
        throw new HubError(error.code, error.detail ? [{ path: '', message: error.detail }] : undefined);
      throw error;
    }
  }

  private day(date: string, config: QueueConfig): ReportChainDay {
    return {
      date,
      servedAgencyIds: this.store.servedAgencyIds(date, config),
      records: this.store.records(date).map((r) => r.record),
    };
  }

  /** An officer belongs to the gerai of every counter assigned to them, not only the one signed in at. */
  private signerOf(actor: Actor, config: QueueConfig): ReportChainSigner {
    if (actor.role !== 'officer') return { id: actor.id, role: actor.role, agencyIds: [] };
    const counterIds = [...(this.store.account(actor.id)?.counterIds ?? [])];
    if (actor.counterId !== null) counterIds.push(actor.counterId);
    return { id: actor.id, role: actor.role, agencyIds: agenciesOfCounters(config, counterIds) };
  }

  /** A retried request with the same key answers as the first did; the key reused elsewhere is a conflict. */
  private replay(
    actor: Actor,
    key: string,
    date: string,
    stage: ReportChainStage,
  ): ReportChainSignResult | null {
    const id = this.store.replayOf(actor.id, key);
    if (id === null) return null;
    const stored: StoredRecord | undefined = this.store.recordById(id);
    if (stored?.date !== date || stored.record.stage !== stage) throw new HubError('IDEMPOTENCY_CONFLICT');
    return { record: recordView(stored.record, this.names), chain: this.view(date) };
  }
}
