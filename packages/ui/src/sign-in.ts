import type { LoginResponse } from '@giliran/protocol';
import { hubErrorFrom, HubRequestError } from './hub-client.ts';

/** Signs in with username and PIN (and the counter, for an officer); the hub's coded error otherwise. */
export async function requestLogin(
  hubUrl: string,
  body: { username: string; pin: string; counterId?: string },
): Promise<LoginResponse | HubRequestError> {
  let response: Response;
  try {
    response = await fetch(new URL('/api/auth/login', hubUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return new HubRequestError('NETWORK', 0, null);
  }
  if (!response.ok) return hubErrorFrom(response);
  return (await response.json().catch(() => null)) as LoginResponse;
}

/** Ends the session at the hub; the page forgets its token either way. */
export async function requestLogout(hubUrl: string, token: string): Promise<void> {
  await fetch(new URL('/api/auth/logout', hubUrl), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  }).catch(() => undefined);
}
