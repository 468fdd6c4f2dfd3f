import { pick, type Lang } from '@giliran/ui';
import type { ServiceView } from '../wire.ts';
import type { T } from './t.ts';

interface Props {
  readonly services: readonly ServiceView[];
  readonly lang: Lang;
  readonly t: T;
  readonly onChoose: (service: ServiceView) => void;
  readonly onBack: () => void;
}

/** Without a ticket (kiosk only): the citizen names the service they received, grouped by agency as on the kiosk. */
export function ServiceChoice({ services, lang, t, onChoose, onBack }: Props) {
  const agencies = [...new Map(services.map((s) => [s.agency.id, s.agency])).values()];
  return (
    <section class="screen survey-services" data-screen="service">
      <div class="screen-head">
        <button type="button" class="back-button" onClick={onBack}>
          {t('back')}
        </button>
        <h1 class="screen-title">{t('chooseService')}</h1>
      </div>
      <div class="survey-agencies">
        {agencies.map((agency) => (
          <div class="survey-agency" key={agency.id}>
            <h2>{pick(agency.name, lang)}</h2>
            {services
              .filter((s) => s.agency.id === agency.id)
              .map((service) => (
                <button
                  type="button"
                  key={service.id}
                  class="survey-service"
                  data-service={service.id}
                  onClick={() => {
                    onChoose(service);
                  }}
                >
                  <span class="service-prefix small">{service.prefix}</span> {pick(service.name, lang)}
                </button>
              ))}
          </div>
        ))}
      </div>
    </section>
  );
}
