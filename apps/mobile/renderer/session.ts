import { staffSessions } from '@giliran/ui/staff-session';

/** The coordinator plans, the crew records the day, the Kepala Dinas approves; admin stands in for the coordinator. */
const ROLES = ['coordinator', 'officer', 'kadis', 'admin'];

export const sessions = staffSessions('mobile', ROLES);
