import type { SkmReportView } from '@giliran/protocol';
import { pick, type Lang } from '@giliran/ui';
import { decimalText, type SkmT } from './skm-number.ts';
import type { SkmText } from './texts.ts';

const GROUPS: readonly (readonly [keyof SkmReportView['demographics'], SkmText])[] = [
  ['gender', 'gender'],
  ['ageBand', 'age'],
  ['education', 'education'],
  ['occupation', 'occupation'],
];

/** Respondents by jenis kelamin, usia, pendidikan and pekerjaan, with their share. */
export function SkmProfile({ view, lang, t }: { view: SkmReportView; lang: Lang; t: SkmT }) {
  const total = view.figures.respondents;
  return (
    <section class="skm-profile">
      <h3>{t('profile')}</h3>
      <div class="skm-profile-grid">
        {GROUPS.map(([key, title]) => (
          <table class="skm-table skm-profile-table" key={key} data-group={key}>
            <thead>
              <tr>
                <th class="skm-left">{t(title)}</th>
                <th>n</th>
                <th>%</th>
              </tr>
            </thead>
            <tbody>
              {view.demographics[key].map((entry) => (
                <tr key={entry.code}>
                  <td class="skm-left">{pick(entry.label, lang)}</td>
                  <td>{decimalText(entry.count, 0, lang)}</td>
                  <td>{total === 0 ? '—' : decimalText((entry.count / total) * 100, 1, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </section>
  );
}
