import { randomInt } from 'node:crypto';
import {
  applyBookingEvent,
  bookableDays,
  bookableQuota,
  sessionsLeft,
  checkInWindow,
  decideCancelBooking,
  decideCheckIn,
  decideMakeBooking,
  decideMoveBooking,
  decideNoShows,
  formatTicketNumber,
  instantOf,
  type BookingFactsAt,
  type BookingMade,
  type BookingRecord,
  type IssueTicket,
  type PriorityCategory,
} from '@giliran/domain';
import {
  BookingMoveRequest,
  BookingRef,
  BookingRequest,
  CheckInRequest,
  SlotsQuery,
  type BookingOptions,
  type BookingView,
  type IssuedTicket,
  type SlotsView,
} from '@giliran/protocol';
import { transform } from 'receiptline';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { CommandBus } from '../commands/command-bus.ts';
import { parse } from '../commands/command-bus.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { RecordCommand } from '../commands/record-command.ts';
import type { SiteConfig } from '../config/site-config.ts';
import { centralBookingSite } from '../config/central-settings.ts';
import { HubError } from '../hub-error.ts';
import { bookingRulesOf, hoursOf, serviceBookingOf } from '../config/booking-settings.ts';
import type { BookingStore } from './booking-store.ts';
import { TOKEN_PREFIX, type BookingSigner } from './booking-token.ts';

// No 0/O, 1/I/L: read aloud at a desk and typed at the kiosk.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

export interface BookingDeps {
  readonly site: SiteConfig;
  readonly engine: QueueEngine;
  readonly bus: CommandBus;
  readonly store: BookingStore;
  readonly signer: BookingSigner;
  readonly holidays: () => { has(date: string): boolean };
}

type Make = z.output<typeof BookingRequest>;
const MoveCommand = BookingMoveRequest.extend({ code: BookingRef });
const CancelCommand = z.strictObject({ code: BookingRef });

/** A new random booking code (the caller checks it is not taken). */
export function randomBookingCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)] ?? 'A';
  return code;
}

/** Only the last three digits: a booking looked up by code must not hand out whole phone numbers. */
export function maskPhone(phone: string): string {
  return phone.length <= 3 ? '***' : `${'*'.repeat(phone.length - 3)}${phone.slice(-3)}`;
}

/** The public booking page's and the hall's side of online booking, on the hub's one write path. */
export class BookingService {
  constructor(private readonly deps: BookingDeps) {}

  private newCode(): string {
    for (;;) {
      const code = randomBookingCode();
      if (!this.deps.store.row(code)) return code;
    }
  }

  private facts(
    slot: { serviceId: string; date: string; sessionId: string },
    phone: string,
    now: string,
    except = '',
  ): BookingFactsAt {
    const { site, store } = this.deps;
    return {
      rules: bookingRulesOf(site),
      service: serviceBookingOf(site, slot.serviceId),
      hours: hoursOf(site, slot.serviceId),
      holidays: this.deps.holidays(),
      timeZone: site.timeZone,
      now,
      taken: store.taken(slot.serviceId, slot.date, slot.sessionId, except),
      openForPhone: store.openForPhone(phone, except),
      noShowsOfPhone: store.noShowsOfPhone(phone),
    };
  }

  /** The booking as its holder sees it: the QR only while it can still be used. */
  view(code: string): BookingView {
    const record = this.deps.store.record(code);
    if (!record) throw new HubError('BOOKING_NOT_FOUND');
    return bookingView(record, record.status === 'booked' ? this.tokenOf(record) : null);
  }

  private tokenOf(record: BookingRecord): string {
    return this.deps.signer.sign({ ...record, origin: this.deps.site.id });
  }

  options(): BookingOptions {
    const { site } = this.deps;
    const rules = bookingRulesOf(site);
    const now = this.deps.engine.nowIso();
    const services = site.services.flatMap((s) => {
      const terms = serviceBookingOf(site, s.id);
      if (!terms) return [];
      const days = bookableDays(rules, terms, hoursOf(site, s.id), this.deps.holidays(), now, site.timeZone);
      return [
        {
          id: s.id,
          agencyId: s.agencyId,
          name: s.name,
          requirements: s.summary?.requirements ?? [],
          fee: s.summary?.fee ?? null,
          duration: s.summary?.duration ?? null,
          dates: days.map((d) => d.date),
        },
      ];
    });
    const agencyIds = new Set(services.map((s) => s.agencyId));
    return {
      site: { name: site.name, timeZone: site.timeZone },
      ...(site.central ? { central: centralBookingSite(site.central) } : {}),
      agencies: site.agencies.filter((a) => agencyIds.has(a.id)).map((a) => ({ id: a.id, name: a.name })),
      services,
    };
  }

