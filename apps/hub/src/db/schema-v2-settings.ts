/** Schema version 2: runtime settings and their audit trail (issue 6). Filled in by the settings work. */
export const SCHEMA_V2 = ``;
