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
import { writeBatch } from './batch-write.ts';
import { loadProjection } from './projection-store.ts';
import { centralSeqOf, siteEpochs, startEpoch, type Epoch } from './site-epochs.ts';

/** What central holds of a site's log when its batch arrives (read with the site's key). */
export interface SiteHead {
  readonly lastSeq: number;
  readonly offset: number;
  /** Who allowed the next batch to start a new epoch, or null. */
  readonly resumeBy: string | null;
}

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
 * Store and forward, central's half: a site's batch is stored whole or not at all, each event once (site, seq),
 * and acknowledged with the highest sequence held with nothing missing. Two batches of one site (through two
 * central processes too) never both store: the one-statement write moves the head only from where it was read,
 * and the locked path holds the site's row for its transaction.
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

  /**
   * Stores a batch. A batch that starts right at the head read with the site's key (the steady case: the hub sends
   * from central's last acknowledgement) is written in one statement that moves the head only if it is still there;
   * anything else (a batch sent again, a gap, a restored hub, a head moved by a concurrent batch) takes the locked
   * path, which checks it all inside one transaction with the site's row locked.
   */
  async ingest(batch: SyncBatch, now: Date, head?: SiteHead): Promise<{ ack: SyncAck; ingested: Ingested }> {
    checkOrder(batch);
    if (head !== undefined && startsAtHead(batch, head)) {
      const appended = await this.appendAtHead(batch, head, now);
      if (appended) return appended;
    }
    return this.ingestLocked(batch, now);
  }

  private async appendAtHead(
    batch: SyncBatch,
    head: SiteHead,
    now: Date,
  ): Promise<{ ack: SyncAck; ingested: Ingested } | null> {
    const fresh = inCentralNumbering(batch.events, head.offset);
    // Read before the write, outside any lock: if another batch changes these rows it moves the head too, and
    // then the write below finds the head moved and stores nothing.
    const rows = await viewChanges(this.pool, batch.siteId, fresh);
    const expected = { lastSeq: head.lastSeq, offset: head.offset, unlocked: true };
    if (!(await writeBatch(this.pool, batch, expected, fresh, rows, now))) return null;
    return stored(batch, head.offset, fresh);
  }

  private async ingestLocked(batch: SyncBatch, now: Date): Promise<{ ack: SyncAck; ingested: Ingested }> {
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
      const fresh = inCentralNumbering(
        batch.events.filter((e) => e.seq > held),
        site.offset,
      );
      const rows = await viewChanges(client, batch.siteId, fresh);
      const expected = { lastSeq: site.lastSeq, offset: site.offset, unlocked: false };
      // The row is locked and was just read: the head cannot have moved.
      if (!(await writeBatch(client, batch, expected, fresh, rows, now)))
        throw new Error(`site ${batch.siteId}: head moved under its lock`);
      if (fresh.length > 0) return stored(batch, site.offset, fresh);
      // Acknowledged: what this batch showed central holds, never past it (a batch short of `held` is checked so far).
      const ackedSeq = batch.events.at(-1)?.seq ?? batch.after;
      return {
        ack: { siteId: batch.siteId, ackedSeq, stored: 0 },
        ingested: { siteId: batch.siteId, ackedSeq: site.lastSeq, stored: fresh },
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

/** A batch at the head: its `after` is what central holds, and nothing waits for an administrator's resume. */
function startsAtHead(batch: SyncBatch, head: SiteHead): boolean {
  return head.resumeBy === null && batch.events.length > 0 && batch.after === head.lastSeq - head.offset;
}

/** Hub event n is central's n + offset in the site's current epoch. */
function inCentralNumbering(events: readonly SyncEvent[], offset: number): SyncEvent[] {
  return offset === 0 ? [...events] : events.map((e) => ({ ...e, seq: e.seq + offset }));
}

/** A batch's stored events, acknowledged in the hub's numbering and announced in central's. */
function stored(
  batch: SyncBatch,
  offset: number,
  fresh: readonly SyncEvent[],
): { ack: SyncAck; ingested: Ingested } {
  const newest = fresh.at(-1)?.seq ?? 0;
  return {
    ack: { siteId: batch.siteId, ackedSeq: newest - offset, stored: fresh.length },
    ingested: { siteId: batch.siteId, ackedSeq: newest, stored: fresh },
  };
}

/**
 * The read-model rows the events change, folded from the rows as they were: only rows an event of the batch
 * touches before creating them are read (a ticket issued in the batch starts from nothing).
 */
async function viewChanges(
  db: pg.Pool | pg.PoolClient,
  siteId: string,
  events: readonly SyncEvent[],
): Promise<{ tickets: TicketRow[]; compensations: CompensationRow[] }> {
  const tickets = new Map<string, boolean>();
  const compensations = new Map<string, boolean>();
  for (const event of events) {
    const ids = touchedIds(event);
    if (ids.ticketId !== null && !tickets.has(ids.ticketId))
      tickets.set(ids.ticketId, event.type !== 'ticket:issued');
    if (ids.compensationId !== null && !compensations.has(ids.compensationId))
      compensations.set(ids.compensationId, event.type !== 'compensation:raised');
  }
  if (tickets.size === 0 && compensations.size === 0) return { tickets: [], compensations: [] };
  const existing = (ids: Map<string, boolean>) => [...ids].filter(([, read]) => read).map(([id]) => id);
  const projection: Projection = await loadProjection(db, siteId, existing(tickets), existing(compensations));
  const before = snapshot(projection);
  project(projection, events);
  return changed(projection, before);
}
