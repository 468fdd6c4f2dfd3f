import type { PublicServerToClientEvents, PublicTicketStatus } from '@giliran/protocol';
import { formatClock, pick, translator, waitText, type Dictionary, type Lang } from '@giliran/ui';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import './ticket-status.css';
import { mayAskToNotify, registerTurnWorker, signal, turnAlert, type TurnAlert } from './turn-alerts.ts';

type Key =
  | 'number'
  | 'ahead'
  | 'estimate'
  | 'holdUp'
  | 'goTo'
  | 'serving'
  | 'done'
  | 'noShow'
  | 'cancelled'
  | 'notFound'
  | 'live'
  | 'reconnecting'
  | 'issued'
  | 'priority'
  | 'booked'
  | 'survey'
  | 'notifyMe'
  | 'nearTitle'
  | 'nearBody'
  | 'calledTitle'
  | 'calledBody';

const TEXTS: Dictionary<Key> = {
  number: { id: 'Nomor antrean Anda', en: 'Your queue number' },
  ahead: { id: '{n} orang di depan Anda', en: '{n} people ahead of you' },
  estimate: { id: 'Perkiraan dipanggil: {wait}', en: 'Expected call: {wait}' },
  holdUp: {
    id: 'Perkiraan dihitung dari saat loket melayani kembali.',
    en: 'The estimate counts from when the counters serve again.',
  },
  goTo: { id: 'Silakan menuju {counter}', en: 'Please go to {counter}' },
  serving: { id: 'Sedang dilayani di {counter}', en: 'Being served at {counter}' },
  done: { id: 'Layanan selesai. Terima kasih!', en: 'Service finished. Thank you!' },
  noShow: {
    id: 'Nomor Anda sudah dipanggil. Hubungi petugas Front Office.',
    en: 'Your number was called. Please ask the Front Office.',
  },
  cancelled: { id: 'Tiket ini dibatalkan.', en: 'This ticket was cancelled.' },
  notFound: { id: 'Tiket tidak ditemukan.', en: 'Ticket not found.' },
  live: { id: 'Diperbarui otomatis', en: 'Updates automatically' },
  reconnecting: { id: 'Menghubungkan ulang…', en: 'Reconnecting…' },
  issued: { id: 'Diambil {time}', en: 'Taken at {time}' },
  priority: { id: 'Prioritas', en: 'Priority' },
  booked: { id: 'Antrean daring', en: 'Online booking' },
  notifyMe: { id: 'Beri tahu saya saat giliran dekat', en: 'Notify me when my turn is near' },
  nearTitle: { id: 'Giliran Anda sudah dekat', en: 'Your turn is near' },
  nearBody: {
    id: '{n} orang lagi sebelum Anda (nomor {number}). Mohon bersiap di dekat loket.',
    en: '{n} more people before you (number {number}). Please get ready near the counters.',
  },
  calledTitle: { id: 'Nomor {number} dipanggil', en: 'Number {number} called' },
  calledBody: { id: 'Silakan menuju {counter} sekarang.', en: 'Please go to {counter} now.' },
  survey: {
    id: 'Bagaimana pelayanan kami? Isi survei kepuasan (SKM)',
    en: 'How did we do? Take the satisfaction survey (SKM)',
  },
};

/** SOP step 4 asks for the SKM at the desk: from being served on, the citizen's own phone can answer it. */
function SurveyLink({ status, t }: { status: PublicTicketStatus; t: ReturnType<typeof translator<Key>> }) {
  if (status.status !== 'serving' && status.status !== 'done') return null;
  return (
    <a
      class="survey-link"
      data-testid="survey-link"
      href={`/survey?ticket=${encodeURIComponent(status.code)}`}
    >
      {t('survey')}
    </a>
  );
}

/** The wait as a range when the hub is unsure, with the reason when counters are paused or closed (never "0"). */
function EstimateLine({
  status,
  lang,
  t,
}: {
  status: PublicTicketStatus;
  lang: Lang;
  t: ReturnType<typeof translator<Key>>;
}) {
  const wait = status.estimate === null ? null : waitText(status.estimate, lang);
  if (wait === null) return null;
  return (
    <>
      <p class="estimate" data-testid="status-estimate">
        {t('estimate', { wait })}
      </p>
      {status.estimate?.holdUp != null && <p class="meta">{t('holdUp')}</p>}
    </>
  );
}

