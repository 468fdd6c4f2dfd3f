import { pick, type Lang } from '@giliran/ui';
import { useState } from 'preact/hooks';
import type { LocalizedMessage } from '../wire.ts';
import type { T } from './t.ts';

interface Props {
  /** A kiosk device: on-screen keypad, numbers allowed, and the way in without a ticket. */
  readonly kiosk: boolean;
  /** The services' prefixes, for the keypad's letter keys. */
  readonly letters: readonly string[];
  readonly error: LocalizedMessage | null;
  readonly lang: Lang;
  readonly t: T;
  readonly onTicket: (input: string) => void;
  readonly onWithoutTicket: () => void;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function StartScreen({ kiosk, letters, error, lang, t, onTicket, onWithoutTicket }: Props) {
  const [value, setValue] = useState('');
  const type = (key: string) => {
    setValue((current) => (current + key).slice(0, 40));
  };
  return (
    <section class="screen survey-start" data-screen="start">
      <h1 class="screen-title">{t('startTitle')}</h1>
      <p class="screen-subtitle">{kiosk ? t('startKiosk') : t('startPublic')}</p>
      <form
        class="survey-ticket-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (value.trim() !== '') onTicket(value);
        }}
      >
        <label class="survey-ticket-label" for="survey-ticket">
          {kiosk ? t('ticketLabel') : t('codeLabel')}
        </label>
        <div class="survey-ticket-row">
          <input
            id="survey-ticket"
            class="survey-ticket-input"
            data-testid="ticket-input"
            value={value}
            placeholder={kiosk ? t('ticketPlaceholder') : t('codePlaceholder')}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            // A kiosk types with the keypad below or a scanner: no on-screen keyboard popping over the page.
            inputMode={kiosk ? 'none' : 'text'}
            autoFocus={kiosk}
            onInput={(event) => {
              setValue(event.currentTarget.value);
            }}
          />
          <button type="submit" class="survey-next" data-testid="ticket-next" disabled={value.trim() === ''}>
            {t('next')}
          </button>
        </div>
        {error && (
          <p class="survey-error" role="alert">
            {pick(error, lang)}
          </p>
        )}
      </form>
      {kiosk && (
        <div class="survey-keypad" aria-label={t('ticketLabel')}>
          <div class="survey-keys survey-letters">
            {letters.map((letter) => (
              <button
                type="button"
                key={letter}
                data-key={letter}
                onClick={() => {
                  type(letter);
                }}
              >
                {letter}
              </button>
            ))}
          </div>
          <div class="survey-keys survey-digits">
            {DIGITS.map((digit) => (
              <button
                type="button"
                key={digit}
                data-key={digit}
                onClick={() => {
                  type(digit);
                }}
              >
                {digit}
              </button>
            ))}
            <button
              type="button"
              class="survey-key-clear"
              data-key="clear"
              onClick={() => {
                setValue('');
              }}
            >
              {t('clear')}
            </button>
            <button
              type="button"
              data-key="0"
              onClick={() => {
                type('0');
              }}
            >
              0
            </button>
            <button
              type="button"
              class="survey-key-clear"
              data-key="backspace"
              aria-label={t('backspace')}
              onClick={() => {
                setValue((current) => current.slice(0, -1));
              }}
            >
              ⌫
            </button>
          </div>
        </div>
      )}
      {kiosk && (
        <button type="button" class="survey-no-ticket" data-testid="without-ticket" onClick={onWithoutTicket}>
          {t('withoutTicket')}
        </button>
      )}
    </section>
  );
}
