import { checkSurveyable, decideSkmAnswer, type SkmTicketFacts } from '@giliran/domain';
import { SubmitSkmRequest, type SkmSubmitted, type SkmTicketView } from '@giliran/protocol';
import { PUBLIC, type Actor } from '../auth/actor.ts';
import { publicCaller, type CommandBus } from '../commands/command-bus.ts';
import type { RecordCommand } from '../commands/record-command.ts';
import { toHubError } from '../commands/rule-errors.ts';
import type { Clock } from '../clock.ts';
import type { SiteConfig } from '../config/site-config.ts';
import { RateLimiter } from '../commands/rate-limiter.ts';
import { HubError } from '../hub-error.ts';
import type { SkmStore } from './skm-store.ts';

/** Today's number on the ticket (A012, AB0042); anything longer is the code behind the QR. */
const TICKET_NUMBER = /^[A-Z]{1,2}\d{1,6}$/i;

/**
 * Who is answering:
 * - a kiosk device (the kiosk, or a counter-side tablet with a kiosk token and a counter): the citizen types or
 *   scans the ticket's code, or, without a ticket, chooses the service; a tablet's answers are reported apart;
 * - anyone else (the citizen's phone, from the ticket's QR): only with the ticket's code.
 * A ticket's answer always needs its code, which is unguessable, printed only on that ticket and never sent to
 * officers (auth/ticket-codes.ts): one ticket gives one voice, and only the citizen holding it gives it. Today's
 * number is not enough: the officer at the desk knows it.
 */
export type SurveyChannel =
  { readonly kind: 'public'; readonly ip: string } | { readonly kind: 'kiosk'; readonly actor: Actor };

export interface SurveyDeps {
  readonly store: SkmStore;
  readonly site: SiteConfig;
  readonly clock: Clock;
  readonly today: () => string;
  readonly nowIso: () => string;
  readonly bus: CommandBus;
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
    const ticket = this.eligibleTicket(ref);
    const service = this.deps.site.services.find((s) => s.id === ticket.serviceId);
    const agency = this.deps.site.agencies.find((a) => a.id === service?.agencyId);
    return {
      number: ticket.number,
      serviceDay: ticket.serviceDay,
      service: {
        id: ticket.serviceId,
        name: service?.name ?? { id: ticket.serviceId, en: ticket.serviceId },
      },
      agency: { id: agency?.id ?? '', name: agency?.name ?? { id: '', en: '' } },
    };
  }

  /** One questionnaire through the bus: a retry with the same key gets the first answer, before any limit. */
  submit(channel: SurveyChannel, body: unknown, requestKey: string | undefined): Promise<SkmSubmitted> {
    const actor = channel.kind === 'kiosk' ? channel.actor : PUBLIC;
    const caller = channel.kind === 'kiosk' ? channel.actor.id : publicCaller(channel.ip);
    return this.deps.bus.record(actor, this.answerCommand(channel), body, requestKey, caller);
  }

  private answerCommand(channel: SurveyChannel): RecordCommand<SubmitSkmRequest, SkmSubmitted> {
    return {
      name: 'skm:answer',
      allowed: () => true,
      schema: SubmitSkmRequest,
      decide: (body, ctx) => {
        this.take(channel, 'submit');
        const ticket = body.ticket === undefined ? null : this.ticketFacts(body.ticket);
        const serviceId = ticket?.serviceId ?? body.serviceId ?? '';
        const service = this.deps.site.services.find((s) => s.id === serviceId);
        if (ticket === null && channel.kind !== 'kiosk') throw new HubError('SKM_TICKET_REQUIRED');
        if (!service) throw new HubError('SERVICE_NOT_FOUND');
        const event = decideSkmAnswer(
          {
            responseId: ctx.newId(),
            channel: channel.kind,
            by: channel.kind === 'kiosk' ? channel.actor.id : PUBLIC.id,
            ticket,
            serviceId,
            agencyId: service.agencyId,
            answers: body.answers,
            respondent: body.respondent,
            suggestion: body.suggestion ?? null,
            counterId: channel.kind === 'kiosk' ? channel.actor.counterId : null,
          },
          ctx.serviceDay,
          ctx.now,
        );
        return { events: [event], ref: event.responseId };
      },
      answer: (ref) => {
        const stored = this.deps.store.byId(ref);
        if (!stored) throw new HubError('IDEMPOTENCY_CONFLICT');
        return this.submitted(stored.id, stored.submitted_at, stored.service_id, stored.ticket_id);
      },
    };
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

  /** The ticket a survey names, by its code only: today's number is known to the officer at the desk. */
  private ticketFacts(ref: string): SkmTicketFacts {
    // The printed number typed at any device: the caller is told what the survey needs, not "no such ticket".
    if (TICKET_NUMBER.test(ref.trim())) throw new HubError('SKM_CODE_REQUIRED');
    // Typed on a keypad or read off the printout as `ABCDE-FGHJK`: the code, whatever the grouping and case.
    const ticket = this.deps.store.ticketByCode(ref.replace(/[\s-]/g, '').toUpperCase());
    if (!ticket) throw new HubError('TICKET_NOT_FOUND');
    return {
      id: ticket.id,
      number: ticket.number,
      serviceDay: ticket.service_day,
      serviceId: ticket.service_id,
      status: ticket.status,
      answered: this.deps.store.answered(ticket.id),
    };
  }

  private eligibleTicket(ref: string): SkmTicketFacts {
    const ticket = this.ticketFacts(ref);
    toHubError(() => {
      checkSurveyable(ticket, this.deps.today());
    });
    return ticket;
  }
}
