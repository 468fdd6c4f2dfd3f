import type { SettingsView } from '@giliran/protocol';
import { pick } from '@giliran/ui';
import { useState } from 'preact/hooks';
import { Field } from './hall-field.tsx';
import { ServiceEditor } from './service-editor.tsx';
import { ActionStatus, Section, type SectionProps } from './settings-parts.tsx';
import { useAction } from './use-action.ts';

type Hall = SettingsView['hall'];

function RetiredPill({ retired, t }: { readonly retired: boolean; readonly t: SectionProps['t'] }) {
  return (
    <span class={`settings-pill ${retired ? 'settings-pill-off' : 'settings-pill-on'}`}>
      {retired ? t('retired') : t('active')}
    </span>
  );
}

/**
 * The hall's agencies, services and counters (admin): add, edit, retire and bring back. Every save goes to the
 * hub and is in effect on every kiosk, TV and counter when it answers.
 */
export function HallSection(props: SectionProps) {
  const { hub, view, onSaved, lang, t } = props;
  const editable = view.editable.hall;
  const action = useAction(lang, t('networkError'));
  const [editing, setEditing] = useState<string | null>(null);
  /** A name being changed in its row: the agency's Indonesian name, or the counter's name. */
  const [renaming, setRenaming] = useState<{ readonly path: string; readonly value: string } | null>(null);
  const [agency, setAgency] = useState({ id: '', nameId: '', nameEn: '', shortName: '' });
  const [counter, setCounter] = useState({ id: '', name: '', serviceIds: [] as string[] });
  const hall: Hall = view.hall;

  const send = async (method: 'post' | 'put', path: string, body: unknown): Promise<boolean> => {
    const next = await action.run(
      () =>
        method === 'post'
          ? hub.post<SettingsView>(`/api/settings/${path}`, body)
          : hub.put<SettingsView>(`/api/settings/${path}`, body),
      t('saved'),
    );
    if (next) onSaved(next);
    return next !== null;
  };
  const toggle = (kind: 'agencies' | 'services', id: string, retired: boolean) =>
    void send('put', `${kind}/${encodeURIComponent(id)}`, { retired: !retired });
  const agencyName = (id: string) => {
    const found = hall.agencies.find((a) => a.id === id);
    return found ? pick(found.name, lang) : id;
  };
  const retireButton = (retired: boolean, onClick: () => void) =>
    editable && (
      <button type="button" class="settings-btn settings-btn-small" disabled={action.busy} onClick={onClick}>
        {retired ? t('restore') : t('retire')}
      </button>
    );

  const addAgency = async (event: Event) => {
    event.preventDefault();
    const body = {
      id: agency.id.trim(),
      name: { id: agency.nameId, en: agency.nameEn || agency.nameId },
      ...(agency.shortName.trim() ? { shortName: agency.shortName.trim() } : {}),
    };
    if (await send('post', 'agencies', body)) setAgency({ id: '', nameId: '', nameEn: '', shortName: '' });
  };
  const addCounter = async (event: Event) => {
    event.preventDefault();
    if (await send('post', 'counters', { ...counter, id: counter.id.trim() }))
      setCounter({ id: '', name: '', serviceIds: [] });
  };
  const editedService = hall.services.find((s) => s.id === editing);
  /** The name cell: the name with a rename button, or a box and a save button while it is renamed. */
  const nameCell = (path: string, name: string, body: (value: string) => unknown) =>
    renaming?.path === path ? (
      <form
        class="settings-inline"
        onSubmit={(e) => {
          e.preventDefault();
          void send('put', path, body(renaming.value.trim())).then((saved) => {
            if (saved) setRenaming(null);
          });
        }}
      >
        <input
          class="settings-input"
          name="rename"
          value={renaming.value}
          maxLength={200}
          onInput={(e) => {
            setRenaming({ path, value: e.currentTarget.value });
          }}
        />
        <button type="submit" class="settings-btn settings-btn-small" disabled={!renaming.value.trim()}>
          {t('save')}
        </button>
      </form>
    ) : (
      <>
        {name}{' '}
        {editable && (
          <button
            type="button"
            class="settings-btn settings-btn-small"
            onClick={() => {
              setRenaming({ path, value: name });
            }}
          >
            {t('rename')}
          </button>
        )}
      </>
    );

  return (
    <Section title={t('sectionHall')} hint={t('hallHint')} readOnly={!editable} t={t} wide>
      <div class="settings-actions">
        <ActionStatus state={action} t={t} />
      </div>

      <h3>{t('agencies')}</h3>
      <table class="settings-table" data-testid="hall-agencies">
        <thead>
          <tr>
            <th scope="col">{t('code')}</th>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('shortName')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col" aria-label={t('edit')} />
          </tr>
        </thead>
        <tbody>
          {hall.agencies.map((a) => (
            <tr key={a.id} data-agency={a.id}>
              <td class="settings-mono">{a.id}</td>
              <td>
                {nameCell(`agencies/${encodeURIComponent(a.id)}`, a.name.id, (id) => ({
                  name: { id, en: a.name.en },
                }))}
              </td>
              <td>{a.shortName ?? '—'}</td>
              <td>
                <RetiredPill retired={a.retired} t={t} />
              </td>
              <td class="settings-row-actions">
                {retireButton(a.retired, () => {
                  toggle('agencies', a.id, a.retired);
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editable && (
        <form class="settings-inline" data-testid="add-agency" onSubmit={(e) => void addAgency(e)}>
          <Field
            label={t('code')}
            name="id"
            value={agency.id}
            maxLength={64}
            onInput={(id) => {
              setAgency({ ...agency, id });
            }}
          />
          <Field
            label={t('nameId')}
            name="nameId"
            value={agency.nameId}
            onInput={(nameId) => {
              setAgency({ ...agency, nameId });
            }}
          />
          <Field
            label={t('nameEn')}
            name="nameEn"
            value={agency.nameEn}
            onInput={(nameEn) => {
              setAgency({ ...agency, nameEn });
            }}
          />
          <Field
            label={t('shortName')}
            name="shortName"
            value={agency.shortName}
            maxLength={10}
            onInput={(shortName) => {
              setAgency({ ...agency, shortName });
            }}
          />
          <button
            type="submit"
            class="settings-btn settings-btn-primary"
            disabled={action.busy || !agency.id.trim() || !agency.nameId.trim()}
          >
            {t('addAgency')}
          </button>
        </form>
      )}

      <h3>{t('services')}</h3>
      <table class="settings-table" data-testid="hall-services">
        <thead>
          <tr>
            <th scope="col">{t('prefix')}</th>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('agency')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col" aria-label={t('edit')} />
          </tr>
        </thead>
        <tbody>
          {hall.services.map((s) => (
            <tr key={s.id} data-service={s.id}>
              <td>
                <span class="settings-prefix">{s.prefix}</span>
              </td>
              <td>{pick(s.name, lang)}</td>
              <td>{agencyName(s.agencyId)}</td>
              <td>
                <RetiredPill retired={s.retired} t={t} />
              </td>
              <td class="settings-row-actions settings-nowrap">
                {editable && (
                  <button
                    type="button"
                    class="settings-btn settings-btn-small"
                    onClick={() => {
                      setEditing(editing === s.id ? null : s.id);
                    }}
                  >
                    {t('edit')}
                  </button>
                )}{' '}
                {retireButton(s.retired, () => {
                  toggle('services', s.id, s.retired);
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editable && (
        <ServiceEditor
          key={editing ?? 'new'}
          {...props}
          service={editedService ?? null}
          busy={action.busy}
          onSubmit={async (id, body) => {
            const saved = editedService
              ? await send('put', `services/${encodeURIComponent(id)}`, body)
              : await send('post', 'services', { id, ...body });
            if (saved) setEditing(null);
            return saved;
          }}
        />
      )}

      <h3>{t('counters')}</h3>
      <table class="settings-table" data-testid="hall-counters">
        <thead>
          <tr>
            <th scope="col">{t('code')}</th>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('services')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col" aria-label={t('edit')} />
          </tr>
        </thead>
        <tbody>
          {hall.counters.map((c) => (
            <tr key={c.id} data-counter={c.id}>
              <td class="settings-mono">{c.id}</td>
              <td>
                {nameCell(`counters/${encodeURIComponent(c.id)}/details`, c.name, (name) => ({ name }))}
              </td>
              <td>
                {c.serviceIds.map((id) => hall.services.find((s) => s.id === id)?.prefix ?? id).join(', ')}
              </td>
              <td>
                <RetiredPill retired={c.retired} t={t} />
              </td>
              <td class="settings-row-actions">
                {retireButton(
                  c.retired,
                  () =>
                    void send('put', `counters/${encodeURIComponent(c.id)}/details`, { retired: !c.retired }),
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editable && (
        <form class="settings-form" data-testid="add-counter" onSubmit={(e) => void addCounter(e)}>
          <div class="settings-inline">
            <Field
              label={t('code')}
              name="id"
              value={counter.id}
              maxLength={64}
              onInput={(id) => {
                setCounter({ ...counter, id });
              }}
            />
            <Field
              label={t('name')}
              name="name"
              value={counter.name}
              maxLength={100}
              onInput={(name) => {
                setCounter({ ...counter, name });
              }}
            />
          </div>
          <fieldset class="settings-fieldset">
            <legend>{t('services')}</legend>
            <div class="settings-counter-picker">
              {hall.services
                .filter((s) => !s.retired)
                .map((s) => (
                  <label key={s.id} class="settings-chip">
                    <input
                      type="checkbox"
                      checked={counter.serviceIds.includes(s.id)}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        const ids = hall.services
                          .map((x) => x.id)
                          .filter((id) => (id === s.id ? on : counter.serviceIds.includes(id)));
                        setCounter({ ...counter, serviceIds: ids });
                      }}
                    />
                    {s.prefix} {pick(s.name, lang)}
                  </label>
                ))}
            </div>
          </fieldset>
          <div class="settings-actions">
            <button
              type="submit"
              class="settings-btn settings-btn-primary"
              disabled={
                action.busy || !counter.id.trim() || !counter.name.trim() || counter.serviceIds.length === 0
              }
            >
              {t('addCounter')}
            </button>
          </div>
        </form>
      )}
    </Section>
  );
}
