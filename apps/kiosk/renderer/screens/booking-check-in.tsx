import { useState } from 'preact/hooks';
import type { translator } from '@giliran/ui';
import type { KioskText } from '../texts.ts';

type T = ReturnType<typeof translator<KioskText>>;

/** Typing a booking code; a scanner aimed at this screen types into the field and presses Enter itself. */
export function BookingCheckIn({ t, onSubmit }: { t: T; onSubmit: (reference: string) => void }) {
  const [code, setCode] = useState('');
  return (
    <form
      class="screen centered booking-check-in"
      data-screen="booking"
      onSubmit={(e) => {
        e.preventDefault();
        if (code.trim().length >= 6) onSubmit(code);
      }}
    >
      <p class="status-title">{t('bookingTitle')}</p>
      <p class="status-body">{t('bookingHint')}</p>
      <input
        class="booking-code-input"
        name="booking-code"
        autoFocus
        autocomplete="off"
        autocapitalize="characters"
        spellcheck={false}
        value={code}
        onInput={(e) => {
          setCode(e.currentTarget.value);
        }}
      />
      <button type="submit" class="home-button">
        {t('bookingSubmit')}
      </button>
    </form>
  );
}

/** Why the booking was refused, in the hub's words; a late citizen is sent on to a normal ticket. */
export function BookingRefused(props: {
  title: string;
  body: string;
  late: boolean;
  t: T;
  onWalkIn: () => void;
}) {
  return (
    <section class="screen centered warning" data-screen="booking-refused" role="alert">
      <p class="status-title">{props.title}</p>
      <p class="status-body">{props.body}</p>
      {props.late && (
        <button type="button" class="home-button" onClick={props.onWalkIn}>
          {props.t('walkInInstead')}
        </button>
      )}
    </section>
  );
}
