import type { SiteCreateRequest, SiteCreated } from '@giliran/protocol';
import type pg from 'pg';
import { CentralError, newToken, sha256 } from '../hub-shared.ts';
import type { SiteHead } from '../sync/sync-service.ts';

export interface EnrolledSite {
  readonly id: string;
  readonly disabled: boolean;
}

/** Sites of the region: enrolment gives a secret key once; central keeps its SHA-256 only (it is 256 random bits). */
export class SiteRegistry {
  constructor(private readonly pool: pg.Pool) {}

  async create(request: SiteCreateRequest, by: string): Promise<SiteCreated> {
    const key = newToken();
    const { rowCount } = await this.pool.query(
      `INSERT INTO sites (id, kind, name, region, key_sha256, created_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO NOTHING`,
      [request.id, request.kind, request.name, request.region, sha256(key), by],
    );
    if (rowCount === 0) throw new CentralError('CENTRAL_SITE_EXISTS');
    return { id: request.id, key };
  }

  /** Disabling refuses the site's key at once; enabling lets the same key in again. */
  async setDisabled(id: string, disabled: boolean): Promise<void> {
    const { rowCount } = await this.pool.query(
      `UPDATE sites SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) ELSE NULL END WHERE id = $1`,
      [id, disabled],
    );
    if (rowCount === 0) throw new CentralError('CENTRAL_SITE_NOT_FOUND');
  }

  /** The site a key belongs to: a wrong key and a disabled site's key are 401. */
  async authenticate(key: string | undefined): Promise<string> {
    return (await this.authenticateWithHead(key)).id;
  }

  /**
   * The same check, answering also what central holds of the site's log, read in the same statement: a batch at the
   * head is stored in one more (SyncService.ingest), without a transaction of its own.
   */
  async authenticateWithHead(key: string | undefined): Promise<{ id: string; head: SiteHead }> {
    if (!key || key.length > 256) throw new CentralError('CENTRAL_KEY_INVALID');
    const { rows } = await this.pool.query<{
      id: string;
      disabled_at: Date | null;
      last_seq: string;
      seq_offset: string;
      resume_requested_by: string | null;
    }>('SELECT id, disabled_at, last_seq, seq_offset, resume_requested_by FROM sites WHERE key_sha256 = $1', [
      sha256(key),
    ]);
    const site = rows[0];
    if (!site) throw new CentralError('CENTRAL_KEY_INVALID');
    if (site.disabled_at !== null) throw new CentralError('CENTRAL_SITE_DISABLED');
    return {
      id: site.id,
      head: {
        lastSeq: Number(site.last_seq),
        offset: Number(site.seq_offset),
        resumeBy: site.resume_requested_by,
      },
    };
  }
}
