import { pick, type Lang } from '@giliran/ui';
import type { ServiceView, SiteView } from '../wire.ts';
import type { KioskText } from '../texts.ts';

interface Props {
  readonly site: SiteView;
  readonly services: readonly ServiceView[];
  readonly lang: Lang;
  readonly t: (key: KioskText, vars?: Record<string, string | number>) => string;
  readonly onChoose: (agencyId: string) => void;
}

/** The agency's short name stands in for its logo; without one, the initials of its name. */
function badge(agency: SiteView['agencies'][number]): string {
  if (agency.shortName) return agency.shortName;
  const words = agency.name.id
    .replace(/\(.*?\)/g, '')
    .split(/[\s/]+/)
    .filter((w) => /^[A-Za-z]/.test(w));
  return words
    .map((w) => w[0])
    .join('')
    .slice(0, 4)
    .toUpperCase();
}

export function AgencyGrid({ site, services, lang, t, onChoose }: Props) {
  return (
    <section class="screen">
      <h1 class="screen-title">{t('chooseAgency')}</h1>
      <div class="agency-grid">
        {site.agencies.map((agency, index) => {
          const own = services.filter((s) => s.agency.id === agency.id);
          const waiting = own.reduce((sum, s) => sum + s.waiting, 0);
          return (
            <button
              key={agency.id}
              class={`agency-tile hue-${String(index % 6)}`}
              data-agency={agency.id}
              onClick={() => {
                onChoose(agency.id);
              }}
            >
              <span class="agency-logo" aria-hidden="true">
                {badge(agency)}
              </span>
              <span class="agency-name">{pick(agency.name, lang)}</span>
              <span class="agency-meta">
                {t('servicesCount', { n: own.length })} · {t('waiting', { n: waiting })}
              </span>
            </button>
          );
        })}
      </div>
    </section>
  );
}
