import {
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
import type { CommandBus } from '../commands/command-bus.ts';
import type { RecordCommand } from '../commands/record-command.ts';
import type { SiteConfig } from '../config/site-config.ts';
import type { Db } from '../db/database.ts';
import { HubError } from '../hub-error.ts';
import { chainRef, ReportChainStore, SIGN_COMMAND } from './report-chain-store.ts';
import { chainView, recordView, type ViewNames } from './report-chain-views.ts';

export interface ReportChainDeps {
  readonly db: Db;
  readonly site: SiteConfig;
  /** Read at each request, so standards and hours changed at runtime apply to the next sign-off. */
  readonly config: () => QueueConfig;
  /** The hub's clock and service day (which rolls at local midnight in the site's zone). */
  readonly now: () => string;
  readonly today: () => string;
  readonly bus: CommandBus;
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

  /** Who may sign is the stage's rule, asked first; then the bus's one path (schema → decide → commit → answer). */
  sign(
    actor: Actor,
    date: string,
    stage: ReportChainStage,
    body: unknown,
    key: string | undefined,
  ): Promise<ReportChainSignResult> {
    if (!mayRoleSign(stage, actor.role)) throw new HubError('REPORT_CHAIN_NOT_SIGNER');
    return this.deps.bus.record(actor, this.signCommand(date, stage), body ?? {}, key);
  }

  private signCommand(
    date: string,
    stage: ReportChainStage,
  ): RecordCommand<SignReportChainRequest, ReportChainSignResult> {
    return {
      name: SIGN_COMMAND,
      allowed: (actor) => mayRoleSign(stage, actor.role),
      schema: SignReportChainRequest,
      decide: (request, ctx) => {
        const config = this.deps.config();
        const signer = this.signerOf(ctx.actor, config);
        const record = signReportChain(
          this.day(date, config),
          { ...request, stage, now: ctx.now, signer },
          config,
        );
        return {
          events: [{ type: 'report-chain:step-signed', date, record, at: ctx.now }],
          ref: chainRef(date, record.stage, record.agencyId),
        };
      },
      sameTarget: (_request, ref) => {
        const stored = this.store.byRef(ref);
        return stored?.date === date && stored.record.stage === stage;
      },
      answer: (ref) => {
        const stored = this.store.byRef(ref);
        if (!stored) throw new HubError('IDEMPOTENCY_CONFLICT');
        return { record: recordView(stored.record, this.names), chain: this.view(stored.date) };
      },
    };
  }

  /** What staff screens are told of a sign-off. */
  signed(date: string, record: ReportChainRecord): ReportChainSigned {
    return { date, record: recordView(record, this.names) };
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
}
