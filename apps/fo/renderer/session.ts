import { staffSessions, type StaffSession } from '@giliran/ui/staff-session';

/** The desk's signed-in staff member (the same session as the MOD page's, kept under the desk's own name). */
export type DeskSession = StaffSession;

/** The front office, and the managers who stand in for it. */
const DESK_ROLES = ['fo', 'mod', 'coordinator', 'admin'];

export const sessions = staffSessions('fo', DESK_ROLES);
