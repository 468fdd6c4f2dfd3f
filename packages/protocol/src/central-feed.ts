import { z } from 'zod';
import { VisitScheduledFeed } from './mobile.ts';

/*
 * The site feed, central → hub: what central decides for a site (later: an online booking made or cancelled, a
 * mobile unit's visit scheduled), in the order central decided it. The hub pulls it after its cursor and applies
 * each item as a command through its own bus, with the item's id as the idempotency key.
 */

/**
 * Every kind of feed item and the schema of its payload. A feature adds its kind by appending an entry here (and a
 * handler on the hub, `apps/hub/src/central/feed-kinds.ts`); the key is `resource:action`, like the log's events.
 */
const FeedBookingCode = z.string().regex(/^[A-Z2-9]{4,16}$/);
const FeedSlot = {
  serviceId: z.string().min(1).max(64),
  date: z.iso.date(),
  sessionId: z.string().regex(/^[\w-]{1,20}$/),
  start: z.string().regex(/^\d\d:\d\d$/),
  end: z.string().regex(/^\d\d:\d\d$/),
};

export const FEED_KINDS = {
  /** A connection check posted by a regional admin: the hub logs that it got it, and that log entry goes up. */
  'feed:probe': z.strictObject({
    note: z.string().trim().max(200),
  }),
  /** A mobile unit's visit scheduled at central (issue 17): the unit's laptop takes it into its schedule. */
  'visit:scheduled': VisitScheduledFeed,
  /** A booking central took for this site (central holds the quota): the hall records it as it is. */
  'booking:made': z.strictObject({
    code: FeedBookingCode,
    ...FeedSlot,
    name: z.string().max(80),
    phone: z.string().max(24),
    locale: z.enum(['id', 'en']),
    checkInFrom: z.iso.datetime(),
    checkInUntil: z.iso.datetime(),
  }),
  'booking:moved': z.strictObject({
    code: FeedBookingCode,
    ...FeedSlot,
    checkInFrom: z.iso.datetime(),
    checkInUntil: z.iso.datetime(),
  }),
  'booking:cancelled': z.strictObject({ code: FeedBookingCode }),
} as const;

export type FeedKind = keyof typeof FEED_KINDS;
export type FeedPayload<K extends FeedKind> = z.output<(typeof FEED_KINDS)[K]>;

export const isFeedKind = (kind: string): kind is FeedKind => Object.hasOwn(FEED_KINDS, kind);

/** The registry seen kind by kind: indexed with a generic kind, it gives that kind's own payload type. */
const FEED_SCHEMAS: { readonly [K in FeedKind]: z.ZodType<FeedPayload<K>> } = FEED_KINDS;

/** At most this many items in one `GET /api/central/feed`. */
export const MAX_FEED_ITEMS = 500;

/**
 * One item as it travels. `cursor` counts the site's items from 1 with no gap, in the order central committed them;
 * `id` is the item's own (a UUID), the same if central is asked to enqueue it again. The payload is checked against
 * its kind's schema by whoever reads it (`parseFeedPayload`): a hub older than central may not know a kind yet.
 */
export const FeedItem = z.strictObject({
  cursor: z.number().int().positive(),
  kind: z.string().min(3).max(64),
  id: z.uuid(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.iso.datetime({ offset: true }),
});
export type FeedItem = z.infer<typeof FeedItem>;

/** `GET /api/central/feed?after=<cursor>`: the items after the cursor, and the newest cursor central holds. */
export const FeedPage = z.strictObject({
  siteId: z.string(),
  items: z.array(FeedItem),
  head: z.number().int().min(0),
});
export type FeedPage = z.infer<typeof FeedPage>;

export const FeedQuery = z.strictObject({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_FEED_ITEMS).default(100),
});

/** A probe posted by a regional admin (`POST /api/central/sites/:id/feed/probe`). */
export const FeedProbeRequest = FEED_KINDS['feed:probe'];

/** The payload of a known kind, or the zod error saying why it does not fit. */
export function parseFeedPayload<K extends FeedKind>(
  kind: K,
  payload: unknown,
): z.ZodSafeParseResult<FeedPayload<K>> {
  const schema: z.ZodType<FeedPayload<K>> = FEED_SCHEMAS[kind];
  return schema.safeParse(payload);
}

/** `GET /api/central/feed/status` on a hub: how far it has applied what central decided for it. */
export const CentralFeedStatus = z.strictObject({
  configured: z.boolean(),
  cursor: z.number().int(),
  /** The newest cursor central said it holds at the last pull. */
  head: z.number().int(),
  applied: z.number().int(),
  refused: z.number().int(),
  lastError: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
});
export type CentralFeedStatus = z.infer<typeof CentralFeedStatus>;

export type FeedErrorCode = 'CENTRAL_FEED_KIND_UNKNOWN' | 'CENTRAL_FEED_ID_CONFLICT';

export const FEED_ERRORS: Readonly<
  Record<FeedErrorCode, { status: number; message: { id: string; en: string } }>
> = {
  CENTRAL_FEED_KIND_UNKNOWN: {
    status: 400,
    message: {
      id: 'Jenis kiriman pusat ini tidak dikenal. Perbarui Giliran di hub.',
      en: 'This kind of central feed item is not known. Update Giliran on the hub.',
    },
  },
  CENTRAL_FEED_ID_CONFLICT: {
    status: 409,
    message: {
      id: 'Kode kiriman ini sudah dipakai untuk situs atau jenis lain.',
      en: 'This feed item id is already used for another site or kind.',
    },
  },
};
