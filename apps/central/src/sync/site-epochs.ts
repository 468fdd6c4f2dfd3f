import type { SiteEpochView } from '@giliran/protocol';
import type pg from 'pg';

/** An epoch after the first: the restored hub's event n (n > forkHubSeq) is central's n + offset. */
export interface Epoch {
  readonly epoch: number;
  readonly forkHubSeq: number;
  readonly offset: number;
}

/**
 * Central's sequence of the hub's event `hubSeq`. Each epoch's hub shares the log of the epoch before up to its fork;
 * so the newest epoch whose fork lies before `hubSeq` numbers it, and before every fork numbers are central's own.
 */
export function centralSeqOf(epochs: readonly Epoch[], hubSeq: number): number {
  for (let k = epochs.length - 1; k >= 0; k--) {
    const epoch = epochs[k];
    if (epoch && hubSeq > epoch.forkHubSeq) return hubSeq + epoch.offset;
  }
  return hubSeq;
}

interface EpochRow {
  epoch: number;
  fork_hub_seq: string;
  central_seq_at_fork: string;
  seq_offset: string;
  resumed_at: Date;
  resumed_by: string;
}

const toView = (row: EpochRow): SiteEpochView => ({
  epoch: row.epoch,
  forkHubSeq: Number(row.fork_hub_seq),
  centralSeqAtFork: Number(row.central_seq_at_fork),
  offset: Number(row.seq_offset),
  resumedAt: row.resumed_at.toISOString(),
  resumedBy: row.resumed_by,
});

/** A site's epochs after the first, oldest first. */
export async function siteEpochs(db: pg.Pool | pg.PoolClient, siteId: string): Promise<SiteEpochView[]> {
  const { rows } = await db.query<EpochRow>(
    `SELECT epoch, fork_hub_seq, central_seq_at_fork, seq_offset, resumed_at, resumed_by
     FROM site_epochs WHERE site_id = $1 ORDER BY epoch`,
    [siteId],
  );
  return rows.map(toView);
}

/**
 * Starts the site's next epoch at `forkHubSeq`, the restored hub's last event central also holds: its next event
 * is stored after everything central holds (`lastSeq`). Answers the new offset. Runs in the batch's transaction.
 */
export async function startEpoch(
  client: pg.PoolClient,
  siteId: string,
  fork: { forkHubSeq: number; lastSeq: number; by: string; now: Date },
  previous: readonly Epoch[],
): Promise<Epoch> {
  const epoch: Epoch = {
    epoch: (previous.at(-1)?.epoch ?? 1) + 1,
    forkHubSeq: fork.forkHubSeq,
    offset: fork.lastSeq - fork.forkHubSeq,
  };
  await client.query(
    `INSERT INTO site_epochs (site_id, epoch, fork_hub_seq, central_seq_at_fork, seq_offset, resumed_at, resumed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [siteId, epoch.epoch, epoch.forkHubSeq, fork.lastSeq, epoch.offset, fork.now.toISOString(), fork.by],
  );
  await client.query(
    'UPDATE sites SET seq_offset = $2, resume_requested_at = NULL, resume_requested_by = NULL WHERE id = $1',
    [siteId, epoch.offset],
  );
  return epoch;
}