  slots(query: unknown): SlotsView {
    const { serviceId, date } = parse(SlotsQuery, query);
    const { site } = this.deps;
    const terms = serviceBookingOf(site, serviceId);
    if (!terms) throw new HubError('BOOKING_NOT_OFFERED');
    const rules = bookingRulesOf(site);
    const days = bookableDays(
      rules,
      terms,
      hoursOf(site, serviceId),
      this.deps.holidays(),
      this.deps.engine.nowIso(),
      site.timeZone,
    );
    const day = days.find((d) => d.date === date);
    const taken = this.deps.store.takenBySession(serviceId, date);
    return { sessions: sessionsLeft(day, bookableQuota(terms.capacity, rules.walkInShare), taken) };
  }

  /**
   * With a central server, central holds the quota: the hall taking bookings too would sell the same places twice.
   * The citizen is pointed to central's booking page; check-in of central's bookings stays here, offline.
   */
  private requireNoCentral(): void {
    const { central } = this.deps.site;
    if (!central) return;
    const { url, siteId } = centralBookingSite(central);
    throw new HubError('BOOKING_AT_CENTRAL', [{ path: 'central', message: `${url}/booking?site=${siteId}` }]);
  }

  make(body: unknown, key: string | undefined, caller: string, actor: Actor): Promise<BookingView> {
    this.requireNoCentral();
    const command: RecordCommand<Make, BookingView> = {
      name: 'booking:make',
      allowed: () => true,
      schema: BookingRequest,
      decide: (p, ctx) => {
        const code = this.newCode();
        const event = decideMakeBooking(
          { ...p, code, by: actor.id, origin: this.deps.site.id },
          this.facts(p, p.phone, ctx.now),
        );
        return { events: [event], ref: code };
      },
      answer: (code) => this.view(code),
    };
    return this.deps.bus.record(actor, command, body, key, caller);
  }

  move(
    code: string,
    body: unknown,
    key: string | undefined,
    caller: string,
    actor: Actor,
  ): Promise<BookingView> {
    this.requireNoCentral();
    const command: RecordCommand<z.output<typeof MoveCommand>, BookingView> = {
      name: 'booking:move',
      allowed: () => true,
      schema: MoveCommand,
      decide: (p, ctx) => {
        const booking = this.deps.store.record(p.code);
        const slot = { serviceId: booking?.serviceId ?? '', date: p.date, sessionId: p.sessionId };
        const event = decideMoveBooking(
          booking,
          { date: p.date, sessionId: p.sessionId, by: actor.id },
          this.facts(slot, booking?.phone ?? '', ctx.now, p.code),
        );
        return { events: [event], ref: p.code };
      },
      answer: (ref) => this.view(ref),
      sameTarget: (p, ref) => p.code === ref,
    };
    return this.deps.bus.record(actor, command, { ...asObject(body), code }, key, caller);
  }

  cancel(code: string, key: string | undefined, caller: string, actor: Actor): Promise<BookingView> {
    this.requireNoCentral();
    const command: RecordCommand<z.output<typeof CancelCommand>, BookingView> = {
      name: 'booking:cancel',
      allowed: () => true,
      schema: CancelCommand,
      decide: (p, ctx) => ({
        events: [decideCancelBooking(this.deps.store.record(p.code), ctx.now, actor.id)],
        ref: p.code,
      }),
      answer: (ref) => this.view(ref),
      sameTarget: (p, ref) => p.code === ref,
    };
    return this.deps.bus.record(actor, command, { code }, key, caller);
  }

