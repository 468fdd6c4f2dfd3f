import type { ReportView } from '@giliran/protocol';
import { failureText, formatClock, translator, type Lang } from '@giliran/ui';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TabProps } from '../tab-props.ts';
import { downloadReport, FILE_FORMATS, formatLabel, type FileFormat } from './download.ts';
import { cellsFor } from './report-cells.ts';
import {
  presetRange,
  PRESETS,
  rangeProblem,
  reportQuery,
  type DateRange,
  type Preset,
} from './report-range.ts';
import { ReportSummary } from './report-summary.tsx';
import {
  ArrivalsView,
  CompensationTable,
  ComplianceTable,
  DESK_COLUMNS,
  QUEUE_COLUMNS,
  RecapTable,
  type T,
} from './report-tables.tsx';
import { REPORT_TEXTS, type ReportText } from './texts.ts';
import { BookingCard } from './booking-card.tsx';
import { WaitAccuracyCard } from './wait-accuracy-card.tsx';
import './reports.css';

type Section =
  'agencies' | 'services' | 'counters' | 'officers' | 'compliance' | 'compensations' | 'arrivals';

const SECTIONS: readonly (readonly [Section, ReportText])[] = [
  ['agencies', 'viewAgencies'],
  ['services', 'viewServices'],
  ['counters', 'viewCounters'],
  ['officers', 'viewOfficers'],
  ['compliance', 'viewCompliance'],
  ['compensations', 'viewCompensations'],
  ['arrivals', 'viewArrivals'],
];

const PRESET_TEXT: Readonly<Record<Preset, ReportText>> = {
  today: 'presetToday',
  yesterday: 'presetYesterday',
  week: 'presetWeek',
  month: 'presetMonth',
};

function errorText(error: unknown, lang: Lang, t: T): string {
  return failureText(error, lang, { offline: t('offline'), failed: t('failed') });
}

