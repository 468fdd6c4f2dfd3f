import { formatTimer } from '../format-time.ts';
import type { CounterFigures } from '../wire.ts';
import type { T } from './types.ts';

/** The counter's own day: served, average service time, share within standard, no-shows. */
export function FiguresPanel({ figures, t }: { figures: CounterFigures | null; t: T }) {
  const share = figures?.withinStandardShare;
  return (
    <section class="figures" data-testid="figures">
      <h2>{t('today')}</h2>
      <dl>
        <div>
          <dt>{t('served')}</dt>
          <dd data-testid="figure-served">{figures?.served ?? t('none')}</dd>
        </div>
        <div>
          <dt>{t('averageTime')}</dt>
          <dd>
            {figures?.averageServiceSeconds == null ? t('none') : formatTimer(figures.averageServiceSeconds)}
          </dd>
        </div>
        <div>
          <dt>{t('withinStandard')}</dt>
          <dd data-testid="figure-within">{share == null ? t('none') : `${Math.round(share * 100)}%`}</dd>
        </div>
        <div>
          <dt>{t('noShowCount')}</dt>
          <dd>{figures?.noShows ?? t('none')}</dd>
        </div>
      </dl>
    </section>
  );
}
