import type { ServiceView, SiteView, SkmReportView } from '@giliran/protocol';
import { failureText, formatClock, pick, translator, type Lang } from '@giliran/ui';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TabProps } from '../tab-props.ts';
import { SkmBreakdown } from './skm-breakdown.tsx';
import { downloadSkm } from './skm-download.ts';
import { SkmNrrTable } from './skm-nrr-table.tsx';
import { decimalText, type SkmT } from './skm-number.ts';
import {
  presetPeriod,
  SKM_PRESETS,
  skmQuery,
  todayIn,
  type SkmPeriod,
  type SkmPreset,
  type SkmScopeChoice,
} from './skm-period.ts';
import { SkmProfile } from './skm-profile.tsx';
import { SkmSummary } from './skm-summary.tsx';
import { SKM_TEXTS, type SkmText } from './texts.ts';
import './skm.css';

const PRESET_TEXT: Readonly<Record<SkmPreset, SkmText>> = {
  month: 'presetMonth',
  semester: 'presetSemester',
  year: 'presetYear',
};

const FORMATS = ['xlsx', 'pdf'] as const;

/** "1 November 2026 – 26 November 2026", or one date for a single day. */
function periodText(from: string, to: string, lang: Lang): string {
  const date = (day: string) =>
    new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${day}T00:00:00Z`));
  return from === to ? date(from) : `${date(from)} – ${date(to)}`;
}

function errorText(error: unknown, lang: Lang, t: SkmT): string {
  return failureText(error, lang, { offline: t('offline'), failed: t('failed') });
}

/**
 * The IKM of any period for the site, an agency or a service: the verdict (IKM unit pelayanan, mutu, kinerja), whether
 * the Krejcie–Morgan sample was reached, the NRR table agencies publish, a row per agency and service, the
 * respondents' profile, and the same report as XLSX or PDF.
 */
export function SkmTab({ hub, session, lang, timeZone }: TabProps) {
  const t = useMemo(() => translator(SKM_TEXTS, lang), [lang]);
  const today = todayIn(timeZone);
  const [period, setPeriod] = useState<SkmPeriod>(() => presetPeriod('month', today));
  const [draft, setDraft] = useState<SkmPeriod>(period);
  const [scope, setScope] = useState<SkmScopeChoice>({ agencyId: null, serviceId: null });
  const [agencies, setAgencies] = useState<SiteView['agencies']>([]);
  const [services, setServices] = useState<ServiceView[]>([]);
  const [view, setView] = useState<SkmReportView | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState<'xlsx' | 'pdf' | null>(null);
  const [reloads, setReloads] = useState(0);
  // Only the latest request may fill the screen: an earlier, slower one must not overwrite it.
  const latest = useRef(0);

  useEffect(() => {
    hub.get<SiteView>('/api/site').then(
      (site) => {
        setAgencies(site.agencies);
      },
      () => undefined,
    );
    hub.get<ServiceView[]>('/api/services').then(setServices, () => undefined);
  }, [hub]);

  useEffect(() => {
    const request = ++latest.current;
    setLoading(true);
    setError(null);
    hub.get<SkmReportView>(`/api/skm?${skmQuery(period, scope)}`).then(
      (loaded) => {
        if (request !== latest.current) return;
        setView(loaded);
        setLoading(false);
      },
      (failure: unknown) => {
        if (request !== latest.current) return;
        setError(errorText(failure, lang, t));
        setLoading(false);
      },
    );
  }, [hub, period, scope, reloads]);

  const badRange = draft.from === '' || draft.to === '' || draft.from > draft.to;
  const choose = (next: SkmPeriod) => {
    setDraft(next);
    setPeriod(next);
  };
  const download = async (format: 'xlsx' | 'pdf') => {
    setDownloading(format);
    try {
      await downloadSkm(session, period, scope, format);
    } catch (failure) {
      setError(errorText(failure, lang, t));
    } finally {
      setDownloading(null);
    }
  };
  const agencyServices = services.filter((s) => scope.agencyId === null || s.agency.id === scope.agencyId);

  return (
    <section class="skm" data-testid="skm">
      <form
        class="skm-toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (!badRange) choose(draft);
        }}
      >
        <label class="skm-field">
          <span>{t('from')}</span>
          <input
            type="date"
            value={draft.from}
            max={today}
            onInput={(e) => {
              const from = e.currentTarget.value;
              setDraft((d) => ({ from, to: d.to }));
            }}
          />
        </label>
        <label class="skm-field">
          <span>{t('to')}</span>
          <input
            type="date"
            value={draft.to}
            onInput={(e) => {
              const to = e.currentTarget.value;
              setDraft((d) => ({ from: d.from, to }));
            }}
          />
        </label>
        <button type="submit" class="mod-btn mod-btn-primary" disabled={badRange}>
          {t('show')}
        </button>
        <div class="skm-presets">
          {SKM_PRESETS.map((preset) => (
            <button
              key={preset}
              type="button"
              class="skm-chip"
              data-preset={preset}
              onClick={() => {
                choose(presetPeriod(preset, today));
              }}
            >
              {t(PRESET_TEXT[preset])}
            </button>
          ))}
        </div>
        <label class="skm-field">
          <span>{t('agency')}</span>
          <select
            data-testid="skm-agency"
            value={scope.agencyId ?? ''}
            onChange={(e) => {
              const agencyId = e.currentTarget.value;
              setScope({ agencyId: agencyId === '' ? null : agencyId, serviceId: null });
            }}
          >
            <option value="">{t('allAgencies')}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {pick(a.name, lang)}
              </option>
            ))}
          </select>
        </label>
        <label class="skm-field">
          <span>{t('service')}</span>
          <select
            data-testid="skm-service"
            value={scope.serviceId ?? ''}
            onChange={(e) => {
              const serviceId = e.currentTarget.value;
              const service = services.find((s) => s.id === serviceId);
              setScope({
                agencyId: service?.agency.id ?? scope.agencyId,
                serviceId: service ? serviceId : null,
              });
            }}
          >
            <option value="">{t('allServices')}</option>
            {agencyServices.map((s) => (
              <option key={s.id} value={s.id}>
                {pick(s.name, lang)}
              </option>
            ))}
          </select>
        </label>
        <div class="skm-downloads">
          <span>{t('download')}</span>
          {FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              class="mod-btn"
              data-format={format}
              disabled={downloading !== null}
              onClick={() => void download(format)}
            >
              {downloading === format ? t('downloading') : format.toUpperCase()}
            </button>
          ))}
        </div>
      </form>
      {badRange && <p class="skm-error">{t('badRange')}</p>}
      {error && (
        <p class="skm-error" role="alert">
          {error}
        </p>
      )}
      {view && (
        <div class={`skm-report${loading ? ' skm-stale' : ''}`}>
          <div class="skm-heading">
            <h2>
              {pick(view.scope.name, lang)} · {periodText(view.from, view.to, lang)}
            </h2>
            <span class="skm-muted">
              {t('generated', { time: formatClock(view.generatedAt, timeZone, lang) })}
            </span>
            <button
              type="button"
              class="mod-btn mod-btn-ghost"
              onClick={() => {
                setReloads((n) => n + 1);
              }}
            >
              {t('refresh')}
            </button>
          </div>
          <SkmSummary figures={view.figures} lang={lang} t={t} />
          {view.figures.respondents === 0 && <p class="skm-muted">{t('noAnswers')}</p>}
          {view.counterTablets.respondents > 0 && (
            <p class="skm-muted skm-counter-tablets" data-testid="skm-counter-tablets">
              {t('counterTablets', {
                n: view.counterTablets.respondents,
                converted: decimalText(view.counterTablets.converted, 2, lang),
              })}
            </p>
          )}
          <div class="skm-columns">
            <SkmNrrTable figures={view.figures} lang={lang} t={t} />
            <SkmProfile view={view} lang={lang} t={t} />
          </div>
          <p class="skm-muted skm-legend">{t('legend')}</p>
          {view.scope.kind === 'site' && (
            <SkmBreakdown
              title={t('perAgency')}
              rows={view.agencies}
              lang={lang}
              t={t}
              onOpen={(agencyId) => {
                setScope({ agencyId, serviceId: null });
              }}
            />
          )}
          {view.scope.kind !== 'service' && (
            <SkmBreakdown
              title={t('perService')}
              rows={view.services}
              lang={lang}
              t={t}
              onOpen={(serviceId) => {
                const service = view.services.find((s) => s.id === serviceId);
                setScope({ agencyId: service?.agencyId ?? null, serviceId });
              }}
            />
          )}
        </div>
      )}
      {!view && loading && <p class="skm-muted">{t('loading')}</p>}
    </section>
  );
}
