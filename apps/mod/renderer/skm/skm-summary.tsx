import type { SkmFiguresView } from '@giliran/protocol';
import { pick, type Lang } from '@giliran/ui';
import { decimalText, type SkmT } from './skm-number.ts';

/** The verdict first: IKM unit pelayanan with its mutu and kinerja, respondents, and whether the sample was reached. */
export function SkmSummary({ figures, lang, t }: { figures: SkmFiguresView; lang: Lang; t: SkmT }) {
  const sampleState =
    figures.population === 0 ? t('noPopulation') : figures.sampleReached ? t('reached') : t('notReached');
  return (
    <div class="skm-cards" data-testid="skm-summary">
      <div class={`skm-card skm-verdict skm-mutu-${figures.mutu ?? 'none'}`}>
        <span class="skm-card-label">{t('ikmConverted')}</span>
        <span class="skm-card-value" data-testid="skm-converted">
          {decimalText(figures.converted, 2, lang)}
        </span>
        <span class="skm-card-sub">{t('ikmScale', { ikm: decimalText(figures.ikm, 3, lang) })}</span>
      </div>
      <div class={`skm-card skm-mutu-${figures.mutu ?? 'none'}`}>
        <span class="skm-card-label">{t('mutu')}</span>
        <span class="skm-card-value skm-mutu-letter" data-testid="skm-mutu">
          {figures.mutu ?? '—'}
        </span>
        <span class="skm-card-sub">
          {t('kinerja')}: <strong>{figures.kinerja ? pick(figures.kinerja, lang) : '—'}</strong>
        </span>
      </div>
      <div class="skm-card">
        <span class="skm-card-label">{t('respondents')}</span>
        <span class="skm-card-value" data-testid="skm-respondents">
          {decimalText(figures.respondents, 0, lang)}
        </span>
        <span class="skm-card-sub">{t('withoutTicket', { n: figures.withoutTicket })}</span>
      </div>
      <div class={`skm-card ${figures.sampleReached ? 'skm-ok' : 'skm-short'}`}>
        <span class="skm-card-label">{t('sample')}</span>
        <span class="skm-card-value skm-card-word" data-testid="skm-sample">
          {sampleState}
        </span>
        <span class="skm-card-sub">
          {t('sampleOf', {
            sample: decimalText(figures.sampleSize, 0, lang),
            population: decimalText(figures.population, 0, lang),
          })}
        </span>
      </div>
    </div>
  );
}
