import type { AccountView, SettingsView } from '@giliran/protocol';
import type { HubClient, Lang } from '@giliran/ui';
import { useState } from 'preact/hooks';
import { CounterPicker } from './counter-picker.tsx';
import { ActionStatus } from './settings-parts.tsx';
import type { SettingsT, SettingsText } from './texts.ts';
import { useAction } from './use-action.ts';

export const CREATABLE_ROLES = ['officer', 'fo', 'mod', 'coordinator', 'sekdis', 'kadis'] as const;
type CreatableRole = (typeof CREATABLE_ROLES)[number];

export const roleText = (role: string): SettingsText => `role_${role}` as SettingsText;

interface Props {
  readonly hub: HubClient;
  readonly counters: SettingsView['counters'];
  readonly onCreated: (account: AccountView) => void;
  readonly lang: Lang;
  readonly t: SettingsT;
}

const EMPTY = {
  username: '',
  name: '',
  role: 'officer' as CreatableRole,
  counterIds: [] as string[],
  pin: '',
};

/** A new account: an officer gets at least one counter, the other roles none; the PIN is hashed by the hub. */
export function AccountForm({ hub, counters, onCreated, lang, t }: Props) {
  const [form, setForm] = useState(EMPTY);
  const action = useAction(lang, t('networkError'));
  const officer = form.role === 'officer';
  const ready =
    /^[a-zA-Z0-9][a-zA-Z0-9._-]{1,31}$/.test(form.username.trim()) &&
    form.name.trim() !== '' &&
    /^\d{4,12}$/.test(form.pin) &&
    (!officer || form.counterIds.length > 0);
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { ...form, counterIds: officer ? form.counterIds : [] };
    const created = await action.run(() => hub.post<AccountView>('/api/accounts', body), t('saved'));
    if (created) {
      setForm(EMPTY);
      onCreated(created);
    }
  };
  const set = (change: Partial<typeof EMPTY>) => {
    setForm({ ...form, ...change });
    action.clear();
  };
  return (
    <form class="settings-form" onSubmit={(e) => void submit(e)}>
      <h3>{t('addAccount')}</h3>
      <label>
        <span>{t('username')}</span>
        <input
          class="settings-input"
          value={form.username}
          autoComplete="off"
          maxLength={32}
          onInput={(e) => {
            set({ username: e.currentTarget.value });
          }}
        />
      </label>
      <label>
        <span>{t('name')}</span>
        <input
          class="settings-input"
          value={form.name}
          maxLength={100}
          onInput={(e) => {
            set({ name: e.currentTarget.value });
          }}
        />
      </label>
      <label>
        <span>{t('role')}</span>
        <select
          class="settings-input"
          value={form.role}
          onChange={(e) => {
            set({ role: e.currentTarget.value as CreatableRole });
          }}
        >
          {CREATABLE_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(roleText(role))}
            </option>
          ))}
        </select>
      </label>
      {officer && (
        <fieldset class="settings-fieldset">
          <legend>{t('counters')}</legend>
          <CounterPicker
            counters={counters}
            selected={form.counterIds}
            onChange={(counterIds) => {
              set({ counterIds });
            }}
          />
        </fieldset>
      )}
      <label>
        <span>{t('pin')}</span>
        <input
          class="settings-input"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          maxLength={12}
          value={form.pin}
          onInput={(e) => {
            set({ pin: e.currentTarget.value });
          }}
        />
      </label>
      <div class="settings-actions">
        <button type="submit" class="settings-btn settings-btn-primary" disabled={!ready || action.busy}>
          {t('create')}
        </button>
        <ActionStatus state={action} t={t} />
      </div>
    </form>
  );
}
