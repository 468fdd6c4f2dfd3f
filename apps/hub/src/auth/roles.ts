// Who may do what, by group: defined once in the protocol beside the command tables that name them.
export { ADMINS, ANY_ROLE, MANAGERS, READERS, STAFF, STAFF_AND_DISPLAY } from '@giliran/protocol';
