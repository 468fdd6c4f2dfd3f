import { staffSessions } from '@giliran/ui/staff-session';

/** The region's two roles: both read everything on this page; only the admin enrols sites (through the API). */
export const PAGE_ROLES = ['regional_admin', 'regional_viewer'] as const;

export const sessions = staffSessions('pusat', PAGE_ROLES);
