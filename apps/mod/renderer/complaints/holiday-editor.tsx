import { HOLIDAY_KINDS } from '@giliran/domain';
import { pick, type HubClient, type Lang, type translator } from '@giliran/ui';
import { useEffect, useState } from 'preact/hooks';
import { ruleText } from './form-fields.tsx';
import { CATEGORY_LABELS, HOLIDAY_KIND_LABELS, type ComplaintText } from './texts.ts';
import { useSend } from './use-send.ts';
import type { CalendarYearsView, ComplaintCategoryRule, HolidayKind, HolidayView } from './wire.ts';

type T = ReturnType<typeof translator<ComplaintText>>;

/** The weekday beside each date: a holiday on a Saturday or Sunday changes no deadline, and it shows. */
function weekday(date: string, lang: Lang): string {
  const day = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(day)) return '';
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    weekday: 'long',
    timeZone: 'UTC',
  }).format(day);
}

interface Props {
  readonly hub: HubClient;
  /** The hub's current year: the calendar opens on it. */
  readonly year: number;
  readonly canEdit: boolean;
  readonly rules: readonly ComplaintCategoryRule[];
  readonly lang: Lang;
  readonly t: T;
}

/**
 * One year's national holidays and cuti bersama, edited as a list and saved whole: the SKB 3 Menteri publishes a
 * year at once and amends it (e.g. 18 August 2025 added in August), so a year is the unit that changes.
 */
export function HolidayEditor({ hub, year: thisYear, canEdit, rules, lang, t }: Props) {
  const [year, setYear] = useState(thisYear);
  const [days, setDays] = useState<HolidayView[] | null>(null);
  const [saved, setSaved] = useState(false);
  const [years, setYears] = useState<CalendarYearsView | null>(null);
  const send = useSend(lang, t('offline'));

  useEffect(() => {
    hub.get<CalendarYearsView>('/api/calendar/years').then(setYears, () => undefined);
  }, [hub]);
  const status = years?.years.find((y) => y.year === year) ?? null;

  useEffect(() => {
    let current = true;
    setDays(null);
    hub.get<HolidayView[]>(`/api/calendar/holidays?year=${year}`).then(
      (list) => {
        if (current) setDays(list);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [hub, year]);

  const change = (index: number, patch: Partial<HolidayView>) => {
    setSaved(false);
    setDays((list) => (list ?? []).map((d, i) => (i === index ? { ...d, ...patch } : d)));
  };
  const count = (kind: HolidayKind) => (days ?? []).filter((d) => d.kind === kind).length;
  return (
    <div class="complaints-calendar" data-testid="holiday-editor">
      <section class="complaints-form">
        <header class="complaints-calendar-head">
          <button
            type="button"
            class="mod-btn"
            onClick={() => {
              setYear(year - 1);
            }}
          >
            {t('previousYear', { year: year - 1 })}
          </button>
          <h2>{t('calendarTitle', { year })}</h2>
          <button
            type="button"
            class="mod-btn"
            onClick={() => {
              setYear(year + 1);
            }}
          >
            {t('nextYear', { year: year + 1 })}
          </button>
        </header>
        <p class="complaints-muted">{t('calendarHint')}</p>
        <p>
          <strong>{t('count', { national: count('libur_nasional'), cuti: count('cuti_bersama') })}</strong>
        </p>
        {status && (
          <p
            class={status.confirmed ? 'complaints-ok' : 'complaints-year-unconfirmed'}
            data-testid="year-status"
            data-confirmed={String(status.confirmed)}
          >
            {t(status.confirmed ? 'yearConfirmed' : 'yearUnconfirmed')}
          </p>
        )}
        {days && (
          <table class="complaints-table complaints-holidays">
            <thead>
              <tr>
                <th>{t('date')}</th>
                <th>{t('kind')}</th>
                <th>{t('holidayName')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {days.map((d, i) => (
                <tr key={i} data-date={d.date}>
                  <td>
                    <input
                      type="date"
                      name="date"
                      value={d.date}
                      min={`${year}-01-01`}
                      max={`${year}-12-31`}
                      disabled={!canEdit}
                      onInput={(e) => {
                        change(i, { date: e.currentTarget.value });
                      }}
                    />
                    <span class="complaints-muted complaints-weekday">{weekday(d.date, lang)}</span>
                  </td>
                  <td>
                    <select
                      name="kind"
                      value={d.kind}
                      disabled={!canEdit}
                      onChange={(e) => {
                        change(i, { kind: e.currentTarget.value as HolidayKind });
                      }}
                    >
                      {HOLIDAY_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {pick(HOLIDAY_KIND_LABELS[k], lang)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      name="name"
                      value={d.name}
                      disabled={!canEdit}
                      onInput={(e) => {
                        change(i, { name: e.currentTarget.value });
                      }}
                    />
                  </td>
                  <td>
                    {canEdit && (
                      <button
                        type="button"
                        class="mod-btn mod-btn-ghost"
                        onClick={() => {
                          setSaved(false);
                          setDays(days.filter((_, j) => j !== i));
                        }}
                      >
                        {t('remove')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {canEdit && days && (
          <div class="complaints-row">
            <button
              type="button"
              class="mod-btn"
              onClick={() => {
                setSaved(false);
                setDays([...days, { date: `${year}-01-01`, kind: 'libur_nasional', name: '' }]);
              }}
            >
              {t('addDay')}
            </button>
            <button
              type="button"
              class="mod-btn mod-btn-primary"
              disabled={send.busy}
              data-testid="save-calendar"
              onClick={() => {
                const sorted = [...days].sort((a, b) => a.date.localeCompare(b.date));
                void send
                  .run(() => hub.put<HolidayView[]>('/api/calendar/holidays', { year, holidays: sorted }))
                  .then((list) => {
                    if (!list) return;
                    setDays(list);
                    setSaved(true);
                  });
              }}
            >
              {t('saveCalendar', { year })}
            </button>
            {saved && <span class="complaints-ok">{t('saved')}</span>}
            {status && !status.confirmed && (
              <button
                type="button"
                class="mod-btn"
                disabled={send.busy}
                data-testid="confirm-calendar"
                onClick={() => {
                  void send
                    .run(() => hub.post<CalendarYearsView>(`/api/calendar/years/${year}/confirm`, {}))
                    .then((view) => {
                      if (view) setYears(view);
                    });
                }}
              >
                {t('confirmYear', { year })}
              </button>
            )}
          </div>
        )}
        {send.error && <p class="complaints-error">{send.error}</p>}
      </section>
      <section class="complaints-form complaints-rules">
        <h2>{t('rulesTitle')}</h2>
        <table class="complaints-table">
          <tbody>
            {rules.map((r) => (
              <tr key={r.category}>
                <td>{pick(CATEGORY_LABELS[r.category], lang)}</td>
                <td>{ruleText(r, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
