import type { HubClient, Lang } from '@giliran/ui';
import type { StaffSession } from '@giliran/ui/staff-session';

/** A signed-in manager (MOD, coordinator, admin) or reader (Sekdis, Kepala Dinas). */
export type { StaffSession };

/**
 * What every tab of the /mod page receives. A tab owns its texts (its own `texts.ts` with id/en), its data
 * loading (REST through `hub.get/post`, commands through `hub.command`, live events on `hub.socket`) and its CSS
 * (class names prefixed with the tab's name).
 */
export interface TabProps {
  readonly hub: HubClient;
  readonly session: StaffSession;
  readonly lang: Lang;
  /** The site's IANA zone (e.g. Asia/Pontianak): dates and hours are shown in it, never in the PC's zone. */
  readonly timeZone: string;
}
