import { frontOfLine } from './call-order.ts';
import type { QueueConfig } from './config.ts';
import { parseClock } from './local-time.ts';
import { localInstant } from './report-chain-timing.ts';
import {
  MESSAGE_SUBJECTS,
  renderTemplate,
  type MessageKind,
  type MessagePlaceholder,
  type MessageTemplates,
} from './message-templates.ts';
import type { QueueState, TicketState } from './state.ts';

/*
 * The message policy (issue 18): which messages a batch of committed events causes. Pure: the hub runs it inside the
 * transaction that appends the events and writes what it decides into the outbox there, so a message exists exactly
 * when the command that causes it does. Sending is the outbox sender's business, after the commit.
 */

export type MessageChannel = 'whatsapp' | 'sms' | 'email';
export type MessageLocale = 'id' | 'en';

/** A booking event as the booking feature logs it (`booking:made`, `:moved`, `:cancelled`, `:checked-in`, `:no-show`). */
export interface BookingFacts {
  readonly code: string;
  readonly serviceId: string;
  readonly date: string;
  readonly sessionId: string;
  readonly start: string;
  readonly end: string;
  readonly name: string;
  readonly phone: string | null;
  readonly email: string | null;
  readonly locale: MessageLocale;
}

/** The number a citizen typed at the kiosk after their ticket (kept outside the log: it is erased after the visit). */
export interface TicketContact {
  readonly ticketId: string;
  readonly address: string;
  readonly locale: MessageLocale;
}

export interface OutgoingMessage {
  /** Unique in the outbox: the same decision twice is one message. */
  readonly key: string;
  readonly kind: MessageKind;
  readonly channel: MessageChannel;
  readonly to: string;
  readonly locale: MessageLocale;
  readonly subject: string | null;
  readonly body: string;
  /** The booking code or ticket id it is about: what a withdrawal names. */
  readonly ref: string;
  /** The day of the visit, from which its personal data's keeping period counts. */
  readonly visitDay: string;
  /** Not sent before this instant (reminders). */
  readonly notBefore: string;
  /** The values the text was filled with: a WhatsApp template's parameters. */
  readonly values: Readonly<Partial<Record<MessagePlaceholder, string>>>;
}

/** Write this message, or withdraw every unsent message about `ref` (a booking moved, cancelled or checked in). */
export type MessageAction =
  | { readonly do: 'send'; readonly message: OutgoingMessage }
  | { readonly do: 'withdraw'; readonly ref: string; readonly kinds: readonly MessageKind[] };

export interface MessagePolicyInput {
  readonly now: string;
  readonly siteName: string;
  readonly timeZone: string;
  readonly templates: MessageTemplates;
  /** The address phones reach (`PUBLIC_URL`); links are left out without it. */
  readonly baseUrl: string | null;
  /**
   * Where bookings are looked up when another server took them (the region's central server): the booking's link
   * is `<url>/booking/<code>?site=<siteId>` there, since a hall's hub is often not reachable from a phone.
   */
  readonly bookingSite?: { readonly url: string; readonly siteId: string } | null;
  /** "N orang lagi sebelum Anda" when this many or fewer wait ahead; 0 sends none. */
  readonly nearAhead: number;
  /** The channel for a phone number: WhatsApp when configured, else SMS, else none. */
  readonly phoneChannel: 'whatsapp' | 'sms' | null;
  readonly emailOn: boolean;
  readonly state: QueueState;
  readonly config: Pick<QueueConfig, 'counters'>;
  /** Today's tickets whose citizen left a number. */
  readonly contacts: ReadonlyMap<string, TicketContact>;
  /** Tickets already told their turn is near: not looked at again (the outbox would skip them anyway). */
  readonly toldNear?: ReadonlySet<string>;
  readonly serviceName: (serviceId: string, locale: MessageLocale) => string;
  readonly counterName: (counterId: string) => string;
}

export interface LoggedEvent {
  readonly id: number;
  readonly event: { readonly type: string };
}

