import type { SettingsView } from '@giliran/protocol';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ActionStatus, Section, type SectionProps } from './settings-parts.tsx';
import { useAction } from './use-action.ts';

interface TierDraft {
  readonly minutes: string;
  readonly id: string;
  readonly en: string;
}

function draftsOf(view: SettingsView): TierDraft[] {
  return view.lateService.map((tier) => ({
    minutes: String(tier.minutesLate),
    id: tier.remedy.id,
    en: tier.remedy.en,
  }));
}

/** Whole minutes rising from tier to tier, and a remedy in both languages, as the hub requires. */
export function tiersValid(tiers: readonly TierDraft[]): boolean {
  return (
    tiers.length > 0 &&
    tiers.every((tier, i) => {
      if (!/^\d{1,4}$/.test(tier.minutes) || Number(tier.minutes) > 1440) return false;
      if (tier.id.trim() === '' || tier.en.trim() === '') return false;
      const previous = tiers[i - 1];
      return !previous || Number(tier.minutes) > Number(previous.minutes);
    })
  );
}

/** The late-service tiers of SK 108/2024: when compensation is raised and escalated, and what the citizen gets. */
export function TiersSection({ hub, view, onSaved, lang, t }: SectionProps) {
  const editable = view.editable['late-service'];
  const base = useMemo(() => draftsOf(view), [view]);
  const [tiers, setTiers] = useState<readonly TierDraft[]>(base);
  const action = useAction(lang, t('networkError'));
  useEffect(() => {
    setTiers(base);
  }, [base]);
  const dirty = JSON.stringify(tiers) !== JSON.stringify(base);
  const valid = tiersValid(tiers);
  const update = (index: number, change: Partial<TierDraft>) => {
    setTiers(tiers.map((tier, i) => (i === index ? { ...tier, ...change } : tier)));
    action.clear();
  };
  const save = async () => {
    const body = {
      tiers: tiers.map((tier) => ({
        minutesLate: Number(tier.minutes),
        remedy: { id: tier.id.trim(), en: tier.en.trim() },
      })),
    };
    const next = await action.run(
      () => hub.put<SettingsView>('/api/settings/late-service', body),
      t('saved'),
    );
    if (next) onSaved(next);
  };
  return (
    <Section title={t('sectionTiers')} hint={t('tiersHint')} readOnly={!editable} t={t}>
      <ol class="settings-tiers">
        {tiers.map((tier, i) => (
          <li key={i} class="settings-tier">
            <span class="settings-tier-name">{t('tier', { n: i + 1 })}</span>
            <label>
              <span>{t('minutesLate')}</span>
              <input
                class="settings-input settings-minutes"
                inputMode="numeric"
                value={tier.minutes}
                disabled={!editable}
                onInput={(e) => {
                  update(i, { minutes: e.currentTarget.value });
                }}
              />
            </label>
            <label class="settings-grow">
              <span>{t('remedyId')}</span>
              <input
                class="settings-input"
                value={tier.id}
                maxLength={200}
                disabled={!editable}
                onInput={(e) => {
                  update(i, { id: e.currentTarget.value });
                }}
              />
            </label>
            <label class="settings-grow">
              <span>{t('remedyEn')}</span>
              <input
                class="settings-input"
                value={tier.en}
                maxLength={200}
                disabled={!editable}
                onInput={(e) => {
                  update(i, { en: e.currentTarget.value });
                }}
              />
            </label>
            {editable && tiers.length > 1 && (
              <button
                type="button"
                class="settings-btn settings-btn-small"
                onClick={() => {
                  setTiers(tiers.filter((_, j) => j !== i));
                }}
              >
                {t('removeTier')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {!valid && <p class="settings-status settings-status-error">{t('badTiers')}</p>}
      <div class="settings-actions">
        {editable && (
          <>
            <button
              type="button"
              class="settings-btn"
              disabled={tiers.length >= 10}
              onClick={() => {
                const last = tiers[tiers.length - 1];
                setTiers([
                  ...tiers,
                  {
                    minutes: String(Number(last?.minutes ?? '0') + 30),
                    id: last?.id ?? '',
                    en: last?.en ?? '',
                  },
                ]);
              }}
            >
              {t('addTier')}
            </button>
            <button
              type="button"
              class="settings-btn"
              disabled={!dirty || action.busy}
              onClick={() => {
                setTiers(base);
              }}
            >
              {t('undo')}
            </button>
            <button
              type="button"
              class="settings-btn settings-btn-primary"
              disabled={!dirty || !valid || action.busy}
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
