/**
 * A request's address as a log line may show it. The query string goes whatever it holds (a device token once
 * travelled there, and any client may still put one there); so do the path segments that are themselves a
 * citizen's key: a ticket code (`/t/…`, status and survey look-ups) and a complaint's follow-up code.
 */
const SECRET_SEGMENTS: readonly RegExp[] = [
  /^(\/t\/)[^/]+/,
  /^(\/pengaduan\/)[^/]+/,
  /^(\/api\/public\/tickets\/)[^/]+/,
  /^(\/api\/public\/complaints\/)(?!form$)[^/]+/,
  /^(\/api\/survey\/tickets\/)[^/]+/,
];

export const REDACTED = '[redacted]';

export function logUrl(url: string): string {
  const queryAt = url.indexOf('?');
  let path = queryAt === -1 ? url : url.slice(0, queryAt);
  for (const pattern of SECRET_SEGMENTS) path = path.replace(pattern, `$1${REDACTED}`);
  return queryAt === -1 ? path : `${path}?${REDACTED}`;
}
