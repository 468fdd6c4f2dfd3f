import { ERRORS } from '@giliran/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HubRequestError } from './hub-client.ts';
import { requestLogin } from './sign-in.ts';
import { signInFailureText } from './staff-sign-in-text.ts';

const LOCKED = {
  id: 'Terlalu banyak percobaan. Coba lagi nanti.',
  en: 'Too many attempts. Try again later.',
};
const WRONG_ROLE = 'Halaman ini untuk MOD.';

describe('the staff sign-in says why it refused', () => {
  it('says when to try again after a lock-out, in seconds under a minute and in minutes from one up', () => {
    const locked = (retryAfterSeconds: number | null) =>
      ({ ok: false, code: 'LOCKED_OUT', message: LOCKED, retryAfterSeconds }) as const;
    expect(signInFailureText(locked(12), WRONG_ROLE, 'id')).toBe(
      'Terlalu banyak percobaan. Coba lagi dalam 12 detik.',
    );
    expect(signInFailureText(locked(1), WRONG_ROLE, 'en')).toBe('Too many attempts. Try again in 1 second.');
    expect(signInFailureText(locked(59), WRONG_ROLE, 'en')).toBe(
      'Too many attempts. Try again in 59 seconds.',
    );
    expect(signInFailureText(locked(60), WRONG_ROLE, 'en')).toBe('Too many attempts. Try again in 1 minute.');
    expect(signInFailureText(locked(61), WRONG_ROLE, 'id')).toBe(
      'Terlalu banyak percobaan. Coba lagi dalam 2 menit.',
    );
    // A server that gave no Retry-After (central): its own message.
    expect(signInFailureText(locked(null), WRONG_ROLE, 'en')).toBe(LOCKED.en);
    // Any other limit that said when: its own message, then the wait.
    const limited = {
      ok: false,
      code: 'SIGN_IN_RATE_LIMITED',
      message: ERRORS.SIGN_IN_RATE_LIMITED.message,
      retryAfterSeconds: 60,
    } as const;
    expect(signInFailureText(limited, WRONG_ROLE, 'id')).toBe(
      'Terlalu banyak percobaan masuk dari perangkat ini. Coba lagi dalam 1 menit.',
    );
  });

  it('gives the page its own words for a role it does not serve, the server’s message, or the bare code', () => {
    expect(signInFailureText({ ok: false, code: 'WRONG_ROLE', message: null }, WRONG_ROLE, 'en')).toBe(
      WRONG_ROLE,
    );
    const wrongPin = { id: 'Nama pengguna atau PIN salah.', en: 'Wrong username or PIN.' };
    expect(signInFailureText({ ok: false, code: 'INVALID_CREDENTIALS', message: wrongPin }, '', 'id')).toBe(
      wrongPin.id,
    );
    expect(signInFailureText({ ok: false, code: 'INVALID_CREDENTIALS', message: wrongPin }, '', 'en')).toBe(
      wrongPin.en,
    );
    expect(signInFailureText({ ok: false, code: 'NETWORK', message: null }, '', 'en')).toBe('NETWORK');
  });
});

describe('requestLogin', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  /** The hub's refusal as it comes over HTTP, with or without its Retry-After header. */
  const refuseWith = (retryAfter: string | null) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (retryAfter !== null) headers['retry-after'] = retryAfter;
    const body = JSON.stringify({ error: { code: 'LOCKED_OUT', message: LOCKED } });
    vi.stubGlobal('fetch', () => Promise.resolve(new Response(body, { status: 429, headers })));
  };

  it('hands the refusal’s Retry-After to the form, and null when there is none or it is not a number', async () => {
    refuseWith('37');
    const answer = await requestLogin('http://hub.test', { username: 'mod', pin: '0000' });
    expect(answer).toBeInstanceOf(HubRequestError);
    expect(answer).toMatchObject({ code: 'LOCKED_OUT', status: 429, retryAfterSeconds: 37 });
    refuseWith(null);
    expect(await requestLogin('http://hub.test', { username: 'mod', pin: '0000' })).toMatchObject({
      retryAfterSeconds: null,
    });
    refuseWith('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(await requestLogin('http://hub.test', { username: 'mod', pin: '0000' })).toMatchObject({
      retryAfterSeconds: null,
    });
  });
});
