import { formatDate, listenForScans, pick, type HubClient, type Lang } from '@giliran/ui';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { bookingOf, checkInAndPrint, issueAndPrint, type BookingSummary } from './desk-actions.ts';
import type { FoText } from './texts.ts';
import type { ServiceView } from './wire.ts';

interface Props {
  readonly hub: HubClient;
  readonly services: readonly ServiceView[];
  readonly lang: Lang;
  readonly t: (key: FoText, vars?: Record<string, string | number>) => string;
  readonly onDone: () => void;
}

type Outcome =
  | { readonly kind: 'done'; readonly ok: boolean; readonly text: string }
  | {
      readonly kind: 'refused';
      readonly text: string;
      readonly booking: BookingSummary | null;
      /** Wrong day, too early or too late: a normal ticket for the booked service is offered. */
      readonly walkIn: boolean;
    };

/**
 * Checks a booking in at the desk: the officer types the code, or a keyboard-wedge scanner types the QR (into the
 * field, or anywhere on the page as at the kiosk). Refusals say why in the hub's words; a citizen on the wrong day
 * or outside the check-in window is offered a normal ticket for the booked service.
 */
export function CheckInPanel({ hub, services, lang, t, onDone }: Props) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const busyRef = useRef(false);

  const checkIn = useCallback(
    (reference: string) => {
      if (busyRef.current || reference.trim().length < 6) return;
      busyRef.current = true;
      setBusy(true);
      setCode('');
      void checkInAndPrint(hub, reference, lang)
        .then(async (result) => {
          if (result.ok)
            setOutcome({
              kind: 'done',
              ok: result.printed,
              text: t(result.printed ? 'checkedIn' : 'checkedInNotPrinted', { number: result.number }),
            });
          else
            setOutcome({
              kind: 'refused',
              text: result.message,
              booking: await bookingOf(hub, reference),
              walkIn: result.walkIn,
            });
          onDone();
        })
        .finally(() => {
          busyRef.current = false;
          setBusy(false);
        });
    },
    [hub, lang, t, onDone],
  );
  useEffect(() => listenForScans(checkIn, document), [checkIn]);

  const serviceName = (id: string) => {
    const service = services.find((s) => s.id === id);
    return service ? pick(service.name, lang) : id;
  };
  const offered =
    outcome?.kind === 'refused' && outcome.walkIn && outcome.booking
      ? services.find((s) => s.id === outcome.booking?.serviceId)
      : undefined;
  const issueWalkIn = (serviceId: string) => {
    setBusy(true);
    void issueAndPrint(hub, serviceId, null, lang).then((result) => {
      setBusy(false);
      setOutcome(
        result.ok
          ? {
              kind: 'done',
              ok: result.printed,
              text: t(result.printed ? 'issued' : 'issuedNotPrinted', { number: result.number }),
            }
          : { kind: 'done', ok: false, text: t('failed', { message: result.message }) },
      );
      onDone();
    });
  };

  return (
    <section class="fo-card fo-check-in" aria-labelledby="fo-check-in-title">
      <h2 id="fo-check-in-title">{t('checkInTitle')}</h2>
      <p class="fo-muted">{t('checkInHint')}</p>
      <form
        class="fo-check-in-form"
        onSubmit={(e) => {
          e.preventDefault();
          checkIn(code);
        }}
      >
        <input
          class="fo-lookup fo-booking-code"
          name="booking-code"
          aria-label={t('checkInTitle')}
          placeholder={t('checkInPlaceholder')}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          value={code}
          onInput={(e) => {
            setCode(e.currentTarget.value);
          }}
        />
        <button type="submit" class="fo-btn fo-btn-primary" disabled={busy || code.trim().length < 6}>
          {t('checkInSubmit')}
        </button>
      </form>
      {outcome?.kind === 'done' && (
        <p class={outcome.ok ? 'fo-ok' : 'fo-error'} role="status" data-testid="check-in-result">
          {outcome.text}
        </p>
      )}
      {outcome?.kind === 'refused' && (
        <div class="fo-error fo-refused" role="alert" data-testid="check-in-result">
          <strong>{t('checkInRefused')}</strong> {outcome.text}
          {outcome.booking && outcome.booking.serviceId !== '' && (
            <p class="fo-booking-of">
              {t('bookingOf', {
                code: outcome.booking.code,
                service: serviceName(outcome.booking.serviceId),
                // A calendar day: read at midnight UTC, it is the same day everywhere.
                date: formatDate(`${outcome.booking.date}T00:00:00Z`, 'UTC', lang),
                start: outcome.booking.start,
                end: outcome.booking.end,
              })}
            </p>
          )}
          {offered && (
            <button
              type="button"
              class="fo-btn"
              data-action="walk-in"
              disabled={busy}
              onClick={() => {
                issueWalkIn(offered.id);
              }}
            >
              {t('walkInInstead', { service: pick(offered.name, lang) })}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
