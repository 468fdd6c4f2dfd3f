import type { AccountView, ApiErrorBody, LoginResponse } from '@giliran/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestHub, type ClientSocket, type TestHub } from '../support/hub-harness.ts';

function disconnected(socket: ClientSocket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.disconnected) resolve();
    else
      socket.once('disconnect', () => {
        resolve();
      });
  });
}

describe('accounts and PINs', () => {
  let t: TestHub | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });

  const login = (hub: TestHub, username: string, pin: string, counterId?: string) =>
    hub.api<LoginResponse | ApiErrorBody>('POST', '/auth/login', {
      body: { username, pin, ...(counterId ? { counterId } : {}) },
    });

  it('a PIN reset makes the old PIN fail and the new one work, and ends the sessions at once', async () => {
    t = await startTestHub();
    const admin = await t.login('admin');
    const officer = await t.login('loket1');
    const socket = await t.socket(officer);
    const gone = disconnected(socket);

    const reset = await t.api<AccountView>('POST', '/accounts/loket1/pin', {
      token: admin,
      body: { pin: '583920' },
    });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ username: 'loket1', disabled: false });
    await gone;
    expect((await t.api('GET', '/counters', { token: officer })).status).toBe(401);
    expect((await login(t, 'loket1', '1234')).status).toBe(401);
    const fresh = await login(t, 'loket1', '583920');
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ role: 'officer', counterId: 'loket-1' });
  });

  it('a PIN reset lifts a lockout from wrong guesses', async () => {
    t = await startTestHub();
    const admin = await t.login('admin');
    for (let i = 0; i < 5; i++) await login(t, 'loket2', '0000');
    expect((await login(t, 'loket2', '1234')).status).toBe(429);
    await t.api('POST', '/accounts/loket2/pin', { token: admin, body: { pin: '246810' } });
    expect((await login(t, 'loket2', '246810')).status).toBe(200);
  });

  it('a disabled account cannot sign in and its sessions stop at once; enabling lets it back', async () => {
    t = await startTestHub();
    const admin = await t.login('admin');
    const officer = await t.login('loket2');
    const socket = await t.socket(officer);
    const gone = disconnected(socket);

    const disabled = await t.api<AccountView>('PUT', '/accounts/loket2', {
      token: admin,
      body: { disabled: true },
    });
    expect(disabled.body).toMatchObject({ username: 'loket2', disabled: true });
    await gone;
    expect((await t.api('POST', '/counters/loket-2/call-next', { token: officer })).status).toBe(401);
    const refused = await login(t, 'loket2', '1234');
    expect(refused.status).toBe(403);
    expect((refused.body as ApiErrorBody).error).toMatchObject({
      code: 'ACCOUNT_DISABLED',
      message: { id: 'Akun ini dinonaktifkan. Hubungi admin.' },
    });

    const enabled = await t.api<AccountView>('PUT', '/accounts/loket2', {
      token: admin,
      body: { disabled: false },
    });
    expect(enabled.body).toMatchObject({ disabled: false, disabledAt: null });
    expect((await login(t, 'loket2', '1234')).status).toBe(200);

    const self = await t.api<ApiErrorBody>('PUT', '/accounts/admin', {
      token: admin,
      body: { disabled: true },
    });
    expect(self.status).toBe(409);
    expect(self.body.error.code).toBe('OWN_ACCOUNT');
  });

  it('creates an officer at a counter; refuses a taken name, a counterless officer and an unknown counter', async () => {
    t = await startTestHub();
    const admin = await t.login('admin');
    const body = {
      username: 'Loket13',
      name: 'Siti Aminah',
      role: 'officer',
      counterIds: ['loket-3'],
      pin: '482913',
    };
    const created = await t.api<AccountView>('POST', '/accounts', { token: admin, body });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      username: 'loket13',
      name: 'Siti Aminah',
      role: 'officer',
      counterIds: ['loket-3'],
      disabled: false,
      disabledAt: null,
    });
    const signedIn = await login(t, 'loket13', '482913');
    expect(signedIn.body).toMatchObject({ role: 'officer', counterId: 'loket-3', name: 'Siti Aminah' });

    const taken = await t.api<ApiErrorBody>('POST', '/accounts', { token: admin, body });
    expect(taken.body.error.code).toBe('ACCOUNT_EXISTS');
    const noCounter = await t.api<ApiErrorBody>('POST', '/accounts', {
      token: admin,
      body: { ...body, username: 'loket14', counterIds: [] },
    });
    expect(noCounter.status).toBe(400);
    const unknown = await t.api<ApiErrorBody>('POST', '/accounts', {
      token: admin,
      body: { ...body, username: 'loket15', counterIds: ['loket-99'] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([{ path: 'counterIds', message: 'unknown counter loket-99' }]);
    const admins = await t.api('POST', '/accounts', {
      token: admin,
      body: { ...body, username: 'boss', role: 'admin', counterIds: [] },
    });
    expect(admins.status).toBe(400);

    const list = await t.api<AccountView[]>('GET', '/accounts', { token: admin });
    expect(list.body.map((a) => a.username)).toContain('loket13');
    expect(JSON.stringify(list.body)).not.toMatch(/scrypt|pin/i);
  });

  it('moving an officer to another counter ends the session at the old one; a rename keeps it', async () => {
    t = await startTestHub();
    const admin = await t.login('admin');
    const officer = await t.login('loket1');
    const renamed = await t.api<AccountView>('PUT', '/accounts/loket1', {
      token: admin,
      body: { name: 'Budi' },
    });
    expect(renamed.body.name).toBe('Budi');
    expect((await t.api('GET', '/counters', { token: officer })).status).toBe(200);

    const moved = await t.api<AccountView>('PUT', '/accounts/loket1', {
      token: admin,
      body: { counterIds: ['loket-2'] },
    });
    expect(moved.body.counterIds).toEqual(['loket-2']);
    expect((await t.api('GET', '/counters', { token: officer })).status).toBe(401);
    expect((await login(t, 'loket1', '1234')).body).toMatchObject({ counterId: 'loket-2' });
    expect((await t.api('PUT', '/accounts/nobody', { token: admin, body: { name: 'X' } })).status).toBe(404);
  });
});
