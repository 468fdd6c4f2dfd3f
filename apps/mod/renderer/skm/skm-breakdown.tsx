import type { SkmFiguresView } from '@giliran/protocol';
import { pick, type Lang, type Localized } from '@giliran/ui';
import { decimalText, type SkmT } from './skm-number.ts';

export interface BreakdownRow {
  readonly id: string;
  readonly name: Localized;
  readonly figures: SkmFiguresView;
}

/** One row per agency or service in the scope; "open" narrows the tab to it. */
export function SkmBreakdown({
  title,
  rows,
  lang,
  t,
  onOpen,
}: {
  title: string;
  rows: readonly BreakdownRow[];
  lang: Lang;
  t: SkmT;
  onOpen: (id: string) => void;
}) {
  return (
    <table class="skm-table skm-breakdown">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th class="skm-left">{t('colName')}</th>
          <th>{t('colRespondents')}</th>
          <th>{t('colSample')}</th>
          <th>{t('colReached')}</th>
          <th>{t('colIkm')}</th>
          <th>{t('colMutu')}</th>
          <th class="skm-left">{t('colKinerja')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map(({ id, name, figures }) => (
          <tr key={id} data-row={id} class={figures.respondents === 0 ? 'skm-empty' : ''}>
            <td class="skm-left">{pick(name, lang)}</td>
            <td>{decimalText(figures.respondents, 0, lang)}</td>
            <td>
              {decimalText(figures.sampleSize, 0, lang)} / {decimalText(figures.population, 0, lang)}
            </td>
            <td>
              {figures.population === 0 ? '—' : figures.sampleReached ? t('yes') : <strong>{t('no')}</strong>}
            </td>
            <td>{decimalText(figures.converted, 2, lang)}</td>
            <td>
              <span class={`skm-badge skm-mutu-${figures.mutu ?? 'none'}`}>{figures.mutu ?? '—'}</span>
            </td>
            <td class="skm-left">{figures.kinerja ? pick(figures.kinerja, lang) : '—'}</td>
            <td>
              <button
                type="button"
                class="mod-btn mod-btn-ghost skm-open"
                onClick={() => {
                  onOpen(id);
                }}
              >
                {t('open')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
