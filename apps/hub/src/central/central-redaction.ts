/**
 * Personal data central does not need never leaves the hub: complainants' identity and contact details, NIK,
 * phone numbers, e-mail addresses, and any PIN or token. Officers' usernames stay (the region's reports count per
 * officer); SKM respondents' bands (gender, age band, education, occupation) stay (the IKM is broken down by them,
 * and they name nobody).
 */
const NEVER_SENT = new Set([
  'nik',
  'phone',
  'email',
  'contact',
  'pin',
  'pinHash',
  'pin_hash',
  'token',
  'tokenSha256',
  'token_sha256',
]);
/** A complaint's filer: who they are and where they live is the hub's to keep. */
const COMPLAINANT = new Set(['name', 'occupation', 'address']);

/**
 * Whether the event holds a complaint's filer: the register's own events (`complaint:filed` and the rest), a row
 * of the register carried over from before the one log (`legacy:row-imported` of table `complaints`), and a
 * mobile unit's visit-register entry (its visitor's name; NIK and phone are never sent anyway).
 */
function holdsComplainant(type: string, payload: Record<string, unknown>): boolean {
  // A mobile unit's visit register names the visitor: the region counts visitors, it does not know them.
  if (type.startsWith('complaint:') || type === 'visit:registered') return true;
  // A booking's holder is named: central counts bookings, it does not need who made them.
  if (type.startsWith('booking:')) return true;
  return type === 'legacy:row-imported' && payload['table'] === 'complaints';
}

function strip(value: unknown, drop: (key: string) => boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => strip(item, drop));
  if (typeof value !== 'object' || value === null) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (!drop(key)) kept[key] = strip(item, drop);
  return kept;
}

/** The payload as central receives it. */
export function redactForCentral(type: string, payload: Record<string, unknown>): Record<string, unknown> {
  const complaint = holdsComplainant(type, payload);
  return strip(payload, (key) => NEVER_SENT.has(key) || (complaint && COMPLAINANT.has(key))) as Record<
    string,
    unknown
  >;
}
