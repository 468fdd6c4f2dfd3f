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

/** Two to four letters that stand in for an agency's logo on its tile. */
function monogram(name: string): string {
  const words = name
    .replace(/\(.*?\)/g, '')
    .split(/[\s/]+/)
    .filter((w) => /^[A-Za-z]/.test(w));
  const caps = words.filter((w) => w === w.toUpperCase() && w.length > 1);
  return (caps[0] ?? words.map((w) => w[0]).join('')).slice(0, 4).toUpperCase();
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
                {monogram(agency.name.id)}
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
