import { SETTINGS_AREAS } from '@giliran/domain';
import type { AuditEntry, SettingsArea } from '@giliran/protocol';
import { formatTime, pick } from '@giliran/ui';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { roleText } from './account-form.tsx';
import { describeChange } from './audit-format.ts';
import { Section, type SectionProps } from './settings-parts.tsx';
import type { SettingsText } from './texts.ts';
import { errorText } from './use-action.ts';

const AREAS: readonly SettingsArea[] = SETTINGS_AREAS;

const areaText = (area: SettingsArea): SettingsText => `area_${area.replaceAll('-', '_')}` as SettingsText;

interface Props extends SectionProps {
  readonly timeZone: string;
}

function when(instant: string, timeZone: string, lang: string): string {
  const day = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
  }).format(new Date(instant));
  return `${day} ${formatTime(instant, timeZone)}`;
}

/** Who changed what and when, newest first, with a filter by day range and area; refreshed as changes happen. */
export function AuditSection({ hub, view, lang, t, timeZone }: Props) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [area, setArea] = useState<SettingsArea | ''>('');
  const [entries, setEntries] = useState<readonly AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    const query = new URLSearchParams({ limit: '200' });
    if (from) query.set('from', from);
    if (to) query.set('to', to);
    if (area) query.set('area', area);
    hub.get<AuditEntry[]>(`/api/audit?${query.toString()}`).then(
      (list) => {
        setEntries(list);
        setError(null);
      },
      (e: unknown) => {
        setError(errorText(e, lang, t('networkError')));
      },
    );
  }, [hub, from, to, area, lang, t]);

  useEffect(() => {
    load();
    hub.socket.on('settings:changed', load);
    return () => {
      hub.socket.off('settings:changed', load);
    };
  }, [hub, load]);

  const targetName = (entry: AuditEntry): string => {
    if (entry.target === null) return t('siteWide');
    const service = view.services.find((s) => s.id === entry.target);
    if (service && entry.area !== 'accounts') return `${service.prefix} · ${pick(service.name, lang)}`;
    return view.counters.find((c) => c.id === entry.target)?.name ?? entry.target;
  };

  return (
    <Section title={t('sectionAudit')} readOnly={false} t={t} wide>
      <div class="settings-filters">
        <label>
          <span>{t('from')}</span>
          <input
            class="settings-input"
            type="date"
            value={from}
            onInput={(e) => {
              setFrom(e.currentTarget.value);
            }}
          />
        </label>
        <label>
          <span>{t('to')}</span>
          <input
            class="settings-input"
            type="date"
            value={to}
            onInput={(e) => {
              setTo(e.currentTarget.value);
            }}
          />
        </label>
        <label>
          <span>{t('area')}</span>
          <select
            class="settings-input"
            value={area}
            onChange={(e) => {
              setArea(e.currentTarget.value as SettingsArea | '');
            }}
          >
            <option value="">{t('allAreas')}</option>
            {AREAS.map((a) => (
              <option key={a} value={a}>
                {t(areaText(a))}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p class="settings-status settings-status-error" role="alert">
          {error}
        </p>
      )}
      {entries?.length === 0 && <p class="settings-muted">{t('noEntries')}</p>}
      {entries && entries.length > 0 && (
        <div class="settings-scroll settings-scroll-tall">
          <table class="settings-table settings-audit">
            <thead>
              <tr>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('who')}</th>
                <th scope="col">{t('area')}</th>
                <th scope="col">{t('target')}</th>
                <th scope="col">{t('change')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td class="settings-nowrap">{when(entry.at, timeZone, lang)}</td>
                  <td class="settings-nowrap">
                    {entry.actor} <span class="settings-muted">{t(roleText(entry.actorRole))}</span>
                  </td>
                  <td class="settings-nowrap">{t(areaText(entry.area))}</td>
                  <td class="settings-nowrap">{targetName(entry)}</td>
                  <td>
                    <details class="settings-change">
                      <summary>{describeChange(entry, t) || t('details')}</summary>
                      <dl>
                        <dt>{t('before')}</dt>
                        <dd>
                          <code>{JSON.stringify(entry.before)}</code>
                        </dd>
                        <dt>{t('after')}</dt>
                        <dd>
                          <code>{JSON.stringify(entry.after)}</code>
                        </dd>
                      </dl>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
