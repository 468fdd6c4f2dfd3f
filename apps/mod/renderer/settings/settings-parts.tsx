import type { SettingsView } from '@giliran/protocol';
import type { HubClient, Lang } from '@giliran/ui';
import type { ComponentChildren } from 'preact';
import type { ActionState } from './use-action.ts';
import type { SettingsT } from './texts.ts';

/** What every section gets: the settings as they are, and where a save's answer goes. */
export interface SectionProps {
  readonly hub: HubClient;
  readonly view: SettingsView;
  readonly onSaved: (view: SettingsView) => void;
  readonly lang: Lang;
  readonly t: SettingsT;
}

interface CardProps {
  readonly title: string;
  readonly hint?: string;
  /** Shown to managers who may look but not change (MOD on the admin's areas). */
  readonly readOnly: boolean;
  readonly t: SettingsT;
  readonly children: ComponentChildren;
  readonly wide?: boolean;
}

export function Section({ title, hint, readOnly, t, children, wide = false }: CardProps) {
  return (
    <section class={`settings-card ${wide ? 'settings-card-wide' : ''}`}>
      <header class="settings-card-head">
        <h2>{title}</h2>
        {readOnly && <span class="settings-badge">{t('adminOnly')}</span>}
      </header>
      {hint && <p class="settings-hint">{hint}</p>}
      {children}
    </section>
  );
}

/** The outcome of the last save, next to its button; errors are announced to screen readers. */
export function ActionStatus({ state, t }: { readonly state: ActionState; readonly t: SettingsT }) {
  if (state.busy) return <span class="settings-status">{t('saving')}</span>;
  if (state.error)
    return (
      <span class="settings-status settings-status-error" role="alert">
        {state.error}
      </span>
    );
  if (state.done) return <span class="settings-status settings-status-ok">{state.done}</span>;
  return null;
}
