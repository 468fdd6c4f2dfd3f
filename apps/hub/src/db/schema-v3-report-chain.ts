/** Schema version 3: the end-of-day report chain, SOP steps 9–13 (issue 6). Filled in by the report-chain work. */
export const SCHEMA_V3 = ``;
