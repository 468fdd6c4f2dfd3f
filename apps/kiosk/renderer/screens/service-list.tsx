import { pick, waitText, type Lang } from '@giliran/ui';
import { describeHours } from '../hours.ts';
import type { KioskText } from '../texts.ts';
import type { ServiceView } from '../wire.ts';

interface Props {
  readonly agencyName: string;
  readonly services: readonly ServiceView[];
  readonly lang: Lang;
  readonly t: (key: KioskText, vars?: Record<string, string | number>) => string;
  readonly onChoose: (serviceId: string) => void;
  readonly onBack: () => void;
}

function ServiceCard({
  service,
  lang,
  t,
  onChoose,
}: { service: ServiceView } & Omit<Props, 'services' | 'agencyName' | 'onBack'>) {
  // Nobody waiting and a counter free: "no queue"; otherwise the estimate as a range when unsure, and never
  // "0 menit" while the counters are paused or the service is closed.
  const shown = waitText(service.estimate, lang);
  const estimate =
    shown === null
      ? t('estimateNone')
      : service.waiting === 0 && service.estimate.holdUp === null
        ? t('noQueue')
        : shown;
  return (
    <button
      class={`service-card${service.open ? '' : ' closed'}`}
      data-service={service.id}
      disabled={!service.open}
      onClick={() => {
        onChoose(service.id);
      }}
    >
      <span class="service-prefix">{service.prefix}</span>
      <span class="service-body">
        <span class="service-name">{pick(service.name, lang)}</span>
        {service.summary && (
          <span class="service-summary">
            <span>
              <b>{t('requirements')}:</b> {service.summary.requirements.map((r) => pick(r, lang)).join(', ')}
            </span>
            <span>
              <b>{t('fee')}:</b> {pick(service.summary.fee, lang)} · <b>{t('duration')}:</b>{' '}
              {pick(service.summary.duration, lang)}
            </span>
          </span>
        )}
        {!service.open && (
          <span class="service-hours">
            {t('openHours', { hours: describeHours(service.openingHours, lang) })}
          </span>
        )}
      </span>
      <span class="service-load">
        {service.open ? (
          <>
            <span class="service-waiting">{t('waiting', { n: service.waiting })}</span>
            <span class="service-estimate">{estimate}</span>
          </>
        ) : (
          <span class="closed-badge">{t('closed')}</span>
        )}
      </span>
    </button>
  );
}

export function ServiceList(props: Props) {
  const { agencyName, services, t, onBack } = props;
  return (
    <section class="screen">
      <div class="screen-head">
        <button class="back-button" onClick={onBack}>
          {t('back')}
        </button>
        <h1 class="screen-title">{agencyName}</h1>
      </div>
      <p class="screen-subtitle">{t('chooseService')}</p>
      <div class="service-list">
        {services.map((service) => (
          <ServiceCard key={service.id} service={service} {...props} />
        ))}
      </div>
    </section>
  );
}
