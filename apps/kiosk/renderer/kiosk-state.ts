import type { Localized } from '@giliran/ui';
import type { IssuedTicket, PriorityCategory } from './wire.ts';

export type Screen =
  | { readonly name: 'agencies' }
  | { readonly name: 'services'; readonly agencyId: string }
  | { readonly name: 'priority'; readonly agencyId: string; readonly serviceId: string }
  | { readonly name: 'issuing'; readonly serviceId: string }
  | { readonly name: 'done'; readonly ticket: IssuedTicket }
  | { readonly name: 'print-failed'; readonly ticket: IssuedTicket }
  | { readonly name: 'refused'; readonly reason: 'too-many' | 'other' }
  /** Typing a booking code (a scanner types its QR here too, then Enter). */
  | { readonly name: 'booking' }
  /** A booking the hub would not check in: its reason, and whether a normal ticket is the way on (late). */
  | { readonly name: 'booking-refused'; readonly message: Localized; readonly late: boolean }
  | { readonly name: 'contact'; readonly ticket: IssuedTicket }
  | { readonly name: 'contact-sent'; readonly to: string };

export type KioskAction =
  | { readonly type: 'home' }
  | { readonly type: 'back' }
  | { readonly type: 'agency'; readonly agencyId: string }
  | { readonly type: 'service'; readonly serviceId: string }
  | { readonly type: 'issue'; readonly priority: PriorityCategory | null }
  | { readonly type: 'printed'; readonly ticket: IssuedTicket }
  | { readonly type: 'print-failed'; readonly ticket: IssuedTicket }
  | { readonly type: 'refused'; readonly reason: 'too-many' | 'other' }
  | { readonly type: 'booking' }
  | { readonly type: 'check-in' }
  | { readonly type: 'booking-refused'; readonly message: Localized; readonly late: boolean }
  | { readonly type: 'contact' }
  | { readonly type: 'contact-sent'; readonly to: string };

/** The kiosk's screens as a small state machine: a second tap while a ticket is being issued changes nothing. */
export function kioskReducer(screen: Screen, action: KioskAction): Screen {
  switch (action.type) {
    case 'home':
      return screen.name === 'issuing' ? screen : { name: 'agencies' };
    case 'back':
      if (screen.name === 'priority') return { name: 'services', agencyId: screen.agencyId };
      return screen.name === 'services' ? { name: 'agencies' } : screen;
    case 'agency':
      return screen.name === 'agencies' ? { name: 'services', agencyId: action.agencyId } : screen;
    case 'service':
      return screen.name === 'services'
        ? { name: 'priority', agencyId: screen.agencyId, serviceId: action.serviceId }
        : screen;
    case 'issue':
      return screen.name === 'priority' ? { name: 'issuing', serviceId: screen.serviceId } : screen;
    case 'printed':
      return screen.name === 'issuing' ? { name: 'done', ticket: action.ticket } : screen;
    case 'print-failed':
      return screen.name === 'issuing' ? { name: 'print-failed', ticket: action.ticket } : screen;
    case 'refused':
      return screen.name === 'issuing' ? { name: 'refused', reason: action.reason } : screen;
    case 'booking':
      return screen.name === 'issuing' ? screen : { name: 'booking' };
    case 'check-in':
      // A scan works from any screen but one already issuing.
      return screen.name === 'issuing' ? screen : { name: 'issuing', serviceId: '' };
    case 'booking-refused':
      return screen.name === 'issuing'
        ? { name: 'booking-refused', message: action.message, late: action.late }
        : screen;
    case 'contact':
      return screen.name === 'done' ? { name: 'contact', ticket: screen.ticket } : screen;
    case 'contact-sent':
      return screen.name === 'contact' ? { name: 'contact-sent', to: action.to } : screen;
  }
}

/** How long each screen stays before the kiosk returns home by itself. */
export function idleTimeoutMs(screen: Screen): number | null {
  switch (screen.name) {
    case 'agencies':
    case 'issuing':
      return null;
    case 'done':
    case 'contact-sent':
      return 8_000;
    case 'contact':
      return 60_000;
    case 'refused':
    case 'booking-refused':
      return 10_000;
    case 'print-failed':
      return 60_000;
    default:
      return 30_000;
  }
}