/** A calendar label (`YYYY-MM-DD`) as words: "25 November 2026". */
function dateText(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/**
 * Recaps of a day or a range (today first), per agency, service, counter and officer, SOP compliance,
 * compensations and arrivals per hour, with the same report as CSV, XLSX or PDF for the report chain.
 */
export function ReportsTab({ hub, session, lang, timeZone }: TabProps) {
  const t = useMemo(() => translator(REPORT_TEXTS, lang), [lang]);
  const cells = useMemo(() => cellsFor(lang), [lang]);
  /** null: today, whichever day that is on the hub. */
  const [range, setRange] = useState<DateRange | null>(null);
  const [draft, setDraft] = useState<DateRange | null>(null);
  const [today, setToday] = useState<string | null>(null);
  const [view, setView] = useState<ReportView | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [section, setSection] = useState<Section>('agencies');
  const [downloading, setDownloading] = useState<FileFormat | null>(null);
  const [reloads, setReloads] = useState(0);
  // Only the latest request may fill the screen: an earlier, slower one must not overwrite it.
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    setLoading(true);
    setError(null);
    hub.get<ReportView>(range === null ? '/api/reports/today' : `/api/reports?${reportQuery(range)}`).then(
      (loaded) => {
        if (request !== latest.current) return;
        setView(loaded);
        setLoading(false);
        if (range === null) {
          setToday(loaded.from);
          setDraft((d) => d ?? { from: loaded.from, to: loaded.to });
        }
      },
      (failure: unknown) => {
        if (request !== latest.current) return;
        setError(errorText(failure, lang, t));
        setLoading(false);
      },
    );
  }, [hub, range, reloads]);

  const problem = draft === null ? null : rangeProblem(draft);
  const choose = (next: DateRange) => {
    setDraft(next);
    setRange(today !== null && next.from === today && next.to === today ? null : next);
    setReloads((n) => n + 1);
  };
  const download = async (format: FileFormat) => {
    if (!view) return;
    setDownloading(format);
    try {
      await downloadReport(session, { from: view.from, to: view.to }, format);
    } catch (failure) {
      setError(errorText(failure, lang, t));
    } finally {
      setDownloading(null);
    }
  };

  return (
    <section class="reports" data-testid="reports">
      <form
        class="reports-toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft && !problem) choose(draft);
        }}
      >
        <label class="reports-date">
          <span>{t('from')}</span>
          <input
            type="date"
            value={draft?.from ?? ''}
            max={today ?? undefined}
            onInput={(e) => {
              const from = e.currentTarget.value;
              setDraft((d) => ({ from, to: d && d.to >= from ? d.to : from }));
            }}
          />
        </label>
        <label class="reports-date">
          <span>{t('to')}</span>
          <input
            type="date"
            value={draft?.to ?? ''}
            max={today ?? undefined}
            onInput={(e) => {
              const to = e.currentTarget.value;
              setDraft((d) => ({ from: d?.from ?? to, to }));
            }}
          />
        </label>
        <button type="submit" class="mod-btn mod-btn-primary" disabled={draft === null || problem !== null}>
          {t('show')}
        </button>
        <div class="reports-presets">
          {PRESETS.map((preset) => (
            <button
              key={preset}
              type="button"
              class="reports-chip"
              disabled={today === null}
              onClick={() => {
                if (today !== null) choose(presetRange(preset, today));
              }}
            >
              {t(PRESET_TEXT[preset])}
            </button>
          ))}
        </div>
        <div class="reports-downloads">
          <span>{t('download')}</span>
          {FILE_FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              class="mod-btn"
              data-format={format}
              title={format === 'csv-semicolon' ? t('csvSemicolonHint') : undefined}
              disabled={!view || downloading !== null}
              onClick={() => void download(format)}
            >
              {downloading === format ? t('downloading') : formatLabel(format)}
            </button>
          ))}
        </div>
      </form>
      {problem && <p class="reports-error">{t(problem)}</p>}
      {error && <p class="reports-error">{error}</p>}
      {view && (
        <div class={`reports-report ${loading ? 'reports-stale' : ''}`}>
          <div class="reports-heading">
            <h2>
              {view.from === view.to
                ? dateText(view.from, lang)
                : `${dateText(view.from, lang)} – ${dateText(view.to, lang)}`}
            </h2>
            {view.days > 1 && <span class="reports-muted">{t('days', { count: view.days })}</span>}
            {view.live && <span class="reports-live">{t('live')}</span>}
            <span class="reports-muted">
              {t('generated', { time: formatClock(view.generatedAt, timeZone, lang) })}
            </span>
            <button
              type="button"
              class="mod-btn reports-reload"
              onClick={() => {
                setReloads((n) => n + 1);
              }}
            >
              {t('refresh')}
            </button>
          </div>
          <ReportSummary view={view} cells={cells} t={t} />
          <WaitAccuracyCard
            hub={hub}
            session={session}
            lang={lang}
            range={{ from: view.from, to: view.to }}
            reloads={reloads}
          />
          {view.bookings && <BookingCard bookings={view.bookings} lang={lang} />}
          <nav class="reports-sections" aria-label={t('title')}>
            {SECTIONS.map(([id, label]) => (
              <button
                key={id}
                type="button"
                class={`reports-section ${section === id ? 'reports-section-on' : ''}`}
                data-section={id}
                onClick={() => {
                  setSection(id);
                }}
              >
                {t(label)}
              </button>
            ))}
          </nav>
          <div class="reports-panel">{sectionBody(section, view, { cells, lang, t })}</div>
        </div>
      )}
      {!view && loading && <p class="reports-muted">{t('loading')}</p>}
    </section>
  );
}

function sectionBody(
  section: Section,
  view: ReportView,
  common: { cells: ReturnType<typeof cellsFor>; lang: Lang; t: T },
) {
  switch (section) {
    case 'agencies':
      return (
        <RecapTable
          {...common}
          rows={view.agencies}
          columns={QUEUE_COLUMNS}
          total={view.total}
          note="noteQueue"
        />
      );
    case 'services':
      return (
        <RecapTable
          {...common}
          rows={view.services}
          columns={QUEUE_COLUMNS}
          total={view.total}
          note="noteQueue"
        />
      );
    case 'counters':
      return (
        <RecapTable {...common} rows={view.counters} columns={DESK_COLUMNS} total={null} note="noteDesk" />
      );
    case 'officers':
      return view.officers.length === 0 ? (
        <p class="reports-muted">{common.t('noOfficers')}</p>
      ) : (
        <RecapTable {...common} rows={view.officers} columns={DESK_COLUMNS} total={null} note="noteDesk" />
      );
    case 'compliance':
      return <ComplianceTable {...common} view={view} />;
    case 'compensations':
      return <CompensationTable {...common} view={view} />;
    case 'arrivals':
      return <ArrivalsView {...common} view={view} />;
  }
}
