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

  async ackedSeq(siteId: string): Promise<number> {
    const { rows } = await this.pool.query<{ last_seq: string }>('SELECT last_seq FROM sites WHERE id = $1', [
      siteId,
    ]);
    return Number(rows[0]?.last_seq ?? 0);
  }

  async ingest(batch: SyncBatch, now: Date): Promise<{ ack: SyncAck; ingested: Ingested }> {
    checkOrder(batch);
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ last_seq: string }>(
        'SELECT last_seq FROM sites WHERE id = $1 FOR UPDATE',
        [batch.siteId],
      );
      const held = Number(rows[0]?.last_seq ?? 0);
      // The hub says the batch follows `after`: if central does not hold that far, events would be missing.
      if (batch.after > held) throw new CentralError('CENTRAL_SEQ_GAP');
      const overlap = batch.events.filter((e) => e.seq <= held);
      await this.checkSame(client, batch.siteId, overlap);
      const fresh = batch.events.filter((e) => e.seq > held);
      await insertEvents(client, batch.siteId, fresh);
      await this.applyViews(client, batch.siteId, fresh);
      const ackedSeq = fresh.at(-1)?.seq ?? held;
      const newest = fresh.at(-1);
      await client.query(
        `UPDATE sites SET last_seq = $2, last_contact_at = $3,
           last_event_at = coalesce($4::timestamptz, last_event_at),
           service_day = coalesce($5, service_day),
           hub_head = greatest(hub_head, $6), hub_head_at = coalesce($7::timestamptz, hub_head_at)
         WHERE id = $1`,
        [
          batch.siteId,
          ackedSeq,
          now.toISOString(),
          newest?.at ?? null,
          newest?.serviceDay ?? null,
          batch.head,
          batch.headAt,
        ],
      );
      return {
        ack: { siteId: batch.siteId, ackedSeq, stored: fresh.length },
        ingested: { siteId: batch.siteId, ackedSeq, stored: fresh },
      };
    });
  }

  /** A sequence sent again must carry the same event: otherwise the hub's log and central's have parted. */
  private async checkSame(
    client: pg.PoolClient,
    siteId: string,
    events: readonly SyncEvent[],
  ): Promise<void> {
    if (events.length === 0) return;
    const { rows } = await client.query<{
      seq: string;
      type: string;
      service_day: string;
      at: Date;
      payload: Record<string, unknown>;
    }>(
      'SELECT seq, type, service_day, at, payload FROM events WHERE site_id = $1 AND seq = ANY($2::bigint[])',
      [siteId, events.map((e) => e.seq)],
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
    for (const event of events)
      if (stored.get(event.seq) !== digest(event))
        throw new CentralError('CENTRAL_SEQ_CONFLICT', [{ path: 'events', message: `seq ${event.seq}` }]);
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
