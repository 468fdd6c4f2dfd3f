import { useState } from 'preact/hooks';
import { AccountForm } from './account-form.tsx';
import { AccountRow } from './account-row.tsx';
import { Section, type SectionProps } from './settings-parts.tsx';
import { useAccounts } from './use-accounts.ts';

interface Props extends SectionProps {
  readonly me: string;
}

/** Staff accounts: the list with its filter; for the administrator also add, edit, disable and PIN resets. */
export function AccountsSection({ hub, view, lang, t, me }: Props) {
  const editable = view.editable.accounts;
  const { accounts, failed, reload } = useAccounts(hub);
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = (accounts ?? []).filter(
    (a) =>
      needle === '' ||
      a.username.includes(needle) ||
      a.name.toLowerCase().includes(needle) ||
      a.counterIds.some((id) => id.includes(needle)),
  );
  return (
    <div class={editable ? 'settings-two settings-two-main' : ''}>
      <Section title={t('sectionAccounts')} hint={t('accountsHint')} readOnly={!editable} t={t}>
        <input
          class="settings-input settings-filter"
          type="search"
          placeholder={t('filter')}
          value={filter}
          onInput={(e) => {
            setFilter(e.currentTarget.value);
          }}
        />
        {failed && (
          <p class="settings-status settings-status-error" role="alert">
            {t('loadFailed')}
          </p>
        )}
        <div class="settings-scroll settings-scroll-tall">
          <table class="settings-table settings-accounts">
            <thead>
              <tr>
                <th scope="col">{t('username')}</th>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('role')}</th>
                <th scope="col">{t('counters')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col" aria-label={t('edit')} />
              </tr>
            </thead>
            <tbody>
              {shown.map((account) => (
                <AccountRow
                  key={account.username}
                  hub={hub}
                  account={account}
                  counters={view.counters}
                  editable={editable}
                  me={me}
                  onChanged={reload}
                  lang={lang}
                  t={t}
                />
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      {editable && (
        <section class="settings-card">
          <AccountForm hub={hub} counters={view.counters} onCreated={reload} lang={lang} t={t} />
        </section>
      )}
    </div>
  );
}
