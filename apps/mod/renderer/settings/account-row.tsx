import type { AccountView, SettingsView } from '@giliran/protocol';
import type { HubClient, Lang } from '@giliran/ui';
import { useState } from 'preact/hooks';
import { roleText } from './account-form.tsx';
import { CounterPicker } from './counter-picker.tsx';
import { ActionStatus } from './settings-parts.tsx';
import type { SettingsT } from './texts.ts';
import { useAction } from './use-action.ts';

interface Props {
  readonly hub: HubClient;
  readonly account: AccountView;
  readonly counters: SettingsView['counters'];
  readonly editable: boolean;
  /** The signed-in user: their own account cannot be disabled from here. */
  readonly me: string;
  readonly onChanged: () => void;
  readonly lang: Lang;
  readonly t: SettingsT;
}

type Mode = 'view' | 'edit' | 'pin';

/** One account: its line, and inline either its edit form (name, counters) or a new PIN. */
export function AccountRow({ hub, account, counters, editable, me, onChanged, lang, t }: Props) {
  const [mode, setMode] = useState<Mode>('view');
  const [name, setName] = useState(account.name);
  const [counterIds, setCounterIds] = useState<string[]>([...account.counterIds]);
  const [pin, setPin] = useState('');
  const action = useAction(lang, t('networkError'));
  const path = `/api/accounts/${encodeURIComponent(account.username)}`;
  const counterNames = account.counterIds.map((id) => counters.find((c) => c.id === id)?.name ?? id);

  const open = (next: Mode) => {
    setMode(next);
    setName(account.name);
    setCounterIds([...account.counterIds]);
    setPin('');
    action.clear();
  };
  const send = async (request: () => Promise<AccountView>, done: string) => {
    if (await action.run(request, done)) {
      setMode('view');
      onChanged();
    }
  };
  const officer = account.role === 'officer';
  return (
    <>
      <tr class={account.disabled ? 'settings-row-off' : ''} data-username={account.username}>
        <td class="settings-mono">
          {account.username} {account.username === me && <span class="settings-muted">{t('you')}</span>}
        </td>
        <td>{account.name}</td>
        <td>{t(roleText(account.role))}</td>
        <td>{counterNames.length > 0 ? counterNames.join(', ') : t('noCounters')}</td>
        <td>
          <span class={`settings-pill ${account.disabled ? 'settings-pill-off' : 'settings-pill-on'}`}>
            {t(account.disabled ? 'disabled' : 'active')}
          </span>
        </td>
        <td class="settings-row-actions">
          {editable && (
            <>
              <button
                type="button"
                class="settings-btn settings-btn-small"
                onClick={() => {
                  open(mode === 'edit' ? 'view' : 'edit');
                }}
              >
                {t('edit')}
              </button>
              <button
                type="button"
                class="settings-btn settings-btn-small"
                onClick={() => {
                  open(mode === 'pin' ? 'view' : 'pin');
                }}
              >
                {t('resetPin')}
              </button>
              {account.username !== me && (
                <button
                  type="button"
                  class={`settings-btn settings-btn-small ${account.disabled ? '' : 'settings-btn-danger'}`}
                  disabled={action.busy}
                  onClick={() =>
                    void send(() => hub.put<AccountView>(path, { disabled: !account.disabled }), t('saved'))
                  }
                >
                  {t(account.disabled ? 'enable' : 'disable')}
                </button>
              )}
            </>
          )}
        </td>
      </tr>
      {mode === 'view' && (action.error ?? action.done) !== null && (
        <tr class="settings-row-form">
          <td colSpan={6}>
            <ActionStatus state={action} t={t} />
          </td>
        </tr>
      )}
      {mode !== 'view' && (
        <tr class="settings-row-form">
          <td colSpan={6}>
            {mode === 'edit' ? (
              <div class="settings-inline">
                <label>
                  <span>{t('name')}</span>
                  <input
                    class="settings-input"
                    value={name}
                    maxLength={100}
                    onInput={(e) => {
                      setName(e.currentTarget.value);
                    }}
                  />
                </label>
                {officer && (
                  <CounterPicker counters={counters} selected={counterIds} onChange={setCounterIds} />
                )}
                <button
                  type="button"
                  class="settings-btn settings-btn-primary"
                  disabled={action.busy || name.trim() === '' || (officer && counterIds.length === 0)}
                  onClick={() =>
                    void send(
                      () => hub.put<AccountView>(path, officer ? { name, counterIds } : { name }),
                      t('saved'),
                    )
                  }
                >
                  {t('save')}
                </button>
                <button
                  type="button"
                  class="settings-btn"
                  onClick={() => {
                    open('view');
                  }}
                >
                  {t('cancel')}
                </button>
                <ActionStatus state={action} t={t} />
              </div>
            ) : (
              <div class="settings-inline">
                <label>
                  <span>{t('newPin')}</span>
                  <input
                    class="settings-input"
                    type="password"
                    inputMode="numeric"
                    autoComplete="new-password"
                    maxLength={12}
                    value={pin}
                    onInput={(e) => {
                      setPin(e.currentTarget.value);
                    }}
                  />
                </label>
                <button
                  type="button"
                  class="settings-btn settings-btn-primary"
                  disabled={action.busy || !/^\d{4,12}$/.test(pin)}
                  onClick={() =>
                    void send(
                      () => hub.post<AccountView>(`${path}/pin`, { pin }),
                      t('pinSet', { username: account.username }),
                    )
                  }
                >
                  {t('setPin')}
                </button>
                <button
                  type="button"
                  class="settings-btn"
                  onClick={() => {
                    open('view');
                  }}
                >
                  {t('cancel')}
                </button>
                <ActionStatus state={action} t={t} />
              </div>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
