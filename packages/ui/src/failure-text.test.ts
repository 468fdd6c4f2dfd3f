import { ERRORS } from '@giliran/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadFile } from './download-file.ts';
import { failureText } from './failure-text.ts';
import { hubErrorFrom, HubRequestError, retryAfterSeconds } from './hub-client.ts';

const WORDS = { offline: 'Hub tidak terjangkau.', failed: 'Laporan tidak dapat dimuat.' };
const BUSY = ERRORS.EXPORT_BUSY.message;

/** The hub's refusal as it comes over HTTP: its coded body (or a proxy's page) and its Retry-After. */
function refusal(
  retryAfter: string | null,
  body: string = JSON.stringify({ error: { code: 'EXPORT_BUSY', message: BUSY } }),
) {
  const headers: Record<string, string> = {};
  if (retryAfter !== null) headers['retry-after'] = retryAfter;
  return new Response(body, { status: 429, headers });
}

describe('a refusal says when to try again', () => {
  it('adds the Retry-After wait to the hub’s message, in Indonesian and English, seconds then minutes', async () => {
    const busy = await hubErrorFrom(refusal('5'));
    expect(busy).toMatchObject({ code: 'EXPORT_BUSY', status: 429, retryAfterSeconds: 5 });
    expect(failureText(busy, 'id', WORDS)).toBe(`${BUSY.id} Coba lagi dalam 5 detik.`);
    expect(failureText(busy, 'en', WORDS)).toBe(`${BUSY.en} Try again in 5 seconds.`);
    expect(failureText(await hubErrorFrom(refusal('1')), 'en', WORDS)).toBe(
      `${BUSY.en} Try again in 1 second.`,
    );
    expect(failureText(await hubErrorFrom(refusal('61')), 'id', WORDS)).toBe(
      `${BUSY.id} Coba lagi dalam 2 menit.`,
    );
  });

  it('keeps the plain message without a Retry-After, and its own words for a proxy’s page or no hub', async () => {
    expect(failureText(await hubErrorFrom(refusal(null)), 'id', WORDS)).toBe(BUSY.id);
    const proxyPage = await hubErrorFrom(refusal('30', '<html>Too Many Requests</html>'));
    expect(proxyPage).toMatchObject({ code: 'HTTP', body: null, retryAfterSeconds: 30 });
    expect(failureText(proxyPage, 'id', WORDS)).toBe(`${WORDS.failed} Coba lagi dalam 30 detik.`);
    expect(failureText(new HubRequestError('NETWORK', 0, null), 'id', WORDS)).toBe(WORDS.offline);
    expect(failureText(new Error('boom'), 'id', WORDS)).toBe(WORDS.failed);
  });

  it('reads Retry-After as seconds, rounded up, or as an HTTP date from now; nothing for past or unreadable', () => {
    const now = Date.parse('2026-12-06T10:00:00Z');
    expect(retryAfterSeconds('4.2', now)).toBe(5);
    expect(retryAfterSeconds('Sun, 06 Dec 2026 10:00:30 GMT', now)).toBe(30);
    expect(retryAfterSeconds('Sun, 06 Dec 2026 09:59:00 GMT', now)).toBeNull();
    expect(retryAfterSeconds('0', now)).toBeNull();
    expect(retryAfterSeconds('soon', now)).toBeNull();
    expect(retryAfterSeconds(null, now)).toBeNull();
  });
});

describe('downloadFile', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('throws a refused export as the hub’s error with its wait, instead of saving the error as the file', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(refusal('5')));
    const refused = downloadFile(new URL('http://hub.test/api/reports?format=pdf'), 'token', 'laporan.pdf');
    await expect(refused).rejects.toMatchObject({ code: 'EXPORT_BUSY', status: 429, retryAfterSeconds: 5 });
  });
});
