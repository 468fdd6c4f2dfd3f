import type { SettingsView } from '@giliran/protocol';
import { useEffect, useState } from 'preact/hooks';
import { ActionStatus, Section, type SectionProps } from './settings-parts.tsx';
import { useAction } from './use-action.ts';

export function RunningTextSection({ hub, view, onSaved, lang, t }: SectionProps) {
  const [text, setText] = useState(view.runningText);
  const action = useAction(lang, t('networkError'));
  useEffect(() => {
    setText(view.runningText);
  }, [view.runningText]);
  const editable = view.editable['running-text'];
  const dirty = text.trim() !== view.runningText;
  const save = async () => {
    const next = await action.run(
      () => hub.put<SettingsView>('/api/settings/running-text', { text }),
      t('saved'),
    );
    if (next) onSaved(next);
  };
  return (
    <Section title={t('sectionRunningText')} hint={t('runningTextHint')} readOnly={!editable} t={t}>
      <textarea
        class="settings-textarea"
        rows={4}
        maxLength={500}
        value={text}
        disabled={!editable}
        aria-label={t('sectionRunningText')}
        onInput={(e) => {
          setText(e.currentTarget.value);
          action.clear();
        }}
      />
      <div class="settings-ticker" aria-hidden="true">
        <span>{text || '…'}</span>
      </div>
      <div class="settings-actions">
        <span class="settings-muted">{t('characters', { count: text.length })}</span>
        {editable && (
          <>
            <button
              type="button"
              class="settings-btn"
              disabled={!dirty || action.busy}
              onClick={() => {
                setText(view.runningText);
              }}
            >
              {t('undo')}
            </button>
            <button
              type="button"
              class="settings-btn settings-btn-primary"
              disabled={!dirty || action.busy}
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
