import { messagesFor, type HubEvent, type QueueState, type TicketContact } from '@giliran/domain';
import { maskPhone, MessagesQuery, type MessagesView, type MessageSettingsView } from '@giliran/protocol';
import Database from 'better-sqlite3';
import { Router, type Request, type Response } from 'express';
import type { HubContext } from '../hub-context.ts';
import { STAFF_ROOM } from '../socket/socket-server.ts';
import { MANAGERS } from '../auth/roles.ts';
import { parse } from '../commands/command-bus.ts';
import type { AppendHook } from '../db/queue-store.ts';
import { HubError } from '../hub-error.ts';
import { actorOf, requireRole } from '../http/auth-middleware.ts';
import { mayEdit } from '../settings/permissions.ts';
import { contactCommand, CONTACT_ROLES, type ContactAnswer } from './contact-command.ts';
import { channelsFor } from './message-channels.ts';
import { OutboxSender } from './outbox-sender.ts';
import { OutboxStore, type OutboxRow } from './outbox-store.ts';
import { PrivacyEraser } from './privacy-eraser.ts';
import { MESSAGE_OPERATIONS } from './message-openapi.ts';
import { centralBookingSite } from '../config/central-settings.ts';

export interface Messages {
  readonly outbox: OutboxStore;
  readonly sender: OutboxSender;
  readonly eraser: PrivacyEraser;
  /** What the store calls in each appending transaction (tests append another feature's events through it). */
  readonly onAppended: AppendHook;
}

const view = (row: OutboxRow): MessagesView['messages'][number] => ({
  id: row.id,
  kind: row.kind as MessagesView['messages'][number]['kind'],
  channel: row.channel,
  to: maskPhone(row.recipient),
  status: row.status,
  attempts: row.attempts,
  createdAt: row.created_at,
  notBefore: row.not_before,
  sentAt: row.sent_at,
  lastError: row.last_error,
  ref: row.ref,
});

/** Today's contacts in memory (the policy reads them at every commit), reloaded when the day turns. */
class ContactBook {
  private day = '';
  private contacts = new Map<string, TicketContact>();
  /** Tickets already told "N orang lagi": the policy need not measure their place again. */
  readonly toldNear = new Set<string>();

  constructor(private readonly outbox: OutboxStore) {}

  of(day: string): ReadonlyMap<string, TicketContact> {
    if (day !== this.day) this.reload(day);
    return this.contacts;
  }

  reload(day: string): void {
    this.day = day;
    this.contacts = new Map(this.outbox.contactsOf(day).map((c) => [c.ticketId, c]));
    this.toldNear.clear();
    for (const ticketId of this.outbox.refsOfKind('ticket-near', day)) this.toldNear.add(ticketId);
  }

  remember(contact: TicketContact): void {
    this.contacts.set(contact.ticketId, contact);
  }
}

/**
 * Messages to citizens (issue 18), one registration (`registerMessages(ctx)`): the outbox written by the message policy inside every
 * transaction that appends events, the sender after commit, the kiosk's contact command, MOD's routes, and the
 * eraser of numbers past their keeping period.
 */
