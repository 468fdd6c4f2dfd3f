import type { SettingsView } from '@giliran/protocol';
import { pick } from '@giliran/ui';
import { useState } from 'preact/hooks';
import { ActionStatus, Section, type SectionProps } from './settings-parts.tsx';
import { useAction } from './use-action.ts';

interface Draft {
  /** The counter's list when editing began: if the hub's changes meanwhile, the draft is stale and dropped. */
  readonly base: string;
  readonly ids: readonly string[];
}

/** A grid of counters × services: tick what each counter serves, save a row at a time. */
export function CountersSection({ hub, view, onSaved, lang, t }: SectionProps) {
  const editable = view.editable['counter-services'];
  const [drafts, setDrafts] = useState<Readonly<Record<string, Draft>>>({});
  const [savingId, setSavingId] = useState<string | null>(null);
  const action = useAction(lang, t('networkError'));

  const current = (counter: SettingsView['counters'][number]): readonly string[] => {
    const draft = drafts[counter.id];
    return draft && draft.base === counter.serviceIds.join(',') ? draft.ids : counter.serviceIds;
  };
  const toggle = (counter: SettingsView['counters'][number], serviceId: string) => {
    const ids = new Set(current(counter));
    if (ids.has(serviceId)) ids.delete(serviceId);
    else ids.add(serviceId);
    // Kept in the site's service order, so a saved list reads the same on every screen.
    const next = view.services.filter((s) => ids.has(s.id)).map((s) => s.id);
    setDrafts({ ...drafts, [counter.id]: { base: counter.serviceIds.join(','), ids: next } });
    action.clear();
  };
  const forget = (counterId: string) => {
    setDrafts(Object.fromEntries(Object.entries(drafts).filter(([k]) => k !== counterId)));
  };
  const save = async (counterId: string, ids: readonly string[]) => {
    setSavingId(counterId);
    const next = await action.run(
      () =>
        hub.put<SettingsView>(`/api/settings/counters/${encodeURIComponent(counterId)}`, { serviceIds: ids }),
      t('saved'),
    );
    if (next) {
      forget(counterId);
      onSaved(next);
    }
  };

  return (
    <Section title={t('sectionCounters')} hint={t('countersHint')} readOnly={!editable} t={t} wide>
      <div class="settings-actions">
        {savingId && <span class="settings-muted">{view.counters.find((c) => c.id === savingId)?.name}</span>}
        <ActionStatus state={action} t={t} />
      </div>
      <div class="settings-scroll">
        <table class="settings-table settings-grid">
          <thead>
            <tr>
              <th scope="col">{t('counter')}</th>
              {view.services.map((s) => (
                <th key={s.id} scope="col" class="settings-grid-service" title={pick(s.name, lang)}>
                  <span class="settings-prefix">{s.prefix}</span>
                  <span class="settings-grid-name">{pick(s.name, lang)}</span>
                </th>
              ))}
              <th scope="col" aria-label={t('save')} />
            </tr>
          </thead>
          <tbody>
            {view.counters.map((c) => {
              const ids = current(c);
              const dirty = ids.join(',') !== c.serviceIds.join(',');
              return (
                <tr key={c.id} class={dirty ? 'settings-row-dirty' : ''} data-counter={c.id}>
                  <th scope="row">{c.name}</th>
                  {view.services.map((s) => (
                    <td key={s.id} class="settings-grid-cell">
                      <input
                        type="checkbox"
                        checked={ids.includes(s.id)}
                        disabled={!editable}
                        aria-label={`${c.name}: ${pick(s.name, lang)}`}
                        onChange={() => {
                          toggle(c, s.id);
                        }}
                      />
                    </td>
                  ))}
                  <td class="settings-row-actions">
                    {dirty && (
                      <>
                        <button
                          type="button"
                          class="settings-btn settings-btn-small"
                          onClick={() => {
                            forget(c.id);
                          }}
                        >
                          {t('undo')}
                        </button>
                        <button
                          type="button"
                          class="settings-btn settings-btn-primary settings-btn-small"
                          disabled={action.busy || ids.length === 0}
                          onClick={() => void save(c.id, ids)}
                        >
                          {t('save')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
