import type { Lang } from '@giliran/ui';
import type { ComponentChildren } from 'preact';
import type { Translate } from '../texts.ts';
import type { SiteView } from '../wire.ts';
import { Clock } from './clock.tsx';

/** `children`: the status notes, shown between the hall's name and the clock. */
export function TopBar({
  site,
  lang,
  t,
  children,
}: {
  site: SiteView;
  lang: Lang;
  t: Translate;
  children?: ComponentChildren;
}) {
  return (
    <header class="top-bar">
      <div class="brand">
        <span class="brand-mark" aria-hidden="true">
          MPP
        </span>
        <span class="brand-text">
          <span class="brand-name">{site.name}</span>
          <span class="brand-sub">{t('queue')}</span>
        </span>
      </div>
      {children}
      <Clock timeZone={site.timeZone} lang={lang} />
    </header>
  );
}
