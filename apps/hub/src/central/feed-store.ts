import type { Db } from '../db/database.ts';

interface FeedRow {
  cursor: number;
  head: number;
  last_error: string | null;
  last_success_at: string | null;
}

/** The log's records of feed items: both kinds, so an item refused is as taken as an item applied. */
const TAKEN = "type IN ('central:feed-applied', 'central:feed-refused')";

/**
 * What the hub keeps of central's site feed, in its own database: the cursor it has applied up to (saved after
 * each item) and how the last pull went. Which items were taken is read from the log itself (`central:feed-applied`
 * and `central:feed-refused`, through a partial index), so a cursor saved late, or a database rebuilt from the log
 * (which keeps no idempotency records), still takes every item once. The table is created here, like the push's,
 * because it belongs to the feed alone.
 */
export class CentralFeedStore {
  private readonly selectState;
  private readonly selectTaken;

  constructor(private readonly db: Db) {
    db.exec(`CREATE TABLE IF NOT EXISTS central_feed (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      site_id TEXT NOT NULL,
      cursor INTEGER NOT NULL DEFAULT 0,
      head INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      last_success_at TEXT
    )`);
    db.exec(
      `CREATE INDEX IF NOT EXISTS events_central_feed ON events (json_extract(payload, '$.itemId')) WHERE ${TAKEN}`,
    );
    this.selectState = db.prepare(
      'SELECT cursor, head, last_error, last_success_at FROM central_feed WHERE id = 1',
    );
    this.selectTaken = db.prepare(
      `SELECT 1 FROM events WHERE ${TAKEN} AND json_extract(payload, '$.itemId') = ?`,
    );
  }

  state(): FeedRow {
    const row = this.selectState.get() as FeedRow | undefined;
    return row ?? { cursor: 0, head: 0, last_error: null, last_success_at: null };
  }

  /**
   * Starts the record for this site: a hub moved to another site id starts that site's feed from the beginning.
   * The cursor is at least the newest item the log says was taken (a save lost to a kill, a rebuilt database).
   */
  open(siteId: string): void {
    const row = this.db.prepare('SELECT site_id FROM central_feed WHERE id = 1').get() as
      { site_id: string } | undefined;
    if (row?.site_id !== siteId)
      this.db
        .prepare(
          `INSERT INTO central_feed (id, site_id) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET site_id = excluded.site_id,
           cursor = 0, head = 0, last_error = NULL, last_success_at = NULL`,
        )
        .run(siteId);
    const logged = this.db
      .prepare(
        `SELECT max(json_extract(payload, '$.cursor')) FROM events WHERE ${TAKEN}
         AND json_extract(payload, '$.siteId') = ?`,
      )
      .pluck()
      .get(siteId) as number | null;
    if (logged !== null)
      this.db.prepare('UPDATE central_feed SET cursor = max(cursor, ?) WHERE id = 1').run(logged);
  }

  /** Whether the log already holds this item, applied or refused. */
  taken(itemId: string): boolean {
    return this.selectTaken.get(itemId) !== undefined;
  }

  advanced(cursor: number): void {
    this.db.prepare('UPDATE central_feed SET cursor = ? WHERE id = 1').run(cursor);
  }

  /**
   * Central's feed is shorter than what the hub took (central's database was restored from a backup): read it again
   * from the start; the items already taken are known by id and skipped.
   */
  rewind(): void {
    this.db.prepare('UPDATE central_feed SET cursor = 0 WHERE id = 1').run();
  }

  pulled(head: number, at: string): void {
    this.db
      .prepare('UPDATE central_feed SET head = ?, last_error = NULL, last_success_at = ? WHERE id = 1')
      .run(head, at);
  }

  failed(error: string): void {
    this.db.prepare('UPDATE central_feed SET last_error = ? WHERE id = 1').run(error);
  }

  /** How many items of `siteId` the log says were applied and refused. */
  counts(siteId: string): { applied: number; refused: number } {
    const rows = this.db
      .prepare(
        `SELECT type, count(*) AS n FROM events WHERE ${TAKEN} AND json_extract(payload, '$.siteId') = ? GROUP BY type`,
      )
      .all(siteId) as { type: string; n: number }[];
    const count = (type: string) => rows.find((r) => r.type === type)?.n ?? 0;
    return { applied: count('central:feed-applied'), refused: count('central:feed-refused') };
  }
}
