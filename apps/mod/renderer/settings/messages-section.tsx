import { MESSAGE_KIND_NAMES } from '@giliran/domain';
import type { MessageSettingsView, MessageTemplatesBody, SettingsView } from '@giliran/protocol';
import { pick } from '@giliran/ui';
import { useEffect, useState } from 'preact/hooks';
import type { z } from 'zod';
import { ActionStatus, Section, type SectionProps } from './settings-parts.tsx';
import { useAction } from './use-action.ts';

type Templates = z.infer<typeof MessageTemplatesBody>['templates'];
type Kind = keyof Templates;

const KINDS: readonly Kind[] = [
  'ticket-link',
  'ticket-near',
  'ticket-called',
  'ticket-survey',
  'booking-confirmed',
  'booking-reminder-day',
  'booking-reminder-hour',
  'booking-moved',
  'booking-cancelled',
];

/**
 * Issue 18: the texts citizens receive by WhatsApp, SMS and e-mail, in Indonesian and English, with the
 * placeholders filled in at sending; and when "N orang lagi" is sent and how long numbers are kept. Audited.
 */
export function MessagesSection({ hub, lang, t }: SectionProps) {
  const [loaded, setLoaded] = useState<MessageSettingsView | null>(null);
  const [templates, setTemplates] = useState<Templates | null>(null);
  const [kind, setKind] = useState<Kind>('ticket-link');
  const [nearAhead, setNearAhead] = useState(3);
  const [keepDays, setKeepDays] = useState(30);
  const action = useAction(lang, t('networkError'));
  const load = () => {
    void hub.get<MessageSettingsView>('/api/messages/settings').then((view) => {
      setLoaded(view);
      setTemplates(view.templates);
      setNearAhead(view.nearAhead);
      setKeepDays(view.keepContactDays);
    });
  };
  useEffect(load, [hub]);
  if (!loaded || !templates) return <p class="settings-muted">{t('loading')}</p>;
  const editable = loaded.editable;
  const text = templates[kind];
  const edit = (locale: 'id' | 'en', value: string) => {
    setTemplates({ ...templates, [kind]: { ...text, [locale]: value } });
    action.clear();
  };
  const saveTemplates = async () => {
    if (
      await action.run(
        () => hub.put<SettingsView>('/api/settings/message-templates', { templates }),
        t('saved'),
      )
    )
      load();
  };
  const saveOptions = async () => {
    const body = { nearAhead, keepContactDays: keepDays };
    if (await action.run(() => hub.put<SettingsView>('/api/settings/message-options', body), t('saved')))
      load();
  };
  return (
    <Section title={t('sectionMessages')} hint={t('messagesHint')} readOnly={!editable} t={t} wide>
      <label class="settings-label">
        {t('messageKind')}{' '}
        <select
          class="settings-input"
          value={kind}
          data-testid="message-kind"
          onChange={(e) => {
            setKind(e.currentTarget.value as Kind);
          }}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {pick(MESSAGE_KIND_NAMES[k], lang)}
            </option>
          ))}
        </select>
      </label>
      {(['id', 'en'] as const).map((locale) => (
        <label key={locale} class="settings-label">
          {locale === 'id' ? 'Bahasa Indonesia' : 'English'}
          <textarea
            class="settings-textarea"
            rows={3}
            maxLength={1000}
            value={text[locale]}
            disabled={!editable}
            data-testid={`message-text-${locale}`}
            onInput={(e) => {
              edit(locale, e.currentTarget.value);
            }}
          />
        </label>
      ))}
      <p class="settings-hint">{t('messagePlaceholders')}</p>
      <div class="settings-actions">
        {editable && (
          <button
            type="button"
            class="settings-btn settings-btn-primary"
            disabled={action.busy || JSON.stringify(templates) === JSON.stringify(loaded.templates)}
            onClick={() => void saveTemplates()}
          >
            {t('save')}
          </button>
        )}
      </div>
      <fieldset class="settings-fieldset messages-options">
        <legend>{t('messageOptions')}</legend>
        <label class="settings-label">
          {t('nearAhead')}{' '}
          <input
            class="settings-input"
            type="number"
            min={0}
            max={50}
            value={nearAhead}
            disabled={!editable}
            onInput={(e) => {
              setNearAhead(Number(e.currentTarget.value));
            }}
          />
        </label>
        <label class="settings-label">
          {t('keepContactDays')}{' '}
          <input
            class="settings-input"
            type="number"
            min={1}
            max={365}
            value={keepDays}
            disabled={!editable}
            onInput={(e) => {
              setKeepDays(Number(e.currentTarget.value));
            }}
          />
        </label>
        {editable && (
          <button
            type="button"
            class="settings-btn settings-btn-primary"
            disabled={action.busy || (nearAhead === loaded.nearAhead && keepDays === loaded.keepContactDays)}
            onClick={() => void saveOptions()}
          >
            {t('save')}
          </button>
        )}
      </fieldset>
      <ActionStatus state={action} t={t} />
    </Section>
  );
}
