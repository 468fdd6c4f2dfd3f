/**
 * Region reports (issue 16b): each site's profile (the names and SOP standards its reports need, sent by its hub)
 * and the summaries of closed days, kept as the hub keeps its own (`report_days`, the same codec), tagged with the
 * profile they were judged by so a changed standard recomputes them.
 */
export const SCHEMA_004 = `
CREATE TABLE site_profiles (
  site_id TEXT PRIMARY KEY REFERENCES sites (id),
  profile JSONB NOT NULL,
  profile_sha256 TEXT NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE site_report_days (
  site_id TEXT NOT NULL REFERENCES sites (id),
  service_day TEXT NOT NULL,
  version INTEGER NOT NULL,
  profile_sha256 TEXT NOT NULL,
  counts TEXT NOT NULL,
  histograms BYTEA NOT NULL,
  computed_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (site_id, service_day)
);

CREATE INDEX events_region_records ON events (site_id, type, service_day)
  WHERE type = 'skm:answered' OR type LIKE 'complaint:%';
`;
