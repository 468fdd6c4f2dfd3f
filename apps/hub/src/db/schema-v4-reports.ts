/** Schema version 4: what the day and range reports read from (issue 6). Filled in by the reports work. */
export const SCHEMA_V4 = ``;
