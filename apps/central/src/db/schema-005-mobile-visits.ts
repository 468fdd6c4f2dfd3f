/**
 * Visits of mobile units scheduled at central (issue 17). The visit itself travels as a `visit:scheduled` feed item
 * whose id is the visit's id, so the payload is kept once, in `feed_items`; this table says who scheduled it and
 * holds the unit's day (one vehicle makes one visit a day). The unit's answer comes back in its log
 * (`central:feed-applied` or `central:feed-refused` with the item's id): indexed here to find it by that id.
 */
export const SCHEMA_005 = `
CREATE TABLE mobile_visits (
  id UUID PRIMARY KEY REFERENCES feed_items (id),
  site_id TEXT NOT NULL REFERENCES sites (id),
  date TEXT NOT NULL,
  scheduled_by TEXT NOT NULL,
  scheduled_at TIMESTAMPTZ NOT NULL,
  UNIQUE (site_id, date)
);

CREATE INDEX events_feed_answers ON events (site_id, (payload->>'itemId'))
  WHERE type IN ('central:feed-applied', 'central:feed-refused');
`;
