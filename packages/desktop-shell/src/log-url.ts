/**
 * A URL as it may appear in a log: the display's page URL carries its device token in the query, and a local
 * data: page is kilobytes of encoded HTML, so neither is written out.
 */
export function urlForLog(url: string): string {
  if (url.startsWith('data:')) return 'a local page';
  try {
    const parsed = new URL(url);
    return parsed.search === '' && parsed.hash === '' ? url : `${parsed.origin}${parsed.pathname}?…`;
  } catch {
    return 'an unparsable URL';
  }
}
