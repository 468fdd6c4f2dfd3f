import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, COMPLAINT_STATUSES } from '@giliran/domain';
import { formatClock, pick, type Lang, type translator } from '@giliran/ui';
import { DeadlineCell } from './deadline-cell.tsx';
import { shortDate } from './short-date.ts';
import { CATEGORY_LABELS, CHANNEL_LABELS, STATUS_LABELS, type ComplaintText } from './texts.ts';
import type { Filter } from './use-complaints.ts';
import type { ComplaintSummary } from './wire.ts';

type T = ReturnType<typeof translator<ComplaintText>>;

interface Props {
  readonly complaints: readonly ComplaintSummary[];
  readonly filter: Filter;
  readonly onFilter: (filter: Filter) => void;
  readonly selected: string | null;
  readonly onSelect: (id: string) => void;
  readonly hubNow: number;
  readonly timeZone: string;
  readonly lang: Lang;
  readonly t: T;
}

/** The register, newest first, with each deadline counting down on the hub's clock. */
export function ComplaintTable(props: Props) {
  const { complaints, filter, onFilter, selected, onSelect, hubNow, timeZone, lang, t } = props;
  const select = (
    name: 'status' | 'category' | 'channel',
    label: ComplaintText,
    options: readonly { value: string; text: string }[],
  ) => (
    <label>
      {t(label)}
      <select
        name={name}
        value={filter[name]}
        onChange={(e) => {
          onFilter({ ...filter, [name]: e.currentTarget.value });
        }}
      >
        <option value="">{t('filterAll')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section class="complaints-register">
      <div class="complaints-filters">
        {select('status', 'filterStatus', [
          { value: 'open', text: t('filterOpen') },
          ...COMPLAINT_STATUSES.map((s) => ({ value: s, text: pick(STATUS_LABELS[s], lang) })),
        ])}
        {select(
          'category',
          'filterCategory',
          COMPLAINT_CATEGORIES.map((c) => ({ value: c, text: pick(CATEGORY_LABELS[c], lang) })),
        )}
        {select(
          'channel',
          'filterChannel',
          COMPLAINT_CHANNELS.map((c) => ({ value: c, text: pick(CHANNEL_LABELS[c], lang) })),
        )}
        <label class="complaints-check">
          <input
            type="checkbox"
            name="late"
            checked={filter.late}
            onChange={(e) => {
              onFilter({ ...filter, late: e.currentTarget.checked });
            }}
          />
          {t('filterLate')}
        </label>
        <input
          class="complaints-search"
          type="search"
          name="q"
          placeholder={t('search')}
          value={filter.q}
          onInput={(e) => {
            onFilter({ ...filter, q: e.currentTarget.value });
          }}
        />
      </div>
      {complaints.length === 0 ? (
        <p class="complaints-muted">{t('empty')}</p>
      ) : (
        <table class="complaints-table" data-testid="complaint-register">
          <thead>
            <tr>
              <th>{t('colNo')}</th>
              <th>{t('colReceived')}</th>
              <th>{t('colName')}</th>
              <th>{t('colAgency')}</th>
              <th>{t('colStatus')}</th>
              <th>{t('colDeadline')}</th>
            </tr>
          </thead>
          <tbody>
            {complaints.map((c) => (
              <tr
                key={c.id}
                data-code={c.code}
                class={c.id === selected ? 'complaints-row-on' : ''}
                onClick={() => {
                  onSelect(c.id);
                }}
              >
                <td>
                  <button type="button" class="complaints-link">
                    {c.registerNo}
                  </button>
                </td>
                <td>
                  {shortDate(c.receivedAt, timeZone, lang)}
                  <br />
                  <span class="complaints-muted">{formatClock(c.receivedAt, timeZone, lang)}</span>
                </td>
                <td>
                  <strong>{c.name}</strong>
                  <br />
                  <span class="complaints-muted">{pick(CHANNEL_LABELS[c.channel], lang)}</span>
                </td>
                <td>{c.agencyName ? pick(c.agencyName, lang) : t('hall')}</td>
                <td>
                  <span class={`complaints-status complaints-status-${c.status}`}>
                    {pick(STATUS_LABELS[c.status], lang)}
                  </span>
                  <br />
                  <span class="complaints-muted">{pick(CATEGORY_LABELS[c.category], lang)}</span>
                </td>
                <td>
                  <DeadlineCell complaint={c} hubNow={hubNow} timeZone={timeZone} lang={lang} t={t} short />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
