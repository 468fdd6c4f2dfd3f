import { pick, type Lang } from '@giliran/ui';
import type { Translate } from '../texts.ts';
import type { ServiceView } from '../wire.ts';

interface Props {
  readonly services: readonly ServiceView[];
  readonly lang: Lang;
  readonly t: Translate;
}

export function WaitingList({ services, lang, t }: Props) {
  // Two columns once the list is long, so a whole hall's services fit without scrolling.
  const columns = services.length > 7 ? 2 : 1;
  const rows = Math.max(1, Math.ceil(services.length / columns));
  return (
    <section class="panel waiting" data-testid="waiting">
      <h2 class="panel-title">{t('waiting')}</h2>
      {services.length === 0 ? (
        <p class="panel-empty">{t('noServices')}</p>
      ) : (
        <ul
          class={`waiting-list${services.length <= 5 ? ' roomy' : ''}`}
          style={{ '--columns': columns, '--rows': rows }}
        >
          {services.map((service) => (
            <li
              key={service.id}
              class={`waiting-item${service.open ? '' : ' closed'}`}
              data-testid={`waiting-${service.id}`}
              data-waiting={service.waiting}
            >
              <span class="waiting-prefix">{service.prefix}</span>
              <span class="waiting-name">{pick(service.name, lang)}</span>
              <span class="waiting-count">
                {service.open || service.waiting > 0 ? service.waiting : t('closed')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
