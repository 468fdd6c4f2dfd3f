import { pick, type Lang } from '@giliran/ui';
import type { KioskText } from '../texts.ts';
import { KIOSK_PRIORITIES, type PriorityCategory, type ServiceView } from '../wire.ts';

interface Props {
  readonly service: ServiceView;
  readonly lang: Lang;
  readonly t: (key: KioskText, vars?: Record<string, string | number>) => string;
  readonly onChoose: (priority: PriorityCategory | null) => void;
  readonly onBack: () => void;
}

const SYMBOL: Readonly<Record<(typeof KIOSK_PRIORITIES)[number], string>> = {
  lansia: '60+',
  disabilitas: '♿',
  ibu_hamil: '♀',
  anak: '★',
};

export function PriorityChoice({ service, lang, t, onChoose, onBack }: Props) {
  return (
    <section class="screen">
      <div class="screen-head">
        <button class="back-button" onClick={onBack}>
          {t('back')}
        </button>
        <h1 class="screen-title">
          <span class="service-prefix small">{service.prefix}</span> {pick(service.name, lang)}
        </h1>
      </div>
      <h2 class="question">{t('priorityQuestion')}</h2>
      <p class="screen-subtitle">{t('priorityHint')}</p>
      <div class="priority-grid">
        {KIOSK_PRIORITIES.map((category) => (
          <button
            key={category}
            class="priority-button"
            data-priority={category}
            onClick={() => {
              onChoose(category);
            }}
          >
            <span
              class={`priority-symbol${SYMBOL[category].length > 1 ? ' priority-symbol-text' : ''}`}
              aria-hidden="true"
            >
              {SYMBOL[category]}
            </span>
            {t(category)}
          </button>
        ))}
      </div>
      <button
        class="regular-button"
        data-priority="none"
        onClick={() => {
          onChoose(null);
        }}
      >
        {t('regular')}
      </button>
    </section>
  );
}
