import type { SettingsView } from '@giliran/protocol';
import { pick } from '@giliran/ui';
import { useState } from 'preact/hooks';
import { Field } from './hall-field.tsx';
import type { SectionProps } from './settings-parts.tsx';

type HallService = SettingsView['hall']['services'][number];
type Text = { readonly id: string; readonly en: string };

/** "Indonesian | English" per line; a line without the bar says the same in both. */
export function parseRequirements(text: string): Text[] {
  return text
    .split('\n')
    .map((line) => line.split('|').map((part) => part.trim()))
    .filter(([id]) => id !== undefined && id !== '')
    .map(([id = '', en]) => ({ id, en: en || id }));
}

export function requirementsText(requirements: readonly Text[]): string {
  return requirements.map((r) => (r.en === r.id ? r.id : `${r.id} | ${r.en}`)).join('\n');
}

function draftOf(service: HallService | null, agencyId: string) {
  return {
    id: service?.id ?? '',
    prefix: service?.prefix ?? '',
    agencyId: service?.agencyId ?? agencyId,
    nameId: service?.name.id ?? '',
    nameEn: service?.name.en ?? '',
    feeId: service?.summary.fee.id ?? '',
    feeEn: service?.summary.fee.en ?? '',
    durationId: service?.summary.duration.id ?? '',
    durationEn: service?.summary.duration.en ?? '',
    requirements: requirementsText(service?.summary.requirements ?? []),
    standardMinutes: service?.standardMinutes === null || !service ? '' : String(service.standardMinutes),
  };
}
type Draft = ReturnType<typeof draftOf>;
type TextKey = 'nameId' | 'nameEn' | 'feeId' | 'feeEn' | 'durationId' | 'durationEn' | 'standardMinutes';

interface Props extends SectionProps {
  /** The service being edited, or null to add one. */
  readonly service: HallService | null;
  readonly busy: boolean;
  readonly onSubmit: (id: string, body: Record<string, unknown>) => Promise<boolean>;
}

/** Adds a service or edits one: its name, agency, requirements, fee, duration and standard; the prefix only once. */
export function ServiceEditor({ view, lang, t, service, busy, onSubmit }: Props) {
  const agencies = view.hall.agencies.filter((a) => !a.retired || a.id === service?.agencyId);
  const [draft, setDraft] = useState<Draft>(() => draftOf(service, agencies[0]?.id ?? ''));
  const set = (change: Partial<Draft>) => {
    setDraft({ ...draft, ...change });
  };
  const minutes = draft.standardMinutes.trim();
  const body = {
    agencyId: draft.agencyId,
    name: { id: draft.nameId, en: draft.nameEn || draft.nameId },
    summary: {
      requirements: parseRequirements(draft.requirements),
      fee: { id: draft.feeId, en: draft.feeEn || draft.feeId },
      duration: { id: draft.durationId, en: draft.durationEn || draft.durationId },
    },
    ...(minutes ? { standardMinutes: Number(minutes) } : service ? { standardMinutes: null } : {}),
  };
  const ready =
    draft.id.trim() !== '' &&
    draft.nameId.trim() !== '' &&
    draft.feeId.trim() !== '' &&
    draft.durationId.trim() !== '' &&
    (service !== null || /^[A-Z]{1,2}$/.test(draft.prefix)) &&
    (minutes === '' || /^\d{1,4}$/.test(minutes));
  const submit = async (event: Event) => {
    event.preventDefault();
    const sent = service ? body : { ...body, prefix: draft.prefix };
    if ((await onSubmit(draft.id.trim(), sent)) && !service) setDraft(draftOf(null, draft.agencyId));
  };

  /** One text box of the draft, its label and form name the draft's own key. */
  const field = (key: TextKey, maxLength?: number) => (
    <Field
      label={t(key)}
      name={key}
      value={draft[key]}
      {...(maxLength === undefined ? {} : { maxLength })}
      onInput={(value) => {
        set({ [key]: value });
      }}
    />
  );

  return (
    <form
      class="settings-form settings-service-editor"
      data-testid="service-editor"
      onSubmit={(e) => void submit(e)}
    >
      <h3>{service ? t('editService', { name: pick(service.name, lang) }) : t('addService')}</h3>
      <div class="settings-inline">
        {!service && (
          <>
            <Field
              label={t('code')}
              name="id"
              value={draft.id}
              maxLength={64}
              onInput={(id) => {
                set({ id });
              }}
            />
            <Field
              label={t('prefix')}
              name="prefix"
              value={draft.prefix}
              maxLength={2}
              onInput={(prefix) => {
                set({ prefix: prefix.toUpperCase() });
              }}
            />
          </>
        )}
        <label>
          <span>{t('agency')}</span>
          <select
            class="settings-input"
            name="agencyId"
            value={draft.agencyId}
            onChange={(e) => {
              set({ agencyId: e.currentTarget.value });
            }}
          >
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {pick(a.name, lang)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="settings-inline">
        {field('nameId')}
        {field('nameEn')}
      </div>
      <div class="settings-inline">
        {field('feeId')}
        {field('feeEn')}
      </div>
      <div class="settings-inline">
        {field('durationId')}
        {field('durationEn')}
        {field('standardMinutes', 4)}
      </div>
      <label>
        <span>{t('requirements')}</span>
        <textarea
          class="settings-input settings-requirements"
          name="requirements"
          rows={4}
          value={draft.requirements}
          onInput={(e) => {
            set({ requirements: e.currentTarget.value });
          }}
        />
      </label>
      <div class="settings-actions">
        <button type="submit" class="settings-btn settings-btn-primary" disabled={busy || !ready}>
          {service ? t('save') : t('addService')}
        </button>
      </div>
    </form>
  );
}
