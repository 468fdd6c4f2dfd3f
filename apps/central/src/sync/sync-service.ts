import { createHash } from 'node:crypto';
import { MAX_SYNC_EVENTS, type SyncAck, type SyncBatch, type SyncEvent } from '@giliran/protocol';
import type pg from 'pg';
import { inTransaction } from '../db/transaction.ts';
import { CentralError } from '../hub-shared.ts';
import {
  project,
  touchedIds,
  type CompensationRow,
  type Projection,
  type TicketRow,
} from './queue-projection.ts';
import { loadProjection, saveProjection } from './projection-store.ts';
import { centralSeqOf, siteEpochs, startEpoch, type Epoch } from './site-epochs.ts';

/** What an ingested batch changed, for the live views (Socket.IO) after commit. */
export interface Ingested {
  readonly siteId: string;
  readonly ackedSeq: number;
  readonly stored: readonly SyncEvent[];
}

/** The batch's own order: sequences strictly rising, each past `after`; otherwise it is malformed. */
function checkOrder(batch: SyncBatch): void {
  if (batch.events.length > MAX_SYNC_EVENTS) throw new CentralError('CENTRAL_BATCH_TOO_LARGE');
  let previous = batch.after;
  for (const [index, event] of batch.events.entries()) {
    if (event.seq <= previous)
      throw new CentralError('VALIDATION_FAILED', [
        { path: `events.${index}.seq`, message: 'sequences must rise, each above after' },
      ]);
    previous = event.seq;
  }
}

/** JSON with object keys sorted at every level: PostgreSQL's jsonb keeps keys in an order of its own. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null)
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

const digest = (event: SyncEvent): string =>
  createHash('sha256')
    .update(canonical([event.type, event.serviceDay, Date.parse(event.at), event.payload]))
    .digest('hex');

/**
 * Store and forward, central's half: a site's batch is stored in one transaction, each event once (site, seq),
 * and acknowledged with the highest sequence held with nothing missing. The site's row is locked for the
 * transaction, so two batches of one site (through two central processes too) take turns.
 */
export class SyncService {
  constructor(private readonly pool: pg.Pool) {}

  /** The highest sequence held, in the hub's own numbering (after a restore, central's minus the epoch's offset). */
  async ackedSeq(siteId: string): Promise<number> {
    const { rows } = await this.pool.query<{ held: string }>(
      'SELECT last_seq - seq_offset AS held FROM sites WHERE id = $1',
      [siteId],
    );
    return Number(rows[0]?.held ?? 0);
  }

  async ingest(batch: SyncBatch, now: Date): Promise<{ ack: SyncAck; ingested: Ingested }> {
    checkOrder(batch);
    return inTransaction(this.pool, async (client) => {
      const site = await lockSite(client, batch.siteId);
      const epochs = site.offset === 0 ? [] : await loadEpochs(client, batch.siteId);
      // Everything the hub sees is in its own numbering: what central holds of this hub's log.
      let held = site.lastSeq - site.offset;
      // The hub says the batch follows `after`: if central does not hold that far, events would be missing.
      if (batch.after > held) throw new CentralError('CENTRAL_SEQ_GAP');
      const overlap = batch.events.filter((e) => e.seq <= held);
      const differs = await this.firstDifference(client, batch.siteId, overlap, epochs);
      const fork = forkOf(batch, held, overlap, differs);
      if (fork === 'unknown' || fork !== null) {
        // The hub's log parts from central's (restored from an older backup): only a regional admin's resume
        // lets it go on, in a new epoch; until then nothing is stored and nothing is acknowledged past the hub.
        if (site.resumeBy === null)
          throw new CentralError(differs >= 0 ? 'CENTRAL_SEQ_CONFLICT' : 'CENTRAL_HUB_BEHIND');
        if (fork === 'unknown') return verifiedSoFar(batch);
        const next = await startEpoch(
          client,
          batch.siteId,
          { forkHubSeq: fork, lastSeq: site.lastSeq, by: site.resumeBy, now },
          epochs,
        );
        epochs.push(next);
        site.offset = next.offset;
        held = fork;
      } else if (site.resumeBy !== null && batch.events.some((e) => e.seq > held)) {
        // Resumed, but the hub's log follows central's after all: nothing to start.
        await client.query(
          'UPDATE sites SET resume_requested_at = NULL, resume_requested_by = NULL WHERE id = $1',
          [batch.siteId],
        );
      }
      const fresh = batch.events.filter((e) => e.seq > held).map((e) => ({ ...e, seq: e.seq + site.offset }));
      await insertEvents(client, batch.siteId, fresh);
      await this.applyViews(client, batch.siteId, fresh);
      const newest = fresh.at(-1);
      await client.query(
        `UPDATE sites SET last_seq = $2, last_contact_at = $3,
           last_event_at = coalesce($4::timestamptz, last_event_at),
           service_day = coalesce($5, service_day),
           hub_head = greatest(hub_head, $6), hub_head_at = coalesce($7::timestamptz, hub_head_at)
         WHERE id = $1`,
        [
          batch.siteId,
          newest?.seq ?? site.lastSeq,
          now.toISOString(),
          newest?.at ?? null,
          newest?.serviceDay ?? null,
          batch.head + site.offset,
          batch.headAt,
        ],
      );
      // Acknowledged: what this batch showed central holds, never past it (a batch short of `held` is checked so far).
      const ackedSeq = newest ? newest.seq - site.offset : (batch.events.at(-1)?.seq ?? batch.after);
      return {
        ack: { siteId: batch.siteId, ackedSeq, stored: fresh.length },
        ingested: { siteId: batch.siteId, ackedSeq: newest?.seq ?? site.lastSeq, stored: fresh },
      };
    });
  }

