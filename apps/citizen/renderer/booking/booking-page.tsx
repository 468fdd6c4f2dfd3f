import { newIdempotencyKey, pick, translator, type Lang } from '@giliran/ui';
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  book,
  cancel,
  loadOptions,
  loadSites,
  loadSlots,
  lookUp,
  move,
  useSite,
  type BookingOptions,
  type BookingSiteView,
  type BookingView,
  type SessionView,
} from './booking-api.ts';
import { BookingQr, icsFile } from './booking-qr.tsx';
import { TEXTS } from './texts.ts';
import '../complaint/complaint.css';
import './booking.css';

type T = ReturnType<typeof translator<keyof typeof TEXTS>>;
type Service = BookingOptions['services'][number];

const codeFromPath = (path: string): string | null => /^\/booking\/([^/]+)\/?$/.exec(path)?.[1] ?? null;

function when(iso: string, timeZone: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

function dayLabel(date: string, lang: Lang): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(lang === 'id' ? 'id-ID' : 'en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });
}

function Sessions(props: { serviceId: string; date: string; t: T; onPick: (s: SessionView) => void }) {
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  useEffect(() => {
    void loadSlots(props.serviceId, props.date).then((a) => {
      setSessions(a.ok ? a.data.sessions : []);
    });
  }, [props.serviceId, props.date]);
  return (
    <div class="bk-list">
      {(sessions ?? []).map((s) => (
        <button
          type="button"
          class="bk-choice"
          disabled={s.left === 0}
          key={s.id}
          onClick={() => {
            props.onPick(s);
          }}
        >
          <strong>
            {s.start}–{s.end}
          </strong>
          <span>{s.left === 0 ? props.t('full') : props.t('left', { count: s.left })}</span>
        </button>
      ))}
    </div>
  );
}

function Confirmation(props: {
  booking: BookingView;
  options: BookingOptions;
  lang: Lang;
  t: T;
  onChange: () => void;
}) {
  const { booking: b, options, lang, t } = props;
  const service = options.services.find((s) => s.id === b.serviceId);
  const zone = options.site.timeZone;
  const [moving, setMoving] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ics = icsFile({ ...b, title: service ? pick(service.name, lang) : b.serviceId, timeZone: zone });
  const act = async (
    answer: Promise<{ ok: boolean; error?: { message: { id: string; en: string } } | null }>,
  ) => {
    const a = await answer;
    if (a.ok) props.onChange();
    else setError(a.error ? pick(a.error.message, lang) : t('failed'));
  };
  return (
    <section class="pgd-card bk-done">
      <h2>{b.status === 'booked' ? t('booked') : t(`status_${b.status}`)}</h2>
      <p class="bk-code">
        {t('code')}: <strong data-testid="booking-code">{b.code}</strong>
      </p>
      <p>
        {service ? pick(service.name, lang) : b.serviceId} · {dayLabel(b.date, lang)} · {b.session.start}–
        {b.session.end}
      </p>
      {b.qr && b.qrSvg && <BookingQr token={b.qr} svg={b.qrSvg} />}
      {b.status === 'booked' && (
        <p>
          {t('checkIn', { from: when(b.checkInFrom, zone, lang), until: when(b.checkInUntil, zone, lang) })}
        </p>
      )}
      {service && service.requirements.length > 0 && (
        <>
          <h3>{t('requirements')}</h3>
          <ul>
            {service.requirements.map((r) => (
              <li key={r.id}>{pick(r, lang)}</li>
            ))}
          </ul>
        </>
      )}
      {b.status === 'booked' && (
        <div class="bk-actions">
          <a
            class="bk-button"
            download={`booking-${b.code}.ics`}
            href={`data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`}
          >
            {t('calendar')}
          </a>
          <button
            type="button"
            class="bk-button bk-secondary"
            onClick={() => {
              setMoving(service?.dates[0] ?? null);
            }}
          >
            {t('move')}
          </button>
          <button type="button" class="bk-button bk-danger" onClick={() => void act(cancel(b.code))}>
            {t('cancel')}
          </button>
        </div>
      )}
      {moving && service && (
        <div>
          <select
            value={moving}
            onChange={(e) => {
              setMoving(e.currentTarget.value);
            }}
          >
            {service.dates.map((d) => (
              <option value={d} key={d}>
                {dayLabel(d, lang)}
              </option>
            ))}
          </select>
          <Sessions
            serviceId={b.serviceId}
            date={moving}
            t={t}
            onPick={(s) => void act(move(b.code, moving, s.id))}
          />
        </div>
      )}
      {error && (
        <p class="pgd-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

interface Choice {
  agencyId?: string;
  service?: Service;
  date?: string;
  session?: SessionView;
}

function Wizard(props: { options: BookingOptions; lang: Lang; t: T; onBooked: (b: BookingView) => void }) {
  const { options, lang, t } = props;
  const [choice, setChoice] = useState<Choice>({});
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [key] = useState(newIdempotencyKey);
  const back = (to: Choice) => (
    <button
      type="button"
      class="bk-back"
      onClick={() => {
        setChoice(to);
      }}
    >
      {t('back')}
    </button>
  );
  if (!choice.agencyId)
    return (
      <section class="pgd-card">
        <h2>{t('agency')}</h2>
        <div class="bk-list">
          {options.agencies.map((a) => (
            <button
              type="button"
              class="bk-choice"
              key={a.id}
              onClick={() => {
                setChoice({ agencyId: a.id });
              }}
            >
              {pick(a.name, lang)}
            </button>
          ))}
        </div>
      </section>
    );
  if (!choice.service)
    return (
      <section class="pgd-card">
        {back({})}
        <h2>{t('service')}</h2>
        <div class="bk-list">
          {options.services
            .filter((s) => s.agencyId === choice.agencyId)
            .map((s) => (
              <button
                type="button"
                class="bk-choice bk-service"
                key={s.id}
                onClick={() => {
                  setChoice({ ...choice, service: s });
                }}
              >
                <strong>{pick(s.name, lang)}</strong>
                {s.fee && (
                  <span>
                    {t('fee')}: {pick(s.fee, lang)}
                  </span>
                )}
                {s.duration && (
                  <span>
                    {t('duration')}: {pick(s.duration, lang)}
                  </span>
                )}
                {s.requirements.length > 0 && (
                  <span>
                    {t('requirements')}: {s.requirements.map((r) => pick(r, lang)).join(', ')}
                  </span>
                )}
              </button>
            ))}
        </div>
      </section>
    );
  const { service } = choice;
  if (!choice.date)
    return (
      <section class="pgd-card">
        {back({ agencyId: choice.agencyId })}
        <h2>{t('date')}</h2>
        {service.dates.length === 0 && <p>{t('noDates')}</p>}
        <div class="bk-list">
          {service.dates.map((d) => (
            <button
              type="button"
              class="bk-choice"
              key={d}
              onClick={() => {
                setChoice({ ...choice, date: d });
              }}
            >
              {dayLabel(d, lang)}
            </button>
          ))}
        </div>
      </section>
    );
  const { date } = choice;
  if (!choice.session)
    return (
      <section class="pgd-card">
        {back({ agencyId: choice.agencyId, service })}
        <h2>{t('session')}</h2>
        <p>{dayLabel(date, lang)}</p>
        <Sessions
          serviceId={service.id}
          date={date}
          t={t}
          onPick={(s) => {
            setChoice({ ...choice, session: s });
          }}
        />
      </section>
    );
  const { session } = choice;
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    const a = await book(
      { serviceId: service.id, date, sessionId: session.id, name, phone, locale: lang },
      key,
    );
    if (a.ok) props.onBooked(a.data);
    else setError(a.error ? pick(a.error.message, lang) : t('failed'));
  };
  return (
    <form class="pgd-card" onSubmit={(e) => void submit(e)}>
      {back({ agencyId: choice.agencyId, service, date })}
      <h2>{t('details')}</h2>
      <p>
        {pick(service.name, lang)} · {dayLabel(date, lang)} · {session.start}–{session.end}
      </p>
      <label>
        {t('name')}
        <input
          name="name"
          required
          autocomplete="name"
          value={name}
          onInput={(e) => {
            setName(e.currentTarget.value);
          }}
        />
      </label>
      <label>
        {t('phone')}
        <input
          name="phone"
          required
          type="tel"
          inputMode="tel"
          autocomplete="tel"
          placeholder="0812…"
          value={phone}
          onInput={(e) => {
            setPhone(e.currentTarget.value);
          }}
        />
      </label>
      {error && (
        <p class="pgd-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" class="bk-button">
        {t('submit')}
      </button>
    </form>
  );
}

function LookUp(props: { t: T }) {
  const [code, setCode] = useState('');
  return (
    <form
      class="pgd-card bk-lookup"
      onSubmit={(e) => {
        e.preventDefault();
        location.assign(`/booking/${encodeURIComponent(code.trim().toUpperCase())}${location.search}`);
      }}
    >
      <h2>{props.t('lookUpTitle')}</h2>
      <input
        name="code"
        aria-label={props.t('code')}
        value={code}
        onInput={(e) => {
          setCode(e.currentTarget.value);
        }}
      />
      <button type="submit" class="bk-button bk-secondary">
        {props.t('lookUp')}
      </button>
    </form>
  );
}

/** At central: the halls taking bookings there, chosen before anything else. */
function SitePicker(props: { sites: BookingSiteView[]; lang: Lang; t: T }) {
  return (
    <section class="pgd-card">
      <h2>{props.t('site')}</h2>
      {props.sites.length === 0 && <p>{props.t('noSites')}</p>}
      <div class="bk-list">
        {props.sites.map((s) => (
          <a
            class="bk-choice"
            key={s.id}
            href={`/booking?site=${encodeURIComponent(s.id)}${props.lang === 'en' ? '&lang=en' : ''}`}
          >
            <strong>{s.name}</strong>
            <span>{s.region}</span>
          </a>
        ))}
      </div>
    </section>
  );
}

/** A hall whose bookings central takes: the citizen is sent there, with the site already chosen. */
function AtCentral(props: { options: BookingOptions; central: { url: string; siteId: string }; t: T }) {
  const target = `${props.central.url.replace(/\/$/, '')}/booking?site=${encodeURIComponent(props.central.siteId)}`;
  return (
    <section class="pgd-card">
      <p>{props.t('atCentral', { site: props.options.site.name })}</p>
      <a class="bk-button" href={target} data-testid="booking-central">
        {props.t('toCentral')}
      </a>
    </section>
  );
}

const SITE = new URLSearchParams(location.search).get('site');
if (SITE) useSite(SITE);

function BookingPage() {
  const [lang, setLang] = useState<Lang>(
    new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'id',
  );
  const [sites, setSites] = useState<BookingSiteView[] | null>(null);
  const t = useMemo(() => translator(TEXTS, lang), [lang]);
  const [options, setOptions] = useState<BookingOptions | null>(null);
  const [booking, setBooking] = useState<BookingView | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const code = codeFromPath(location.pathname);
  const reload = (c: string) => {
    void lookUp(c).then((a) => {
      if (a.ok) setBooking(a.data);
      else setMissing(a.error ? pick(a.error.message, lang) : t('failed'));
    });
  };
  const start = () => {
    void loadOptions().then((a) => {
      if (a.ok) setOptions(a.data);
      else if (a.error) setMissing(pick(a.error.message, lang));
    });
    if (code) reload(code);
  };
  useEffect(() => {
    if (SITE) {
      start();
      return;
    }
    // Central answers the sites it books for; a hall's hub has no such list and books for itself.
    void loadSites().then((a) => {
      if (a.ok) setSites(a.data);
      else start();
    });
  }, []);
  return (
    <div class="pgd bk" lang={lang}>
      <header class="pgd-top">
        <a
          class="pgd-brand"
          href={`/booking?${new URLSearchParams({ ...(SITE ? { site: SITE } : {}), ...(lang === 'en' ? { lang } : {}) }).toString()}`}
        >
          {t('title')}
        </a>
        <button
          type="button"
          class="pgd-lang"
          onClick={() => {
            setLang(lang === 'id' ? 'en' : 'id');
          }}
        >
          {lang === 'id' ? 'English' : 'Indonesia'}
        </button>
      </header>
      <main class="bk-main">
        {sites && <SitePicker sites={sites} lang={lang} t={t} />}
        {options?.central && !booking && <AtCentral options={options} central={options.central} t={t} />}
        {options && booking && (
          <Confirmation
            booking={booking}
            options={options}
            lang={lang}
            t={t}
            onChange={() => {
              reload(booking.code);
            }}
          />
        )}
        {missing && (
          <p class="pgd-error" role="alert">
            {missing}
          </p>
        )}
        {options && !options.central && !booking && !code && (
          <>
            <p class="bk-intro">{t('intro')}</p>
            <Wizard
              options={options}
              lang={lang}
              t={t}
              onBooked={(b) => {
                history.replaceState(null, '', `/booking/${b.code}${location.search}`);
                setBooking(b);
              }}
            />
            <LookUp t={t} />
          </>
        )}
      </main>
    </div>
  );
}

const root = document.getElementById('app');
if (root) render(<BookingPage />, root);