  /**
   * A booking becomes a ticket, by its typed code or its scanned QR token. A token this hub has not heard of (taken
   * by central while the link was down) is trusted on its signature alone: the booking is recorded from it first.
   */
  checkIn(actor: Actor, ref: string, body: unknown, key: string | undefined): Promise<IssuedTicket> {
    const reference = parse(BookingRef, ref.trim());
    const { priority } = parse(CheckInRequest, body ?? {});
    return this.deps.bus.issueWith(
      actor,
      'booking:check-in',
      (ctx) => {
        const { booking, made } = this.resolve(reference, ctx.now);
        const ticketId = ctx.newId();
        const checkedIn = decideCheckIn(
          booking,
          { ticketId, number: this.nextNumber(booking?.serviceId ?? '') },
          ctx.now,
          actor.id,
          this.deps.site.timeZone,
        );
        return {
          command: this.issueCommand(actor, checkedIn, ticketId, ctx.newCode(), ctx.now, priority),
          records: [...(made ? [made] : []), checkedIn],
        };
      },
      key,
    );
  }

  private issueCommand(
    actor: Actor,
    booking: { code: string; serviceId: string; sessionId: string; date: string; start: string },
    ticketId: string,
    code: string,
    now: string,
    priority: PriorityCategory | null,
  ): IssueTicket {
    return {
      type: 'IssueTicket',
      ticketId,
      code,
      serviceId: booking.serviceId,
      priority,
      channel: actor.role === 'kiosk' ? 'kiosk' : actor.role === 'fo' ? 'fo' : 'mod',
      now,
      by: actor.id,
      booking: {
        code: booking.code,
        sessionId: booking.sessionId,
        startsAt: instantOf(booking.date, booking.start, this.deps.site.timeZone),
      },
    };
  }

  /** The number the ticket will get: decided in the same turn, so nothing is issued in between. */
  private nextNumber(serviceId: string): string {
    const { engine, site } = this.deps;
    const prefix = site.services.find((s) => s.id === serviceId)?.prefix ?? '';
    return formatTicketNumber(prefix, (engine.state.sequences.get(serviceId) ?? 0) + 1, site.numberWidth);
  }

  private resolve(ref: string, now: string): { booking: BookingRecord | null; made: BookingMade | null } {
    if (!ref.startsWith(TOKEN_PREFIX))
      return { booking: this.deps.store.record(ref.toUpperCase()), made: null };
    const claims = this.deps.signer.verify(ref, now);
    const known = this.deps.store.record(claims.code);
    if (known) return { booking: known, made: null };
    const window = checkInWindow(
      bookingRulesOf(this.deps.site),
      claims.date,
      claims,
      this.deps.site.timeZone,
    );
    const made: BookingMade = {
      type: 'booking:made',
      at: now,
      by: 'token',
      origin: claims.origin,
      code: claims.code,
      serviceId: claims.serviceId,
      date: claims.date,
      sessionId: claims.sessionId,
      start: claims.start,
      end: claims.end,
      name: claims.name,
      // The token leaves the phone number out: it is the citizen's, and the QR is shown in the hall.
      phone: '',
      locale: claims.locale,
      checkInFrom: window.from,
      checkInUntil: claims.checkInUntil,
    };
    return { booking: applyBookingEvent(undefined, made), made };
  }

  /**
   * Open bookings whose check-in closed become no-shows (the hub's start and the no-show sweeper call this);
   * answers how many were marked, a batch at most.
   */
  sweep(): number {
    const now = this.deps.engine.nowIso();
    const missed = decideNoShows(this.deps.store.missed(now), now);
    this.deps.bus.commitSystem(missed);
    return missed.length;
  }
}

/** The token's QR as an SVG, drawn by receiptline (which prints the tickets), without its web-font import. */
/** A booking as its holder sees it, at a hub or at central: the QR (and its drawing) only when given, the phone masked. */
export function bookingView(record: BookingRecord, qr: string | null): BookingView {
  return {
    code: record.code,
    qr,
    qrSvg: qr === null ? null : qrSvg(qr),
    status: record.status,
    serviceId: record.serviceId,
    date: record.date,
    session: { id: record.sessionId, start: record.start, end: record.end },
    checkInFrom: record.checkInFrom,
    checkInUntil: record.checkInUntil,
    name: record.name,
    phone: maskPhone(record.phone),
    locale: record.locale,
  };
}

export function qrSvg(token: string): string {
  return transform(`{code:${token}; option:qrcode,4,L}`, { command: 'svg', cpl: 32 }).replace(
    /<style[\s\S]*?<\/style>/,
    '',
  );
}

function asObject(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}