  /**
   * The index of the first event sent again with other content than central holds, or -1: where the hub's log and
   * central's part.
   */
  private async firstDifference(
    client: pg.PoolClient,
    siteId: string,
    events: readonly SyncEvent[],
    epochs: readonly Epoch[],
  ): Promise<number> {
    if (events.length === 0) return -1;
    const { rows } = await client.query<{
      seq: string;
      type: string;
      service_day: string;
      at: Date;
      payload: Record<string, unknown>;
    }>(
      'SELECT seq, type, service_day, at, payload FROM events WHERE site_id = $1 AND seq = ANY($2::bigint[])',
      [siteId, events.map((e) => centralSeqOf(epochs, e.seq))],
    );
    const stored = new Map(
      rows.map((r) => [
        Number(r.seq),
        digest({
          seq: Number(r.seq),
          type: r.type,
          serviceDay: r.service_day,
          at: r.at.toISOString(),
          payload: r.payload,
        }),
      ]),
    );
    return events.findIndex((event) => stored.get(centralSeqOf(epochs, event.seq)) !== digest(event));
  }

  private async applyViews(
    client: pg.PoolClient,
    siteId: string,
    events: readonly SyncEvent[],
  ): Promise<void> {
    if (events.length === 0) return;
    const ticketIds = new Set<string>();
    const compensationIds = new Set<string>();
    for (const event of events) {
      const ids = touchedIds(event);
      if (ids.ticketId !== null) ticketIds.add(ids.ticketId);
      if (ids.compensationId !== null) compensationIds.add(ids.compensationId);
    }
    if (ticketIds.size === 0 && compensationIds.size === 0) return;
    const projection: Projection = await loadProjection(client, siteId, [...ticketIds], [...compensationIds]);
    const before = snapshot(projection);
    project(projection, events);
    await saveProjection(client, siteId, changed(projection, before));
  }
}

const snapshot = (p: Projection): Map<string, string> =>
  new Map([
    ...[...p.tickets].map(([id, row]): [string, string] => [`t:${id}`, JSON.stringify(row)]),
    ...[...p.compensations].map(([id, row]): [string, string] => [`c:${id}`, JSON.stringify(row)]),
  ]);

function changed(
  p: Projection,
  before: Map<string, string>,
): { tickets: TicketRow[]; compensations: CompensationRow[] } {
  return {
    tickets: [...p.tickets]
      .filter(([id, row]) => before.get(`t:${id}`) !== JSON.stringify(row))
      .map(([, r]) => r),
    compensations: [...p.compensations]
      .filter(([id, row]) => before.get(`c:${id}`) !== JSON.stringify(row))
      .map(([, r]) => r),
  };
}

/** One statement for the whole batch: arrays unnested into rows. */
async function insertEvents(
  client: pg.PoolClient,
  siteId: string,
  events: readonly SyncEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await client.query(
    `INSERT INTO events (site_id, seq, type, service_day, at, payload)
     SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::timestamptz[], $6::jsonb[])`,
    [
      siteId,
      events.map((e) => e.seq),
      events.map((e) => e.type),
      events.map((e) => e.serviceDay),
      events.map((e) => e.at),
      events.map((e) => JSON.stringify(e.payload)),
    ],
  );
}

interface LockedSite {
  readonly lastSeq: number;
  offset: number;
  /** Who allowed the next batch to start a new epoch, or null. */
  readonly resumeBy: string | null;
}

/** The site's row, locked for the batch: two batches of one site (through any central process) take turns. */
async function lockSite(client: pg.PoolClient, siteId: string): Promise<LockedSite> {
  const { rows } = await client.query<{
    last_seq: string;
    seq_offset: string;
    resume_requested_by: string | null;
  }>('SELECT last_seq, seq_offset, resume_requested_by FROM sites WHERE id = $1 FOR UPDATE', [siteId]);
  const row = rows[0];
  return {
    lastSeq: Number(row?.last_seq ?? 0),
    offset: Number(row?.seq_offset ?? 0),
    resumeBy: row?.resume_requested_by ?? null,
  };
}

async function loadEpochs(client: pg.PoolClient, siteId: string): Promise<Epoch[]> {
  return (await siteEpochs(client, siteId)).map((e) => ({
    epoch: e.epoch,
    forkHubSeq: e.forkHubSeq,
    offset: e.offset,
  }));
}

/**
 * Where the hub's log parts from central's, in the hub's numbering: the last event both hold. Null when the batch
 * follows central's copy; `unknown` when the hub's log is shorter than central's but this batch (still matching)
 * does not reach its end, so the fork lies further on.
 */
function forkOf(
  batch: SyncBatch,
  held: number,
  overlap: readonly SyncEvent[],
  differs: number,
): number | null | 'unknown' {
  if (differs >= 0) return differs === 0 ? batch.after : (overlap[differs - 1]?.seq ?? batch.after);
  if (batch.head >= held) return null;
  const reachesHead = (batch.events.at(-1)?.seq ?? batch.after) === batch.head;
  return reachesHead ? batch.head : 'unknown';
}

/** A resumed hub's batch that matched central's copy but did not reach the fork: acknowledged as far as it went. */
function verifiedSoFar(batch: SyncBatch): { ack: SyncAck; ingested: Ingested } {
  const ackedSeq = batch.events.at(-1)?.seq ?? batch.after;
  return {
    ack: { siteId: batch.siteId, ackedSeq, stored: 0 },
    ingested: { siteId: batch.siteId, ackedSeq, stored: [] },
  };
}