function StatusLine({
  status,
  lang,
  t,
}: {
  status: PublicTicketStatus;
  lang: Lang;
  t: ReturnType<typeof translator<Key>>;
}) {
  const counter = status.counterName ?? '';
  switch (status.status) {
    case 'called':
      return <p class="call">{t('goTo', { counter })}</p>;
    case 'serving':
      return <p class="state">{t('serving', { counter })}</p>;
    case 'done':
      return <p class="state">{t('done')}</p>;
    case 'no_show':
      return <p class="state warn">{t('noShow')}</p>;
    case 'cancelled':
      return <p class="state warn">{t('cancelled')}</p>;
    default:
      return (
        <>
          <p class="ahead">{t('ahead', { n: status.ahead ?? 0 })}</p>
          <EstimateLine status={status} lang={lang} t={t} />
        </>
      );
  }
}

function TicketStatusPage({ code }: { code: string }) {
  // Indonesian first; English by the button or `?lang=en`.
  const [lang, setLang] = useState<Lang>(
    new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'id',
  );
  const [status, setStatus] = useState<PublicTicketStatus | null>(null);
  const [missing, setMissing] = useState(false);
  const [online, setOnline] = useState(false);
  const t = translator(TEXTS, lang);
  const [alert, setAlert] = useState<TurnAlert | null>(null);
  const [askNotify, setAskNotify] = useState(mayAskToNotify());
  const previous = useRef<PublicTicketStatus | null>(null);

  // Near and called, told once each as the status changes while the page is open.
  useEffect(() => {
    if (!status) return;
    const happened = turnAlert(previous.current, status);
    previous.current = status;
    if (happened === null) return;
    setAlert(happened);
    const vars = { n: status.ahead ?? 0, number: status.number, counter: status.counterName ?? '' };
    void signal(
      happened,
      happened === 'called'
        ? { title: t('calledTitle', vars), body: t('calledBody', vars) }
        : { title: t('nearTitle', vars), body: t('nearBody', vars) },
      status.code,
    );
  }, [status]);

  useEffect(() => {
    registerTurnWorker();
    const socket: Socket<PublicServerToClientEvents> = io('/public', {
      auth: { code },
      transports: ['websocket'],
    });
    socket.on('ticket:status', setStatus);
    socket.on('connect', () => {
      setOnline(true);
    });
    socket.on('disconnect', () => {
      setOnline(false);
    });
    socket.on('connect_error', (error) => {
      setOnline(false);
      if (error.message === 'TICKET_NOT_FOUND') {
        setMissing(true);
        socket.close();
      }
    });
    return () => {
      socket.close();
    };
  }, [code]);

  if (missing)
    return (
      <main class="status-page">
        <p class="state warn">{t('notFound')}</p>
      </main>
    );
  if (!status)
    return (
      <main class="status-page">
        <p class="state">…</p>
      </main>
    );
  return (
    <main class={`status-page ${status.status}`}>
      <header>
        <span>{status.siteName}</span>
        <button
          onClick={() => {
            setLang(lang === 'id' ? 'en' : 'id');
          }}
        >
          {lang === 'id' ? 'EN' : 'ID'}
        </button>
      </header>
      <p class="label">{t('number')}</p>
      <p class="number" data-testid="status-number">
        {status.number}
      </p>
      {status.priority !== null && <p class="badge">{t('priority')}</p>}
      {status.booked === true && (
        <p class="badge booked" data-testid="booked-mark">
          {t('booked')}
        </p>
      )}
      <p class="service">{pick(status.service, lang)}</p>
      <p class="agency">{pick(status.agency, lang)}</p>
      {alert !== null && status.status === (alert === 'called' ? 'called' : 'waiting') && (
        <p class={`turn-alert ${alert}`} role="alert" data-testid="turn-alert">
          {alert === 'called' ? t('calledTitle', { number: status.number }) : t('nearTitle')}
        </p>
      )}
      <StatusLine status={status} lang={lang} t={t} />
      {askNotify && status.status === 'waiting' && (
        <button
          class="notify-button"
          data-testid="notify-me"
          onClick={() => {
            void Notification.requestPermission().then(() => {
              setAskNotify(mayAskToNotify());
            });
          }}
        >
          {t('notifyMe')}
        </button>
      )}
      <SurveyLink status={status} t={t} />
      <p class="meta">
        {t('issued', { time: formatClock(status.issuedAt, status.timeZone, lang) })} ·{' '}
        {online ? t('live') : t('reconnecting')}
      </p>
    </main>
  );
}

const code = decodeURIComponent(location.pathname.split('/').pop() ?? '');
const root = document.getElementById('app');
if (root) render(<TicketStatusPage code={code} />, root);
