import {
  bookableDays,
  bookableQuota,
  sessionsLeft,
  BookingRuleError,
  decideCancelBooking,
  decideMakeBooking,
  decideMoveBooking,
  type BookingFactsAt,
  type BookingRecord,
  type BookingStatus,
} from '@giliran/domain';
import {
  BookingMoveRequest,
  BookingRequest,
  SlotsQuery,
  type BookingOptions,
  type BookingSiteView,
  type BookingView,
  type SlotsView,
} from '@giliran/protocol';
import type pg from 'pg';
import { inTransaction } from '../db/transaction.ts';
import { enqueueFeedItem } from '../feed/site-feed.ts';
import { CentralError, parse, type Clock } from '../hub-shared.ts';
import { bookingSite, holidaysOf, hoursOf, rulesOf, serviceOf, type BookingSite } from './booking-terms.ts';
import { bookingView, randomBookingCode, type BookingSigner } from './hub-booking.ts';

interface BookingRow {
  code: string;
  service_id: string;
  date: string;
  session_id: string;
  start_hhmm: string;
  end_hhmm: string;
  name: string;
  phone: string;
  locale: 'id' | 'en';
  status: 'booked' | 'cancelled';
  check_in_from: string;
  check_in_until: string;
  changed_at: string;
  outcome: 'booking:checked-in' | 'booking:no-show' | null;
  outcome_at: Date | null;
}

/** A booking with what its hall did with it: a check-in or a no-show comes up in the site's synced log. */
const ROWS = `
  SELECT b.*, o.type AS outcome, o.at AS outcome_at FROM central_bookings b
  LEFT JOIN LATERAL (
    SELECT e.type, e.at FROM events e
    WHERE e.site_id = b.site_id AND e.type IN ('booking:checked-in', 'booking:no-show')
      AND e.payload->>'code' = b.code
    ORDER BY e.seq DESC LIMIT 1
  ) o ON true`;

function statusOf(row: BookingRow): BookingStatus {
  if (row.status === 'cancelled') return 'cancelled';
  if (row.outcome === 'booking:checked-in') return 'checked-in';
  return row.outcome === 'booking:no-show' ? 'no-show' : 'booked';
}

function recordOf(row: BookingRow): BookingRecord {
  return {
    code: row.code,
    serviceId: row.service_id,
    date: row.date,
    sessionId: row.session_id,
    start: row.start_hhmm,
    end: row.end_hhmm,
    name: row.name,
    phone: row.phone,
    locale: row.locale,
    status: statusOf(row),
    ticketId: null,
    checkInFrom: row.check_in_from,
    checkInUntil: row.check_in_until,
    changedAt: row.outcome_at?.toISOString() ?? row.changed_at,
  };
}

/** A refusal of the booking rules, as the wire error the hub would answer. */
function decided<T>(decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (error instanceof BookingRuleError) throw new CentralError(error.code);
    throw error;
  }
}

type Db = pg.Pool | pg.PoolClient;

/**
 * Central's online booking for the sites it knows (issue 18): the hub's decisions (`@giliran/domain`) on central's
 * own table. Each write takes the site's booking lock, so a quota and a phone's limit are judged on what is
 * committed, and writes its feed item in the same transaction: the hall gets every booking exactly when it exists.
 */
export class CentralBookings {
  constructor(
    private readonly pool: pg.Pool,
    private readonly signer: BookingSigner,
    private readonly clock: Clock,
  ) {}

