import {
  formatClock,
  formatDate,
  pick,
  translator,
  HubClient,
  HubRequestError,
  listenForScans,
  type ConnectionState,
  type KioskConfig,
  type Lang,
} from '@giliran/ui';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { bridge } from './kiosk-config.ts';
import { idleTimeoutMs, kioskReducer } from './kiosk-state.ts';
import { issueTicket } from './issue-ticket.ts';
import { checkInBooking } from './check-in.ts';
import { BookingCheckIn, BookingRefused } from './screens/booking-check-in.tsx';
import { AgencyGrid } from './screens/agency-grid.tsx';
import { Done, Issuing, Message, PrintFailed } from './screens/outcome.tsx';
import { PriorityChoice } from './screens/priority-choice.tsx';
import { ServiceList } from './screens/service-list.tsx';
import { ContactSent, WhatsAppContact } from './screens/whatsapp-contact.tsx';
import { TEXTS } from './texts.ts';
import type { PriorityCategory, ServiceView, SiteView } from './wire.ts';

function useClock(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 10_000);
    return () => {
      clearInterval(timer);
    };
  }, []);
  return now;
}

/** Site and services, reloaded on every (re)connect and, throttled, on every queue event. */
function useHub(config: KioskConfig) {
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [site, setSite] = useState<SiteView | null>(null);
  const [services, setServices] = useState<ServiceView[]>([]);
  /** The hub refused this kiosk's token: an installer must fix it, retrying will not. */
  const [badToken, setBadToken] = useState(false);
  const client = useMemo(() => {
    const reload = () => {
      void Promise.all([hub.get<SiteView>('/api/site'), hub.get<ServiceView[]>('/api/services')])
        .then(([s, list]) => {
          setSite(s);
          setServices(list);
          setBadToken(false);
        })
        .catch((error: unknown) => {
          if (error instanceof HubRequestError && (error.status === 401 || error.status === 403))
            setBadToken(true);
        });
    };
    let pending: ReturnType<typeof setTimeout> | null = null;
    const hub = new HubClient({
      hubUrl: config.hubUrl,
      token: config.deviceToken,
      onConnection: setConnection,
      onResync: reload,
    });
    hub.socket.on('connect_error', (error) => {
      if (error.message === 'UNAUTHENTICATED') setBadToken(true);
    });
    hub.socket.onAny(() => {
      pending ??= setTimeout(() => {
        pending = null;
        reload();
      }, 1000);
    });
    return hub;
  }, [config]);
  useEffect(
    () => () => {
      client.close();
    },
    [client],
  );
  return { client, connection, site, services, badToken };
}

