import { pick, type Lang } from '@giliran/ui';
import type { Translate } from '../texts.ts';
import type { SiteView } from '../wire.ts';

/** What the media area shows when the hall has no posters or videos configured. */
export function InfoPanel({
  site,
  agencyIds,
  lang,
  t,
}: {
  site: SiteView;
  agencyIds: readonly string[];
  lang: Lang;
  t: Translate;
}) {
  const agencies = site.agencies.filter((a) => agencyIds.length === 0 || agencyIds.includes(a.id));
  return (
    <div class="info-panel" data-testid="info-panel">
      <h2 class="info-title">{t('welcome', { site: site.shortName })}</h2>
      <ul class="info-agencies">
        {agencies.map((a) => (
          <li key={a.id} class="info-agency" title={pick(a.name, lang)}>
            {a.shortName ?? pick(a.name, lang)}
          </li>
        ))}
      </ul>
      <ul class="info-tips">
        <li>{t('infoPrepare')}</li>
        <li>{t('infoPriority')}</li>
      </ul>
    </div>
  );
}
