import { formatClock, formatDate, translator, type Dictionary, type HubClient, type Lang } from '@giliran/ui';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CentralPushStatus } from '../wire.ts';
import { minutesSince, pushTone } from './central-status-model.ts';

const TEXTS = {
  title: { id: 'Server pusat', en: 'Central server' },
  off: {
    id: 'Tidak diatur: data aula ini tidak dikirim ke server pusat wilayah.',
    en: 'Not set up: this hall’s data is not sent to the regional central server.',
  },
  ok: { id: 'Terkirim', en: 'Up to date' },
  behind: { id: 'Tertinggal', en: 'Behind' },
  failing: { id: 'Gagal mengirim', en: 'Cannot send' },
  site: { id: 'Kode situs', en: 'Site id' },
  pending: { id: 'Belum terkirim', en: 'Not yet sent' },
  events: { id: '{count} kejadian', en: '{count} events' },
  lastSuccess: { id: 'Terakhir berhasil', en: 'Last success' },
  never: { id: 'belum pernah', en: 'never' },
  ago: { id: '{time} ({minutes} menit lalu)', en: '{time} ({minutes} min ago)' },
  lastError: { id: 'Galat terakhir', en: 'Last error' },
  note: {
    id: 'Layanan di aula tidak terganggu: data dikirim ulang otomatis saat jaringan pulih.',
    en: 'Service in the hall is not affected: data is sent again automatically when the network is back.',
  },
} as const satisfies Dictionary<string>;

/** How often MOD's card asks the hub (the push state is not broadcast; it changes every few seconds at most). */
const POLL_MS = 10_000;

interface Props {
  readonly hub: HubClient;
  readonly timeZone: string;
  readonly lang: Lang;
}

/** `GET /api/central/status` on the live tab: is the region's central server getting this hall's log? */
export function CentralStatusCard({ hub, timeZone, lang }: Props) {
  const t = useMemo(() => translator(TEXTS, lang), [lang]);
  const [status, setStatus] = useState<CentralPushStatus | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => {
      hub.get<CentralPushStatus>('/api/central/status').then(
        (s) => {
          if (live) setStatus(s);
        },
        () => undefined,
      );
    };
    load();
    const timer = setInterval(load, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [hub]);
  if (!status) return null;
  const now = Date.now();
  const tone = pushTone(status, now);
  const minutes = minutesSince(status.lastSuccessAt, now);
  return (
    <section
      class={`live-panel central-status central-status-${tone}`}
      data-testid="central-status"
      data-tone={tone}
    >
      <h2>{t('title')}</h2>
      {tone === 'off' ? (
        <p class="central-status-off">{t('off')}</p>
      ) : (
        <>
          <p class="central-status-state">
            <span class="central-status-dot" aria-hidden="true" />
            {t(tone)}
          </p>
          <dl class="central-status-facts">
            <dt>{t('site')}</dt>
            <dd>{status.siteId}</dd>
            <dt>{t('pending')}</dt>
            <dd data-testid="central-pending">{t('events', { count: status.pending })}</dd>
            <dt>{t('lastSuccess')}</dt>
            <dd>
              {status.lastSuccessAt === null || minutes === null
                ? t('never')
                : t('ago', {
                    time: `${formatDate(status.lastSuccessAt, timeZone, lang)} ${formatClock(status.lastSuccessAt, timeZone, lang)}`,
                    minutes,
                  })}
            </dd>
            {status.lastError !== null && (
              <>
                <dt>{t('lastError')}</dt>
                <dd class="central-status-error">{status.lastError}</dd>
              </>
            )}
          </dl>
          {tone !== 'ok' && <p class="central-status-note">{t('note')}</p>}
        </>
      )}
    </section>
  );
}