export function KioskApp({ config }: { config: KioskConfig }) {
  const [lang, setLang] = useState<Lang>(config.language);
  const t = useMemo(() => translator(TEXTS, lang), [lang]);
  const { client, connection, site, services, badToken } = useHub(config);
  const [screen, dispatch] = useReducer(kioskReducer, { name: 'agencies' });
  const [lastTouch, setLastTouch] = useState(Date.now());
  const busy = useRef(false);
  const now = useClock();

  useEffect(() => {
    const timeout = idleTimeoutMs(screen);
    if (timeout === null) return;
    const timer = setTimeout(() => {
      dispatch({ type: 'home' });
      setLang(config.language);
    }, timeout);
    return () => {
      clearTimeout(timer);
    };
  }, [screen, lastTouch, config.language]);

  const choosePriority = useCallback(
    (priority: PriorityCategory | null) => {
      if (screen.name !== 'priority' || busy.current) return;
      busy.current = true;
      dispatch({ type: 'issue', priority });
      void issueTicket(client, { ...config, language: lang }, bridge(), screen.serviceId, priority).then(
        (outcome) => {
          busy.current = false;
          if (outcome.kind === 'printed') dispatch({ type: 'printed', ticket: outcome.ticket });
          else if (outcome.kind === 'print-failed')
            dispatch({ type: 'print-failed', ticket: outcome.ticket });
          else if (outcome.kind === 'too-many') dispatch({ type: 'refused', reason: 'too-many' });
          else if (outcome.kind === 'refused') dispatch({ type: 'refused', reason: 'other' });
          else dispatch({ type: 'refused', reason: 'other' });
        },
      );
    },
    [client, config, lang, screen],
  );

  const checkIn = useCallback(
    (reference: string) => {
      if (busy.current) return;
      busy.current = true;
      dispatch({ type: 'check-in' });
      void checkInBooking(client, { ...config, language: lang }, bridge(), reference).then((outcome) => {
        busy.current = false;
        if (outcome.kind === 'printed') dispatch({ type: 'printed', ticket: outcome.ticket });
        else if (outcome.kind === 'print-failed') dispatch({ type: 'print-failed', ticket: outcome.ticket });
        else if (outcome.kind === 'booking-refused')
          dispatch({ type: 'booking-refused', message: outcome.message, late: outcome.late });
        else dispatch({ type: 'refused', reason: outcome.kind === 'too-many' ? 'too-many' : 'other' });
      });
    },
    [client, config, lang],
  );
  // The usual kiosk scanner types like a keyboard: a booking QR scanned on any screen checks in.
  useEffect(() => listenForScans(checkIn, document), [checkIn]);
  /** The number for the ticket's messages; a refusal's text, or null once saved. */
  const sendContact = useCallback(
    async (ticketId: string, phone: string): Promise<string | null> => {
      try {
        const saved = await client.post<{ to: string }>('/api/messages/contacts', {
          ticketId,
          phone,
          locale: lang,
        });
        dispatch({ type: 'contact-sent', to: saved.to });
        return null;
      } catch (error) {
        return error instanceof HubRequestError && ['PHONE_INVALID', 'VALIDATION_FAILED'].includes(error.code)
          ? t('phoneInvalid')
          : t('contactFailed');
      }
    },
    [client, lang, t],
  );

  const offline = connection !== 'online' && screen.name !== 'issuing';
  const timeZone = site?.timeZone ?? 'Asia/Jakarta';
  const service = (id: string) => services.find((s) => s.id === id);
  const serviceName = (id: string) => {
    const found = service(id);
    return found ? pick(found.name, lang) : '';
  };

  return (
    <div
      class="kiosk"
      lang={lang}
      onPointerDown={() => {
        setLastTouch(Date.now());
      }}
    >
      <header class="top-bar">
        <div class="brand">
          <span class="brand-mark">MPP</span>
          <span class="brand-name">{site?.name ?? ''}</span>
        </div>
        <div class="top-right">
          <span class="clock">
            <span class="clock-date">{formatDate(now, timeZone, lang)}</span>
            <span class="clock-time">{formatClock(now, timeZone, lang)}</span>
          </span>
          <button
            class="lang-button"
            onClick={() => {
              setLang(lang === 'id' ? 'en' : 'id');
            }}
          >
            {t('language')}
          </button>
        </div>
      </header>
      <main class="content">
        {badToken ? (
          <Message screen="bad-token" tone="offline" title={t('badTokenTitle')} body={t('badTokenBody')} />
        ) : offline || !site ? (
          <Message screen="offline" tone="offline" title={t('offlineTitle')} body={t('offlineBody')} />
        ) : screen.name === 'agencies' ? (
          <AgencyGrid
            site={site}
            services={services}
            lang={lang}
            t={t}
            onChoose={(agencyId) => {
              dispatch({ type: 'agency', agencyId });
            }}
          />
        ) : screen.name === 'services' ? (
          <ServiceList
            agencyName={pick(
              site.agencies.find((a) => a.id === screen.agencyId)?.name ?? { id: '', en: '' },
              lang,
            )}
            services={services.filter((s) => s.agency.id === screen.agencyId)}
            lang={lang}
            t={t}
            onChoose={(serviceId) => {
              dispatch({ type: 'service', serviceId });
            }}
            onBack={() => {
              dispatch({ type: 'back' });
            }}
          />
        ) : screen.name === 'priority' && service(screen.serviceId) ? (
          <PriorityChoice
            service={service(screen.serviceId) as ServiceView}
            lang={lang}
            t={t}
            onChoose={choosePriority}
            onBack={() => {
              dispatch({ type: 'back' });
            }}
          />
        ) : screen.name === 'issuing' ? (
          <Issuing t={t} />
        ) : screen.name === 'done' ? (
          <Done
            ticket={screen.ticket}
            serviceName={serviceName(screen.ticket.serviceId)}
            t={t}
            lang={lang}
            onWhatsApp={
              site.phoneMessages === true
                ? () => {
                    dispatch({ type: 'contact' });
                  }
                : undefined
            }
          />
        ) : screen.name === 'contact' ? (
          <WhatsAppContact
            number={screen.ticket.number}
            t={t}
            onSend={(digits) => sendContact(screen.ticket.id, digits)}
            onSkip={() => {
              dispatch({ type: 'home' });
            }}
          />
        ) : screen.name === 'contact-sent' ? (
          <ContactSent to={screen.to} t={t} />
        ) : screen.name === 'print-failed' ? (
          <PrintFailed
            ticket={screen.ticket}
            serviceName={serviceName(screen.ticket.serviceId)}
            t={t}
            lang={lang}
          />
        ) : screen.name === 'booking' ? (
          <BookingCheckIn t={t} onSubmit={checkIn} />
        ) : screen.name === 'booking-refused' ? (
          <BookingRefused
            title={t('bookingRefused')}
            body={pick(screen.message, lang)}
            late={screen.late}
            t={t}
            onWalkIn={() => {
              dispatch({ type: 'home' });
            }}
          />
        ) : screen.name === 'refused' ? (
          <Message
            screen="refused"
            tone="warning"
            title={screen.reason === 'too-many' ? t('tooManyTitle') : t('errorTitle')}
            body={screen.reason === 'too-many' ? t('tooManyBody') : t('errorBody')}
          />
        ) : (
          <Message screen="offline" tone="offline" title={t('offlineTitle')} body={t('offlineBody')} />
        )}
      </main>
      {screen.name === 'agencies' && !offline && site && (
        <footer class="bottom-bar">
          <button
            class="home-button booking-button"
            onClick={() => {
              dispatch({ type: 'booking' });
            }}
          >
            {t('bookingButton')}
          </button>
        </footer>
      )}
      {screen.name !== 'agencies' && screen.name !== 'issuing' && !offline && (
        <footer class="bottom-bar">
          <button
            class="home-button"
            onClick={() => {
              dispatch({ type: 'home' });
            }}
          >
            {t('home')}
          </button>
        </footer>
      )}
    </div>
  );
}
