import { staffSessions } from '@giliran/ui/staff-session';

/**
 * Who may open this page: the floor managers; the Sekdis and Kepala Dinas for reports and the report chain;
 * officers and FO for their part of the chain.
 */
export const PAGE_ROLES = ['mod', 'coordinator', 'admin', 'sekdis', 'kadis', 'fo', 'officer'] as const;

export const sessions = staffSessions('mod', PAGE_ROLES);
