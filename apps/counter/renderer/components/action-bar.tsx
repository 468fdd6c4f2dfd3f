import type { CounterAction } from '@giliran/ui';
import { PAGE_KEYS } from '../keys.ts';
import type { CounterText } from '../texts.ts';
import type { T } from './types.ts';

export interface ActionButton {
  readonly action: CounterAction;
  readonly label: CounterText;
  readonly enabled: boolean;
  readonly primary?: boolean;
}

interface Props {
  readonly buttons: readonly ActionButton[];
  readonly shortcuts: Readonly<Partial<Record<CounterAction, string>>>;
  readonly onAction: (action: CounterAction) => void;
  readonly t: T;
}

/** Large buttons, each with its key (and the Electron app's global shortcut, when set). */
export function ActionBar({ buttons, shortcuts, onAction, t }: Props) {
  return (
    <nav class="actions" aria-label="actions">
      {buttons.map((b) => (
        <button
          key={b.action}
          type="button"
          class={`btn action ${b.primary ? 'btn-primary' : ''}`}
          disabled={!b.enabled}
          data-action={b.action}
          onClick={() => {
            onAction(b.action);
          }}
        >
          <span class="action-label">{t(b.label)}</span>
          <span class="action-key" title={t('shortcutHint', { key: PAGE_KEYS[b.action] })}>
            <kbd>{PAGE_KEYS[b.action]}</kbd>
            {shortcuts[b.action] && <kbd class="global">{shortcuts[b.action]}</kbd>}
          </span>
        </button>
      ))}
    </nav>
  );
}
