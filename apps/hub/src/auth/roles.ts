import type { Role } from '@giliran/protocol';

// Who may do what, by group: routes and commands name a group here instead of listing roles each time.

/** MOD and the MOD coordinator: the hall's floor managers. */
export const MANAGERS: readonly Role[] = ['mod', 'coordinator', 'admin'];
/** The administrator: accounts, PINs and the rules managers are measured by (SOP standards, compensation). */
export const ADMINS: readonly Role[] = ['admin'];
/** Everyone working in the hall. */
export const STAFF: readonly Role[] = ['officer', 'fo', ...MANAGERS];
export const STAFF_AND_DISPLAY: readonly Role[] = ['display', ...STAFF];
/** The Sekdis and Kepala Dinas read the day's reports and sign off the report chain; they work no counter. */
export const READERS: readonly Role[] = [...STAFF, 'sekdis', 'kadis'];
export const ANY_ROLE: readonly Role[] = ['kiosk', ...STAFF_AND_DISPLAY, 'sekdis', 'kadis'];