export function registerMessages(ctx: HubContext): Messages {
  ctx.openapi.add(MESSAGE_OPERATIONS);
  const { site, engine, logger } = ctx;
  const outbox = new OutboxStore(ctx.db);
  const channels = ctx.options.messageChannels ?? channelsFor(site, process.env);
  const phoneChannel = (): 'whatsapp' | 'sms' | null =>
    channels.has('whatsapp') ? 'whatsapp' : channels.has('sms') ? 'sms' : null;
  const book = new ContactBook(outbox);
  // The sender's own connection to the same file, committing without an fsync each (synchronous=NORMAL): its
  // bookkeeping never stalls the queue's loop on the disk. A process killed loses none of it (WAL); a power cut may
  // lose the last outcomes, and those messages go out once more, which the outbox allows.
  const senderDb = new Database(ctx.db.name);
  senderDb.pragma('journal_mode = WAL');
  senderDb.pragma('synchronous = NORMAL');
  senderDb.pragma('busy_timeout = 5000');
  const sender = new OutboxSender(
    new OutboxStore(senderDb),
    channels,
    ctx.clock,
    logger,
    {
      maxAttempts: site.messages.maxAttempts,
      retryBaseMs: site.messages.retryBaseSeconds * 1000,
      retryMaxMs: site.messages.retryMaxSeconds * 1000,
      concurrency: site.messages.concurrency,
    },
    (row, error) => {
      ctx.io.to(STAFF_ROOM).emit('hub:alert', {
        kind: 'message-failed',
        message: `Pesan ${row.kind} ke ${maskPhone(row.recipient)} gagal dikirim: ${error}`,
        at: new Date(ctx.clock.now()).toISOString(),
      });
    },
  );

  const serviceName = (id: string, locale: 'id' | 'en'): string =>
    site.services.find((s) => s.id === id)?.name[locale] ?? id;
  const counterName = (id: string): string => site.counters.find((c) => c.id === id)?.name ?? id;

  /** Runs inside the appending transaction: what it writes commits or rolls back with the events. */
  const decide = (events: readonly { id: number; event: HubEvent }[], state: QueueState | null): void => {
    const live = state ?? engine.state;
    const day = live.serviceDay ?? engine.serviceDay;
    if (events.some((e) => e.event.type === 'message:contact-given')) book.reload(day);
    const contacts = book.of(day);
    const now = engine.nowIso();
    let actions: ReturnType<typeof messagesFor>;
    // A fault in deciding messages must never stop the hall's commands: it is reported, the command goes on.
    try {
      actions = decideFor(events, live, contacts, now);
    } catch (error) {
      logger.error({ err: error }, 'deciding the messages of committed events failed');
      return;
    }
    if (actions.length === 0) return;
    outbox.write(actions, events[events.length - 1]?.id ?? 0, now);
    for (const action of actions)
      if (action.do === 'send' && action.message.kind === 'ticket-near')
        book.toldNear.add(action.message.ref);
    sender.nudge();
  };
  const decideFor = (
    events: readonly { id: number; event: HubEvent }[],
    live: QueueState,
    contacts: ReadonlyMap<string, TicketContact>,
    now: string,
  ) =>
    messagesFor(events, {
      now,
      siteName: site.shortName,
      timeZone: site.timeZone,
      templates: site.messages.templates,
      baseUrl: ctx.publicAddress().baseUrl,
      bookingSite: ctx.site.central ? centralBookingSite(ctx.site.central) : null,
      nearAhead: site.messages.nearAhead,
      phoneChannel: phoneChannel(),
      emailOn: channels.has('email'),
      state: live,
      config: engine.config,
      contacts,
      toldNear: book.toldNear,
      serviceName,
      counterName,
    });
  ctx.store.onAppend(decide);

  const eraser = new PrivacyEraser(outbox, ctx.clock, logger, () => ({
    keepDays: site.messages.keepContactDays,
    today: engine.serviceDay,
  }));

  const router = Router();
  const managers = requireRole(ctx.auth, MANAGERS);
  router.post(
    '/messages/contacts',
    requireRole(ctx.auth, CONTACT_ROLES),
    async (req: Request, res: Response<ContactAnswer>) => {
      const command = contactCommand({
        engine,
        outbox,
        phoneChannelOn: () => phoneChannel() !== null,
        remember: (contact) => {
          book.remember(contact);
        },
      });
      const body: unknown = req.body;
      const key =
        typeof body === 'object' &&
        body !== null &&
        'idempotencyKey' in body &&
        typeof body.idempotencyKey === 'string'
          ? body.idempotencyKey
          : undefined;
      res.status(201).json(await ctx.bus.record(actorOf(req), command, body, key));
    },
  );
  router.get('/messages', managers, (req, res: Response<MessagesView>) => {
    const query = parse(MessagesQuery, req.query);
    res.json({
      counts: outbox.counts(),
      messages: outbox.list(query.status ?? null, query.limit).map(view),
      channels: {
        whatsapp: channels.has('whatsapp'),
        sms: channels.has('sms'),
        email: channels.has('email'),
      },
    });
  });
  router.post('/messages/:id/retry', managers, (req, res: Response<{ id: number }>) => {
    const id = Number(req.params.id);
    if (!Number.isSafeInteger(id) || !outbox.retry(id, new Date(ctx.clock.now()).toISOString()))
      throw new HubError('MESSAGE_NOT_FOUND');
    logger.info({ message: id, by: actorOf(req).id }, 'failed message sent again by MOD');
    sender.nudge();
    res.json({ id });
  });
  router.get('/messages/settings', managers, (req, res: Response<MessageSettingsView>) => {
    res.json({
      templates: site.messages.templates,
      nearAhead: site.messages.nearAhead,
      keepContactDays: site.messages.keepContactDays,
      editable: mayEdit(actorOf(req).role, 'messages'),
    });
  });

  ctx.api(router);
  ctx.onStart(() => {
    book.reload(engine.serviceDay);
    eraser.start();
    sender.start();
  });
  ctx.onClose(async () => {
    eraser.stop();
    await sender.stop();
    senderDb.close();
  });
  return { outbox, sender, eraser, onAppended: decide };
}