const REMINDERS: readonly { kind: MessageKind; minutesBefore: number }[] = [
  { kind: 'booking-reminder-day', minutesBefore: 24 * 60 },
  { kind: 'booking-reminder-hour', minutesBefore: 60 },
];
const REMINDER_KINDS: readonly MessageKind[] = REMINDERS.map((r) => r.kind);
const BOOKING_KINDS: readonly MessageKind[] = [
  ...REMINDER_KINDS,
  'booking-confirmed',
  'booking-moved',
  'booking-cancelled',
];

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The booking fields of an event of another feature, or null when it lacks one the messages need. */
export function bookingFacts(event: object): BookingFacts | null {
  const e = event as Readonly<Record<string, unknown>>;
  const code = text(e.code);
  const serviceId = text(e.serviceId);
  const date = text(e.date);
  const start = text(e.start);
  const end = text(e.end);
  if (code === null || serviceId === null || date === null || start === null || end === null) return null;
  return {
    code,
    serviceId,
    date,
    sessionId: text(e.sessionId) ?? '',
    start,
    end,
    name: text(e.name) ?? '',
    phone: text(e.phone),
    email: text(e.email),
    locale: e.locale === 'en' ? 'en' : 'id',
  };
}

function addresses(
  input: MessagePolicyInput,
  phone: string | null,
  email: string | null,
): [MessageChannel, string][] {
  const to: [MessageChannel, string][] = [];
  if (phone !== null && input.phoneChannel !== null) to.push([input.phoneChannel, phone]);
  if (email !== null && input.emailOn) to.push(['email', email]);
  return to;
}

interface Draft {
  readonly key: string;
  readonly kind: MessageKind;
  readonly locale: MessageLocale;
  readonly ref: string;
  readonly visitDay: string;
  readonly notBefore: string;
  readonly values: Partial<Record<MessagePlaceholder, string | number>>;
}

function render(input: MessagePolicyInput, draft: Draft, channel: MessageChannel, to: string): MessageAction {
  const values = { site: input.siteName, ...draft.values };
  return {
    do: 'send',
    message: {
      key: `${draft.key}:${channel}`,
      kind: draft.kind,
      channel,
      to,
      locale: draft.locale,
      subject:
        channel === 'email' ? renderTemplate(MESSAGE_SUBJECTS[draft.kind][draft.locale], values) : null,
      body: renderTemplate(input.templates[draft.kind][draft.locale], values),
      ref: draft.ref,
      visitDay: draft.visitDay,
      notBefore: draft.notBefore,
      values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])),
    },
  };
}

const link = (input: MessagePolicyInput, path: string): string =>
  input.baseUrl === null ? '' : `${input.baseUrl.replace(/\/$/, '')}${path}`;

/** The page a booking is looked up on, by its code. */
export const bookingPath = (code: string): string => `/booking/${encodeURIComponent(code)}`;

function bookingLink(input: MessagePolicyInput, code: string): string {
  const central = input.bookingSite;
  if (!central) return link(input, bookingPath(code));
  return `${central.url.replace(/\/$/, '')}${bookingPath(code)}?site=${encodeURIComponent(central.siteId)}`;
}

function bookingActions(
  input: MessagePolicyInput,
  logged: LoggedEvent,
  booking: BookingFacts,
): MessageAction[] {
  const type = logged.event.type;
  const to = addresses(input, booking.phone, booking.email);
  const draft = (kind: MessageKind, notBefore = input.now): Draft => ({
    key: `e${String(logged.id)}:${kind}`,
    kind,
    locale: booking.locale,
    ref: booking.code,
    visitDay: booking.date,
    notBefore,
    values: {
      code: booking.code,
      link: bookingLink(input, booking.code),
      name: booking.name,
      service: input.serviceName(booking.serviceId, booking.locale),
      date: booking.date,
      start: booking.start,
      end: booking.end,
    },
  });
  const drafts: Draft[] = [];
  if (type === 'booking:made') drafts.push(draft('booking-confirmed'));
  if (type === 'booking:moved') drafts.push(draft('booking-moved'));
  if (type === 'booking:cancelled') drafts.push(draft('booking-cancelled'));
  if (type === 'booking:made' || type === 'booking:moved') {
    const startsAt = Date.parse(localInstant(booking.date, parseClock(booking.start), input.timeZone));
    for (const reminder of REMINDERS) {
      const at = startsAt - reminder.minutesBefore * 60_000;
      // A booking made the evening before gets no "tomorrow" reminder: its confirmation came just now.
      if (at > Date.parse(input.now)) drafts.push(draft(reminder.kind, new Date(at).toISOString()));
    }
  }
  const sends = drafts.flatMap((d) => to.map(([channel, address]) => render(input, d, channel, address)));
  // Whatever the booking became, what was planned for its old slot is no longer true.
  return type === 'booking:made'
    ? sends
    : [
        {
          do: 'withdraw',
          ref: booking.code,
          kinds: type === 'booking:cancelled' ? BOOKING_KINDS : REMINDER_KINDS,
        },
        ...sends,
      ];
}