  private nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }

  private async site(db: Db, siteId: string): Promise<BookingSite> {
    const site = await bookingSite(db, siteId);
    if (!site) throw new CentralError('BOOKING_SITE_UNKNOWN');
    return site;
  }

  /** The sites taking bookings here, for the page's first step. */
  async sites(): Promise<BookingSiteView[]> {
    const { rows } = await this.pool.query<BookingSiteView>(
      `SELECT s.id, coalesce(p.profile->>'name', s.name) AS name, s.region FROM site_booking_terms t
       JOIN sites s ON s.id = t.site_id AND s.disabled_at IS NULL
       JOIN site_profiles p ON p.site_id = t.site_id
       ORDER BY s.region, name, s.id`,
    );
    return rows;
  }

  async options(siteId: string): Promise<BookingOptions> {
    const site = await this.site(this.pool, siteId);
    const rules = rulesOf(site.terms);
    const now = this.nowIso();
    const services = site.services.flatMap((s) => {
      const terms = serviceOf(site, s.id);
      const told = site.terms.services.find((t) => t.id === s.id);
      if (!terms || !told) return [];
      const days = bookableDays(rules, terms, hoursOf(site, s.id), holidaysOf(site), now, site.timeZone);
      return [
        {
          id: s.id,
          agencyId: s.agencyId,
          name: s.name,
          requirements: told.requirements,
          fee: told.fee,
          duration: told.duration,
          dates: days.map((d) => d.date),
        },
      ];
    });
    const agencyIds = new Set(services.map((s) => s.agencyId));
    return {
      site: { name: site.name, timeZone: site.timeZone },
      agencies: site.agencies.filter((a) => agencyIds.has(a.id)).map((a) => ({ id: a.id, name: a.name })),
      services,
    };
  }

  async slots(siteId: string, query: unknown): Promise<SlotsView> {
    const { serviceId, date } = parse(SlotsQuery, query);
    const site = await this.site(this.pool, siteId);
    const terms = serviceOf(site, serviceId);
    if (!terms) throw new CentralError('BOOKING_NOT_OFFERED');
    const rules = rulesOf(site.terms);
    const day = bookableDays(
      rules,
      terms,
      hoursOf(site, serviceId),
      holidaysOf(site),
      this.nowIso(),
      site.timeZone,
    ).find((d) => d.date === date);
    const { rows } = await this.pool.query<{ session_id: string; n: string }>(
      `SELECT session_id, count(*) AS n FROM central_bookings
       WHERE site_id = $1 AND service_id = $2 AND date = $3 AND status = 'booked' GROUP BY session_id`,
      [siteId, serviceId, date],
    );
    const taken = new Map(rows.map((r) => [r.session_id, Number(r.n)]));
    return { sessions: sessionsLeft(day, bookableQuota(terms.capacity, rules.walkInShare), taken) };
  }

  private async row(db: Db, siteId: string, code: string): Promise<BookingRecord | null> {
    const { rows } = await db.query<BookingRow>(`${ROWS} WHERE b.site_id = $1 AND b.code = $2`, [
      siteId,
      code,
    ]);
    const row = rows[0];
    return row ? recordOf(row) : null;
  }

  /** What a decision on this slot and phone rests on, read under the site's booking lock. */
  private async facts(
    db: Db,
    site: BookingSite,
    slot: { serviceId: string; date: string; sessionId: string },
    phone: string,
    now: string,
    except = '',
  ): Promise<BookingFactsAt> {
    const taken = await db.query<{ n: string }>(
      `SELECT count(*) AS n FROM central_bookings WHERE site_id = $1 AND service_id = $2 AND date = $3
       AND session_id = $4 AND status = 'booked' AND code <> $5`,
      [site.id, slot.serviceId, slot.date, slot.sessionId, except],
    );
    const { rows } = await db.query<BookingRow>(`${ROWS} WHERE b.site_id = $1 AND b.phone = $2`, [
      site.id,
      phone,
    ]);
    const mine = rows.map(recordOf);
    return {
      rules: rulesOf(site.terms),
      service: serviceOf(site, slot.serviceId),
      hours: hoursOf(site, slot.serviceId),
      holidays: holidaysOf(site),
      timeZone: site.timeZone,
      now,
      taken: Number(taken.rows[0]?.n ?? 0),
      // A booking whose check-in closed is not open, even while its hall has not yet said it was missed.
      openForPhone: mine.filter((b) => b.status === 'booked' && b.code !== except && b.checkInUntil >= now)
        .length,
      noShowsOfPhone: mine.filter((b) => b.status === 'no-show').map((b) => b.changedAt),
    };
  }

  /** Runs `work` in a transaction holding the site's booking lock. */
  private locked<T>(siteId: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`booking:${siteId}`]);
      return work(client);
    });
  }

  async make(siteId: string, body: unknown, requestKey: string | undefined): Promise<BookingView> {
    const request = parse(BookingRequest, body);
    const code = await this.locked(siteId, async (client) => {
      if (requestKey !== undefined) {
        const held = await client.query<{ code: string }>(
          'SELECT code FROM central_bookings WHERE site_id = $1 AND request_key = $2',
          [siteId, requestKey],
        );
        if (held.rows[0]) return held.rows[0].code;
      }
      const site = await this.site(client, siteId);
      const now = this.nowIso();
      const facts = await this.facts(client, site, request, request.phone, now);
      const made = decided(() =>
        decideMakeBooking({ ...request, code: randomBookingCode(), by: 'public', origin: 'central' }, facts),
      );
      const inserted = await client.query(
        `INSERT INTO central_bookings (code, site_id, service_id, date, session_id, start_hhmm, end_hhmm, name,
           phone, locale, status, check_in_from, check_in_until, changed_at, request_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'booked', $11, $12, $13, $14)
         ON CONFLICT (code) DO NOTHING`,
        [
          made.code,
          siteId,
          made.serviceId,
          made.date,
          made.sessionId,
          made.start,
          made.end,
          made.name,
          made.phone,
          made.locale,
          made.checkInFrom,
          made.checkInUntil,
          now,
          requestKey ?? null,
        ],
      );
      // Eight characters of 31: a clash is a one-in-a-trillion; the citizen simply tries again.
      if (inserted.rowCount === 0) throw new CentralError('IDEMPOTENCY_CONFLICT');
      const payload = {
        code: made.code,
        serviceId: made.serviceId,
        date: made.date,
        sessionId: made.sessionId,
        start: made.start,
        end: made.end,
        // The hall sends the confirmation and reminders: it needs the number (the feed is the site's own).
        name: made.name,
        phone: made.phone,
        locale: made.locale,
        checkInFrom: made.checkInFrom,
        checkInUntil: made.checkInUntil,
      };
      await enqueueFeedItem(client, siteId, 'booking:made', payload, { now: new Date(now) });
      return made.code;
    });
    return this.view(siteId, code);
  }

  async view(siteId: string, code: string): Promise<BookingView> {
    const record = await this.row(this.pool, siteId, code.toUpperCase());
    if (!record) throw new CentralError('BOOKING_NOT_FOUND');
    return bookingView(
      record,
      record.status === 'booked' ? this.signer.sign({ ...record, origin: 'central' }) : null,
    );
  }

  async move(siteId: string, code: string, body: unknown): Promise<BookingView> {
    const request = parse(BookingMoveRequest, body);
    const ref = code.toUpperCase();
    await this.locked(siteId, async (client) => {
      const site = await this.site(client, siteId);
      const booking = await this.row(client, siteId, ref);
      const now = this.nowIso();
      const slot = { serviceId: booking?.serviceId ?? '', ...request };
      const facts = await this.facts(client, site, slot, booking?.phone ?? '', now, ref);
      const moved = decided(() => decideMoveBooking(booking, { ...request, by: 'public' }, facts));
      await client.query(
        `UPDATE central_bookings SET date = $3, session_id = $4, start_hhmm = $5, end_hhmm = $6,
           check_in_from = $7, check_in_until = $8, changed_at = $9 WHERE site_id = $1 AND code = $2`,
        [
          siteId,
          ref,
          moved.date,
          moved.sessionId,
          moved.start,
          moved.end,
          moved.checkInFrom,
          moved.checkInUntil,
          now,
        ],
      );
      await enqueueFeedItem(
        client,
        siteId,
        'booking:moved',
        {
          code: ref,
          serviceId: moved.serviceId,
          date: moved.date,
          sessionId: moved.sessionId,
          start: moved.start,
          end: moved.end,
          checkInFrom: moved.checkInFrom,
          checkInUntil: moved.checkInUntil,
        },
        { now: new Date(now) },
      );
    });
    return this.view(siteId, ref);
  }

  async cancel(siteId: string, code: string): Promise<BookingView> {
    const ref = code.toUpperCase();
    await this.locked(siteId, async (client) => {
      const booking = await this.row(client, siteId, ref);
      const now = this.nowIso();
      decided(() => decideCancelBooking(booking, now, 'public'));
      await client.query(
        `UPDATE central_bookings SET status = 'cancelled', changed_at = $3 WHERE site_id = $1 AND code = $2`,
        [siteId, ref, now],
      );
      await enqueueFeedItem(client, siteId, 'booking:cancelled', { code: ref }, { now: new Date(now) });
    });
    return this.view(siteId, ref);
  }
}
