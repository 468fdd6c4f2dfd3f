import type { SkmFiguresView } from '@giliran/protocol';
import { pick, type Lang } from '@giliran/ui';
import { decimalText, type SkmT } from './skm-number.ts';

/** The table agencies publish: per unsur the sum of scores, NRR, weighted NRR (× 1/9) and conversion (× 25). */
export function SkmNrrTable({ figures, lang, t }: { figures: SkmFiguresView; lang: Lang; t: SkmT }) {
  return (
    <table class="skm-table skm-nrr" data-testid="skm-nrr">
      <caption>{t('nrrTitle')}</caption>
      <thead>
        <tr>
          <th />
          <th class="skm-left">{t('colUnsur')}</th>
          <th>{t('colTotal')}</th>
          <th>{t('colNrr')}</th>
          <th>{t('colWeighted')}</th>
          <th>{t('colConverted')}</th>
          <th>{t('colMutu')}</th>
        </tr>
      </thead>
      <tbody>
        {figures.unsur.map((u) => (
          <tr key={u.code} data-unsur={u.code}>
            <td>{u.code}</td>
            <td class="skm-left">{pick(u.name, lang)}</td>
            <td>{decimalText(u.total, 0, lang)}</td>
            <td data-testid={`nrr-${u.code}`}>{decimalText(u.nrr, 2, lang)}</td>
            <td>{decimalText(u.nrr === null ? null : u.nrr / 9, 3, lang)}</td>
            <td>{decimalText(u.converted, 2, lang)}</td>
            <td>
              <span class={`skm-badge skm-mutu-${u.mutu ?? 'none'}`}>{u.mutu ?? '—'}</span>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td />
          <td class="skm-left">{t('ikmRow')}</td>
          <td />
          <td />
          <td>{decimalText(figures.ikm, 3, lang)}</td>
          <td />
          <td />
        </tr>
        <tr>
          <td />
          <td class="skm-left">{t('convertedRow')}</td>
          <td />
          <td />
          <td />
          <td>{decimalText(figures.converted, 2, lang)}</td>
          <td>
            <span class={`skm-badge skm-mutu-${figures.mutu ?? 'none'}`}>{figures.mutu ?? '—'}</span>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