function ticketDraft(
  input: MessagePolicyInput,
  ticket: TicketState,
  contact: TicketContact,
  kind: MessageKind,
  key: string,
  values: Partial<Record<MessagePlaceholder, string | number>>,
): MessageAction[] {
  if (input.phoneChannel === null) return [];
  const draft: Draft = {
    key: `ticket:${ticket.id}:${key}`,
    kind,
    locale: contact.locale,
    ref: ticket.id,
    visitDay: ticket.serviceDay,
    notBefore: input.now,
    values: {
      number: ticket.number,
      service: input.serviceName(ticket.serviceId, contact.locale),
      link: link(input, `/t/${ticket.code}`),
      ...values,
    },
  };
  return [render(input, draft, input.phoneChannel, contact.address)];
}

function ticketActions(input: MessagePolicyInput, event: Readonly<Record<string, unknown>>): MessageAction[] {
  const ticketId = text(event.ticketId);
  const contact = ticketId === null ? undefined : input.contacts.get(ticketId);
  const ticket = ticketId === null ? undefined : input.state.tickets.get(ticketId);
  if (!contact || !ticket) return [];
  switch (event.type) {
    case 'message:contact-given':
      return ticketDraft(input, ticket, contact, 'ticket-link', 'link', {});
    case 'ticket:called': {
      const counterId = text(event.counterId) ?? '';
      const counter = input.counterName(counterId);
      return ticketDraft(input, ticket, contact, 'ticket-called', `called:${counterId}`, { counter });
    }
    case 'ticket:finished':
      return event.outcome === 'completed'
        ? ticketDraft(input, ticket, contact, 'ticket-survey', 'survey', {
            link: link(input, `/survey?ticket=${encodeURIComponent(ticket.code)}`),
          })
        : [];
    default:
      return [];
  }
}

/** "N orang lagi": once per ticket, the first time no more than `nearAhead` wait before it. */
function nearActions(input: MessagePolicyInput): MessageAction[] {
  if (input.nearAhead <= 0) return [];
  const actions: MessageAction[] = [];
  // Each line's front is sorted once per batch, however many of its tickets have a number.
  const fronts = new Map<string, Map<string, number>>();
  for (const contact of input.contacts.values()) {
    if (input.toldNear?.has(contact.ticketId)) continue;
    const ticket = input.state.tickets.get(contact.ticketId);
    if (ticket?.status !== 'waiting') continue;
    let front = fronts.get(ticket.serviceId);
    if (!front) {
      front = frontOfLine(input.state, input.config, ticket.serviceId, input.nearAhead + 1);
      fronts.set(ticket.serviceId, front);
    }
    const ahead = front.get(ticket.id);
    if (ahead !== undefined && ahead > 0)
      actions.push(...ticketDraft(input, ticket, contact, 'ticket-near', 'near', { ahead }));
  }
  return actions;
}

/** Events that can change who waits before a ticket. */
const MOVES_THE_LINE = new Set(['ticket:called', 'ticket:cancelled', 'ticket:transferred', 'ticket:no-show']);

/**
 * The messages a batch of committed events causes, in order. A key already in the outbox is skipped there, so the
 * same decision (a ticket still near after the next call) never sends twice.
 */
export function messagesFor(events: readonly LoggedEvent[], input: MessagePolicyInput): MessageAction[] {
  const actions: MessageAction[] = [];
  let lineMoved = false;
  for (const logged of events) {
    const event = logged.event as Readonly<Record<string, unknown>> & { readonly type: string };
    if (event.type.startsWith('booking:')) {
      const booking = bookingFacts(event);
      if (booking) actions.push(...bookingActions(input, logged, booking));
      continue;
    }
    if (input.contacts.size === 0) continue;
    actions.push(...ticketActions(input, event));
    if (MOVES_THE_LINE.has(event.type)) lineMoved = true;
  }
  if (lineMoved) actions.push(...nearActions(input));
  return actions;
}
