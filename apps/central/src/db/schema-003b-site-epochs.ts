/**
 * Epochs of a site whose hub was restored from an older backup. The restored hub numbers its new events from where
 * its backup ended, numbers central already holds for the events the hub lost; central stores the new ones after
 * everything it holds: hub event n (n > the fork) is central's n + `seq_offset`. The lost branch stays at central.
 * `resume_requested_*`: a regional admin allowed the site's next batch to start a new epoch.
 */
export const SCHEMA_003B = `
ALTER TABLE sites ADD COLUMN seq_offset BIGINT NOT NULL DEFAULT 0;
ALTER TABLE sites ADD COLUMN resume_requested_at TIMESTAMPTZ;
ALTER TABLE sites ADD COLUMN resume_requested_by TEXT;

CREATE TABLE site_epochs (
  site_id TEXT NOT NULL REFERENCES sites (id),
  epoch INTEGER NOT NULL,
  fork_hub_seq BIGINT NOT NULL,
  central_seq_at_fork BIGINT NOT NULL,
  seq_offset BIGINT NOT NULL,
  resumed_at TIMESTAMPTZ NOT NULL,
  resumed_by TEXT NOT NULL,
  PRIMARY KEY (site_id, epoch)
);
`;
