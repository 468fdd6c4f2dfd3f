import { formatClock, type ConnectionState, type Lang } from '@giliran/ui';
import type { T } from './types.ts';

interface Props {
  readonly siteName: string;
  readonly timeZone: string;
  readonly counterName: string;
  readonly officerName: string;
  readonly hubNow: number;
  readonly connection: ConnectionState;
  readonly lang: Lang;
  readonly onLang: () => void;
  readonly onSignOut: () => void;
  readonly t: T;
}

export function TopBar(props: Props) {
  const { t } = props;
  return (
    <header class="top-bar">
      <div class="top-where">
        <span class="top-counter" data-testid="counter-name">
          {props.counterName}
        </span>
        <span class="top-site">{props.siteName}</span>
      </div>
      <div class="top-who">
        <span class={`dot dot-${props.connection}`} aria-hidden="true" />
        <span>{props.officerName}</span>
        <span class="top-clock">{formatClock(props.hubNow, props.timeZone, props.lang)}</span>
        <button type="button" class="btn btn-ghost" onClick={props.onLang}>
          {t('language')}
        </button>
        <button type="button" class="btn btn-ghost" onClick={props.onSignOut}>
          {t('signOut')}
        </button>
      </div>
    </header>
  );
}
