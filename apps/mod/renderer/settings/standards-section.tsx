import type { SettingsView } from '@giliran/protocol';
import { pick } from '@giliran/ui';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { CHAIN_STEPS, minutesOk, TICKET_STEPS, toTable, toTexts } from './minutes.ts';
import { ActionStatus, Section, type SectionProps } from './settings-parts.tsx';
import type { SettingsT } from './texts.ts';
import { useAction } from './use-action.ts';

const ALL_STEPS = [...TICKET_STEPS, ...CHAIN_STEPS];
type Texts = Readonly<Record<string, string>>;
const same = (a: Texts, b: Texts): boolean => ALL_STEPS.every((s) => (a[s] ?? '') === (b[s] ?? ''));

const chainStart = (step: string): string => (step === CHAIN_STEPS[0] ? 'settings-chain-start' : '');

function StepHead({ step, t }: { readonly step: string; readonly t: SettingsT }) {
  const name = t(`step_${step}` as `step_${(typeof ALL_STEPS)[number]}`);
  return (
    <th scope="col" class={`settings-step-head ${chainStart(step)}`} title={name}>
      <span class="settings-step-number">{step}</span>
      <span class="settings-step-name">{name}</span>
    </th>
  );
}

/** The SOP's standard minutes: the site's table (steps 1–13), then each service's own minutes for steps 1–8. */
export function StandardsSection(props: SectionProps) {
  const { view, t } = props;
  return (
    <Section
      title={t('sectionStandards')}
      hint={t('standardsHint')}
      readOnly={!view.editable['sop-standards']}
      t={t}
      wide
    >
      <SiteTable {...props} />
      <ServiceTable {...props} />
    </Section>
  );
}

function SiteTable({ hub, view, onSaved, lang, t }: SectionProps) {
  const editable = view.editable['sop-standards'];
  const base = useMemo(() => toTexts(view.sopStandards, ALL_STEPS), [view.sopStandards]);
  const [texts, setTexts] = useState<Texts>(base);
  const action = useAction(lang, t('networkError'));
  useEffect(() => {
    setTexts(base);
  }, [base]);
  const valid = ALL_STEPS.every((s) => minutesOk(texts[s] ?? ''));
  const dirty = !same(texts, base);
  const save = async () => {
    const next = await action.run(
      () => hub.put<SettingsView>('/api/settings/sop-standards', { standards: toTable(texts) }),
      t('saved'),
    );
    if (next) onSaved(next);
  };
  const cell = (step: string) => (
    <td key={step} class={chainStart(step)}>
      <input
        class={`settings-input settings-minutes ${minutesOk(texts[step] ?? '') ? '' : 'settings-invalid'}`}
        inputMode="numeric"
        value={texts[step] ?? ''}
        disabled={!editable}
        aria-label={`${t('siteStandards')} ${step}`}
        onInput={(e) => {
          setTexts({ ...texts, [step]: e.currentTarget.value });
          action.clear();
        }}
      />
    </td>
  );
  return (
    <div class="settings-block">
      <h3>{t('siteStandards')}</h3>
      <div class="settings-scroll">
        <table class="settings-table settings-standards">
          <thead>
            <tr>
              {ALL_STEPS.map((s) => (
                <StepHead key={s} step={s} t={t} />
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>{ALL_STEPS.map(cell)}</tr>
          </tbody>
        </table>
      </div>
      <p class="settings-muted">
        {t('ticketSteps')} · {t('chainSteps')}
      </p>
      <div class="settings-actions">
        {!valid && <span class="settings-status settings-status-error">{t('badMinutes')}</span>}
        {editable && (
          <button
            type="button"
            class="settings-btn settings-btn-primary"
            disabled={!dirty || !valid || action.busy}
            onClick={() => void save()}
          >
            {t('save')}
          </button>
        )}
        <ActionStatus state={action} t={t} />
      </div>
    </div>
  );
}

interface Draft {
  readonly base: string;
  readonly texts: Texts;
}

function ServiceTable({ hub, view, onSaved, lang, t }: SectionProps) {
  const editable = view.editable['sop-standards'];
  const [drafts, setDrafts] = useState<Readonly<Record<string, Draft>>>({});
  const action = useAction(lang, t('networkError'));
  const baseOf = (s: SettingsView['services'][number]) => toTexts(s.sopStandards, TICKET_STEPS);
  const textsOf = (s: SettingsView['services'][number]): Texts => {
    const draft = drafts[s.id];
    return draft && draft.base === JSON.stringify(s.sopStandards) ? draft.texts : baseOf(s);
  };
  const forget = (id: string) => {
    setDrafts(Object.fromEntries(Object.entries(drafts).filter(([k]) => k !== id)));
  };
  const save = async (id: string, texts: Texts) => {
    const next = await action.run(
      () =>
        hub.put<SettingsView>(`/api/settings/sop-standards/${encodeURIComponent(id)}`, {
          standards: toTable(texts),
        }),
      t('saved'),
    );
    if (next) {
      forget(id);
      onSaved(next);
    }
  };
  return (
    <div class="settings-block">
      <h3>{t('serviceStandards')}</h3>
      <div class="settings-actions">
        <ActionStatus state={action} t={t} />
      </div>
      <div class="settings-scroll">
        <table class="settings-table settings-standards">
          <thead>
            <tr>
              <th scope="col">{t('service')}</th>
              {TICKET_STEPS.map((s) => (
                <StepHead key={s} step={s} t={t} />
              ))}
              <th scope="col" aria-label={t('save')} />
            </tr>
          </thead>
          <tbody>
            {view.services.map((service) => {
              const texts = textsOf(service);
              const dirty = !same(texts, baseOf(service));
              const valid = TICKET_STEPS.every((s) => (texts[s] ?? '') === '' || minutesOk(texts[s] ?? ''));
              return (
                <tr key={service.id} class={dirty ? 'settings-row-dirty' : ''}>
                  <th scope="row" class="settings-service-name">
                    <span class="settings-prefix">{service.prefix}</span> {pick(service.name, lang)}
                  </th>
                  {TICKET_STEPS.map((step) => {
                    const text = texts[step] ?? '';
                    return (
                      <td key={step}>
                        <input
                          class={`settings-input settings-minutes ${text === '' || minutesOk(text) ? '' : 'settings-invalid'} ${text === '' ? '' : 'settings-own'}`}
                          inputMode="numeric"
                          value={text}
                          placeholder={String(view.sopStandards[step] ?? '')}
                          disabled={!editable}
                          aria-label={`${pick(service.name, lang)} ${step}`}
                          onInput={(e) => {
                            setDrafts({
                              ...drafts,
                              [service.id]: {
                                base: JSON.stringify(service.sopStandards),
                                texts: { ...texts, [step]: e.currentTarget.value },
                              },
                            });
                            action.clear();
                          }}
                        />
                      </td>
                    );
                  })}
                  <td class="settings-row-actions">
                    {dirty && (
                      <>
                        <button
                          type="button"
                          class="settings-btn settings-btn-small"
                          onClick={() => {
                            forget(service.id);
                          }}
                        >
                          {t('undo')}
                        </button>
                        <button
                          type="button"
                          class="settings-btn settings-btn-primary settings-btn-small"
                          disabled={!valid || action.busy}
                          onClick={() => void save(service.id, texts)}
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
    </div>
  );
}
