import type { SettingsView } from '@giliran/protocol';
import { pick } from '@giliran/ui';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { hoursToTexts, textsToHours, type DayTexts } from './hours-text.ts';
import { ActionStatus, Section, type SectionProps } from './settings-parts.tsx';
import { useAction } from './use-action.ts';
import { WeekEditor } from './week-editor.tsx';

const same = (a: DayTexts, b: DayTexts): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The hall's hours (every service without its own), and one service's own hours or "keep the hall's". */
export function HoursSection(props: SectionProps) {
  return (
    <div class="settings-two">
      <HallHours {...props} />
      <ServiceHours {...props} />
    </div>
  );
}

function HallHours({ hub, view, onSaved, lang, t }: SectionProps) {
  const editable = view.editable['opening-hours'];
  const base = useMemo(() => hoursToTexts(view.openingHours), [view.openingHours]);
  const [texts, setTexts] = useState(base);
  const action = useAction(lang, t('networkError'));
  useEffect(() => {
    setTexts(base);
  }, [base]);
  const hours = textsToHours(texts);
  const dirty = !same(texts, base);
  const save = async () => {
    if (!hours) return;
    const next = await action.run(
      () => hub.put<SettingsView>('/api/settings/opening-hours', { hours }),
      t('saved'),
    );
    if (next) onSaved(next);
  };
  return (
    <Section title={t('hallHours')} hint={t('hallHoursHint')} readOnly={!editable} t={t}>
      <WeekEditor
        name="hall"
        texts={texts}
        disabled={!editable}
        t={t}
        onChange={(next) => {
          setTexts(next);
          action.clear();
        }}
      />
      {!hours && <p class="settings-status settings-status-error">{t('badHours')}</p>}
      <div class="settings-actions">
        {editable && (
          <>
            <button
              type="button"
              class="settings-btn"
              disabled={!dirty || action.busy}
              onClick={() => {
                setTexts(base);
              }}
            >
              {t('undo')}
            </button>
            <button
              type="button"
              class="settings-btn settings-btn-primary"
              disabled={!dirty || !hours || action.busy}
              onClick={() => void save()}
            >
              {t('save')}
            </button>
          </>
        )}
        <ActionStatus state={action} t={t} />
      </div>
    </Section>
  );
}

function ServiceHours({ hub, view, onSaved, lang, t }: SectionProps) {
  const editable = view.editable['opening-hours'];
  const [serviceId, setServiceId] = useState(view.services[0]?.id ?? '');
  const service = view.services.find((s) => s.id === serviceId);
  const own = service?.openingHours ?? null;
  const base = useMemo(() => hoursToTexts(own ?? view.openingHours), [own, view.openingHours]);
  const [follow, setFollow] = useState(own === null);
  const [texts, setTexts] = useState(base);
  const action = useAction(lang, t('networkError'));
  useEffect(() => {
    setFollow(own === null);
    setTexts(base);
  }, [own, base]);
  const hours = textsToHours(texts);
  const dirty = follow !== (own === null) || (!follow && !same(texts, base));
  const save = async () => {
    if (!follow && !hours) return;
    const next = await action.run(
      () =>
        hub.put<SettingsView>(`/api/settings/opening-hours/${encodeURIComponent(serviceId)}`, {
          hours: follow ? null : hours,
        }),
      t('saved'),
    );
    if (next) onSaved(next);
  };
  return (
    <Section title={t('serviceHours')} readOnly={!editable} t={t}>
      <select
        class="settings-input"
        value={serviceId}
        aria-label={t('service')}
        onChange={(e) => {
          setServiceId(e.currentTarget.value);
          action.clear();
        }}
      >
        {view.services.map((s) => (
          <option key={s.id} value={s.id}>
            {s.prefix} · {pick(s.name, lang)}
            {s.openingHours ? ' ●' : ''}
          </option>
        ))}
      </select>
      <label class="settings-check">
        <input
          type="checkbox"
          checked={follow}
          disabled={!editable}
          onChange={(e) => {
            setFollow(e.currentTarget.checked);
            action.clear();
          }}
        />
        {t('followHall')}
      </label>
      <WeekEditor name="service" texts={texts} disabled={!editable || follow} t={t} onChange={setTexts} />
      {!follow && !hours && <p class="settings-status settings-status-error">{t('badHours')}</p>}
      <div class="settings-actions">
        {editable && (
          <>
            <button
              type="button"
              class="settings-btn"
              disabled={!dirty || action.busy}
              onClick={() => {
                setFollow(own === null);
                setTexts(base);
              }}
            >
              {t('undo')}
            </button>
            <button
              type="button"
              class="settings-btn settings-btn-primary"
              disabled={!dirty || (!follow && !hours) || action.busy}
              onClick={() => void save()}
            >
              {t('save')}
            </button>
          </>
        )}
        <ActionStatus state={action} t={t} />
      </div>
    </Section>
  );
}
