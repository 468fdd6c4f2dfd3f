import { randomUUID } from 'node:crypto';
import { addDays } from '@giliran/domain';
import type { SkmSubmitted, SkmTicketView, SubmitSkmRequest } from '@giliran/protocol';
import type { Actor } from '../auth/actor.ts';
import type { Clock } from '../clock.ts';
import type { SiteConfig } from '../config/site-config.ts';
import { RateLimiter } from '../commands/rate-limiter.ts';
import { HubError } from '../hub-error.ts';
import type { SkmStore, SkmTicketRow } from './skm-store.ts';

/** A served ticket may be surveyed on the day and the seven days after: long enough for the QR at home, short enough that old tickets lying around are useless. */
export const SURVEY_WINDOW_DAYS = 7;

/** Being served (SOP step 4 asks for the SKM at the desk) or finished. */
const SURVEYABLE = new Set(['serving', 'done']);

/** Today's number on the ticket (A012, AB0042); anything longer is the code behind the QR. */
const TICKET_NUMBER = /^[A-Z]{1,2}\d{1,6}$/i;

/**
 * Who is answering:
 * - a kiosk device (the kiosk or a counter-side tablet with a kiosk token): the citizen may type today's number,
 *   scan the ticket, or, without a ticket, choose the service; the device is in the hall, watched by staff;
 * - anyone else (the citizen's phone, from the ticket's QR): only with the ticket's code, which is unguessable and
 *   printed only on that ticket, so one ticket gives one voice and nobody can vote without having been served.
 */
export type SurveyChannel =
  { readonly kind: 'public'; readonly ip: string } | { readonly kind: 'kiosk'; readonly actor: Actor };

export interface SurveyDeps {
  readonly store: SkmStore;
  readonly site: SiteConfig;
  readonly clock: Clock;
  readonly today: () => string;
  readonly nowIso: () => string;
}

export class SkmSurvey {
  // Per public address: a citizen needs one look-up and one answer; a script guessing codes gets nowhere.
  private readonly publicLookups: RateLimiter;
  private readonly publicSubmits: RateLimiter;
  // Per kiosk: one citizen at a time, and a questionnaire takes more than a few seconds to fill in.
  private readonly kioskLookups: RateLimiter;
  private readonly kioskSubmits: RateLimiter;

  constructor(private readonly deps: SurveyDeps) {
    this.publicLookups = new RateLimiter(30, 10 * 60_000, deps.clock);
    this.publicSubmits = new RateLimiter(10, 10 * 60_000, deps.clock);
    this.kioskLookups = new RateLimiter(60, 60_000, deps.clock);
    this.kioskSubmits = new RateLimiter(10, 60_000, deps.clock);
  }

  /** The ticket as the page shows it before the questions; refuses exactly as a submission would. */
  lookUp(channel: SurveyChannel, ref: string): SkmTicketView {
    this.take(channel, 'lookup');
    const ticket = this.eligibleTicket(channel, ref);
    const service = this.deps.site.services.find((s) => s.id === ticket.service_id);
    const agency = this.deps.site.agencies.find((a) => a.id === service?.agencyId);
    return {
      number: ticket.number,
      serviceDay: ticket.service_day,
      service: {
        id: ticket.service_id,
        name: service?.name ?? { id: ticket.service_id, en: ticket.service_id },
      },
      agency: { id: agency?.id ?? '', name: agency?.name ?? { id: '', en: '' } },
    };
  }

  submit(channel: SurveyChannel, body: SubmitSkmRequest, requestKey: string | null): SkmSubmitted {
    const submittedBy = channel.kind === 'kiosk' ? channel.actor.id : 'public';
    // A retry of a submission whose answer was lost gets that answer, before any limit or refusal.
    if (requestKey !== null) {
      const earlier = this.deps.store.byRequestKey(submittedBy, requestKey);
      if (earlier)
        return this.submitted(earlier.id, earlier.submitted_at, earlier.service_id, earlier.ticket_id);
    }
    this.take(channel, 'submit');
    let ticket: SkmTicketRow | null = null;
    let serviceId: string;
    if (body.ticket !== undefined) {
      ticket = this.eligibleTicket(channel, body.ticket);
      serviceId = ticket.service_id;
    } else {
      // A survey without a ticket is a kiosk's alone: a public one would let anyone vote any number of times.
      if (channel.kind !== 'kiosk') throw new HubError('SKM_TICKET_REQUIRED');
      serviceId = body.serviceId ?? '';
    }
    const service = this.deps.site.services.find((s) => s.id === serviceId);
    if (!service) throw new HubError('SERVICE_NOT_FOUND');
    const id = randomUUID();
    const submittedAt = this.deps.nowIso();
    const stored = this.deps.store.insert({
      id,
      serviceDay: this.deps.today(),
      submittedAt,
      ticketId: ticket?.id ?? null,
      serviceId,
      agencyId: service.agencyId,
      channel: channel.kind,
      submittedBy,
      requestKey,
      answers: body.answers,
      respondent: body.respondent,
      suggestion: body.suggestion === undefined || body.suggestion === '' ? null : body.suggestion,
    });
    if (!stored) throw new HubError('SKM_ALREADY_ANSWERED');
    return { id, submittedAt, serviceId, ticketNumber: ticket?.number ?? null };
  }

  private submitted(id: string, at: string, serviceId: string, ticketId: string | null): SkmSubmitted {
    const number = ticketId === null ? null : (this.deps.store.ticketNumber(ticketId) ?? null);
    return { id, submittedAt: at, serviceId, ticketNumber: number };
  }

  private take(channel: SurveyChannel, what: 'lookup' | 'submit'): void {
    const ok =
      channel.kind === 'kiosk'
        ? (what === 'lookup' ? this.kioskLookups : this.kioskSubmits).tryTake(channel.actor.id)
        : (what === 'lookup' ? this.publicLookups : this.publicSubmits).tryTake(channel.ip);
    if (!ok) throw new HubError('SKM_RATE_LIMITED');
  }

  private eligibleTicket(channel: SurveyChannel, ref: string): SkmTicketRow {
    const today = this.deps.today();
    const looksLikeNumber = TICKET_NUMBER.test(ref);
    // A phone with only the printed number is told what the survey needs, not that the ticket does not exist.
    if (looksLikeNumber && channel.kind !== 'kiosk') throw new HubError('SKM_CODE_REQUIRED');
    const byNumber = channel.kind === 'kiosk' && looksLikeNumber;
    const ticket = byNumber
      ? this.deps.store.ticketByNumber(today, ref.toUpperCase())
      : this.deps.store.ticketByCode(ref);
    if (!ticket) throw new HubError('TICKET_NOT_FOUND');
    if (ticket.service_day < addDays(today, -SURVEY_WINDOW_DAYS)) throw new HubError('SKM_TICKET_EXPIRED');
    if (!SURVEYABLE.has(ticket.status)) throw new HubError('SKM_TICKET_NOT_SERVED');
    if (this.deps.store.answered(ticket.id)) throw new HubError('SKM_ALREADY_ANSWERED');
    return ticket;
  }
}
