/**
 * The site feed, central → hub: per site, the items central decided for it, numbered 1, 2, 3… with no gap.
 * `site_feeds.last_cursor` hands out the numbers: enqueueing takes that row's lock until its transaction ends, so a
 * site's items commit in cursor order and a hub reading "after n" never skips one still being written.
 * `hub_cursor` is what the hub last said it has applied (the `after` of its pull).
 */
export const SCHEMA_003 = `
CREATE TABLE site_feeds (
  site_id TEXT PRIMARY KEY REFERENCES sites (id),
  last_cursor BIGINT NOT NULL DEFAULT 0,
  hub_cursor BIGINT NOT NULL DEFAULT 0,
  hub_pulled_at TIMESTAMPTZ
);

CREATE TABLE feed_items (
  site_id TEXT NOT NULL REFERENCES sites (id),
  cursor BIGINT NOT NULL,
  id UUID NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  payload JSONB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (site_id, cursor)
);
`;
