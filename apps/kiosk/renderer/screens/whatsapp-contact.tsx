import { useState } from 'preact/hooks';
import type { KioskText } from '../texts.ts';

type T = (key: KioskText, vars?: Record<string, string | number>) => string;

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '⌫', '0', 'OK'] as const;
/** Longest number an Indonesian mobile has (0 + 12 digits); the hub checks the rest. */
const MAX_DIGITS = 13;

/** Groups of four, as a number is written on a card: 0812 3456 7890. */
export const groupDigits = (digits: string): string => digits.replace(/(\d{4})(?=\d)/g, '$1 ');

/** Plausible before sending: 08…, 10 to 13 digits. The hub checks it again (PHONE_INVALID). */
export const plausibleMobile = (digits: string): boolean => /^08\d{8,11}$/.test(digits);

/**
 * The optional screen after a ticket (issue 18): the citizen may type a WhatsApp number on the kiosk's own keypad
 * (a touch screen has no keyboard) to receive the ticket's link and be told when their turn is near.
 */
export function WhatsAppContact({
  number,
  t,
  onSend,
  onSkip,
}: {
  number: string;
  t: T;
  onSend: (digits: string) => Promise<string | null>;
  onSkip: () => void;
}) {
  const [digits, setDigits] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const press = (key: (typeof KEYS)[number]) => {
    setError(null);
    if (key === '⌫') setDigits(digits.slice(0, -1));
    else if (key === 'OK') submit();
    else if (digits.length < MAX_DIGITS) setDigits(digits + key);
  };
  const submit = () => {
    if (!plausibleMobile(digits)) {
      setError(t('phoneInvalid'));
      return;
    }
    setSending(true);
    void onSend(digits).then((failure) => {
      setSending(false);
      if (failure !== null) setError(failure);
    });
  };
  return (
    <section class="screen centered contact" data-screen="contact">
      <p class="status-title">{t('contactTitle', { number })}</p>
      <p class="hint">{t('contactHint')}</p>
      <output class={`phone-display${digits === '' ? ' empty' : ''}`} data-testid="phone-display">
        {digits === '' ? '08xx xxxx xxxx' : groupDigits(digits)}
      </output>
      {error !== null && (
        <p class="contact-error" role="alert">
          {error}
        </p>
      )}
      <div class="keypad" role="group" aria-label={t('contactTitle', { number })}>
        {KEYS.map((key) => (
          <button
            key={key}
            class={`key${key === 'OK' ? ' key-ok' : ''}`}
            data-key={key}
            disabled={sending}
            aria-label={key === '⌫' ? t('erase') : key === 'OK' ? t('send') : key}
            onClick={() => {
              press(key);
            }}
          >
            {key === 'OK' ? t('send') : key}
          </button>
        ))}
      </div>
      <p class="privacy-note">{t('contactPrivacy')}</p>
      <button class="skip-button" onClick={onSkip} disabled={sending}>
        {t('skip')}
      </button>
    </section>
  );
}

export function ContactSent({ to, t }: { to: string; t: T }) {
  return (
    <section class="screen centered done" data-screen="contact-sent">
      <p class="status-title">{t('contactSent')}</p>
      <p class="ticket-ahead">{to}</p>
      <p class="hint">{t('contactSentHint')}</p>
    </section>
  );
}
