import {
  DEFAULT_SOP_STANDARDS,
  fitStandardsToTotal,
  OFFICER_CONSEQUENCES,
  reportChainStandardsFrom,
  type QueueConfig,
  type SopStep,
} from '@giliran/domain';
import { z } from 'zod';
import { BackupSettings } from './backup-settings.ts';
import { readJsonFile } from './json-file.ts';
import { PinHash } from './pin-hash.ts';
import { CentralSettings } from './central-settings.ts';
import { BookingSettings } from './booking-settings.ts';
import { MessageSettings } from './message-settings.ts';
import { MobileSettings } from './mobile-settings.ts';

const Localized = z.object({ id: z.string().min(1), en: z.string().min(1) });
const Clock = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/);
const Window = z.object({ open: Clock, close: Clock });
const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
const Hours = z.partialRecord(Weekday, z.array(Window));
const Step = z.enum(['1', '2', '3', '4', '5', '6', '7', '8']);
/** The site's table also holds the end-of-day report chain, steps 9–13; a service overrides only 1–8. */
const SiteStep = z.enum([...Step.options, '9', '10', '11', '12', '13']);
const Minutes = z
  .number()
  .positive()
  .max(24 * 60);
const Standards = z.partialRecord(Step, Minutes);
const Consequence = z.enum(OFFICER_CONSEQUENCES);
const ManualRule = z.object({ remedy: Localized, officerConsequence: Consequence });

export const Printer = z.object({
  /**
   * `tcp://host:9100`, a device file such as `/dev/usb/lp0`, or `spool:<folder>` (each ticket written there as
   * printer bytes and a PNG; relative to DATA_DIR): the demo's printer, or a print spooler's folder.
   */
  interface: z.string().regex(/^(tcp:\/\/[\w.-]+:\d{1,5}|\/[\w./-]+|spool:(?!.*\.\.)[\w./-]+)$/),
  paperWidth: z.union([z.literal(58), z.literal(80)]).default(80),
});

const ServiceSummary = z.object({
  requirements: z.array(Localized).default([]),
  fee: Localized,
  duration: Localized,
});

export const SiteConfigSchema = z.object({
  id: z.string().min(1),
  demo: z.boolean().default(false),
  name: z.string().min(1),
  shortName: z.string().min(1),
  /** The day the site opened (YYYY-MM-DD): no date field may name a day before it. */
  openedOn: z.iso.date().optional(),
  timeZone: z.enum(['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura']),
  numberWidth: z.number().int().min(1).max(6).default(3),
  openingHours: Hours,
  sopStandards: z.partialRecord(SiteStep, Minutes).default({}),
  /** The site's own names of its SOP steps (1–13), shown at the counter and in reports; the seed's by default. */
  sopStepNames: z.partialRecord(SiteStep, Localized).default({}),
  priorityRatio: z
    .object({ priority: z.number().int().min(1), regular: z.number().int().min(1) })
    .nullable()
    .default(null),
  noShowAfterRecalls: z.number().int().min(0).max(10).default(1),
  warningRatio: z.number().gt(0).lt(1).default(0.8),
  callAnswerMinutes: Minutes.default(2),
  agencies: z
    .array(
      z.object({
        id: z.string().min(1),
        name: Localized,
        shortName: z.string().min(1).max(10).optional(),
        /** Retired from the screens: no longer offered; kept for its past tickets and reports. */
        retired: z.boolean().optional(),
      }),
    )
    .min(1),
  services: z
    .array(
      z.object({
        id: z.string().min(1),
        agencyId: z.string().min(1),
        prefix: z.string().regex(/^[A-Z]{1,2}$/),
        name: Localized,
        summary: ServiceSummary.optional(),
        /**
         * The service's own Standar Pelayanan for steps 1–8 in total (e.g. 15 minutes for a letter): what its
         * tickets are timed against. Steps it does not set in `sopStandards` share the rest in proportion.
         */
        standardMinutes: Minutes.optional(),
        sopStandards: Standards.optional(),
        openingHours: Hours.optional(),
        /** Takes no new tickets; today's keep their number and are served as usual. */
        retired: z.boolean().optional(),
      }),
    )
    .min(1),
  counters: z
    .array(
      z.object({
        id: z.string().min(1),
        name: z.string().min(1),
        serviceIds: z.array(z.string()).min(1),
        /** Out of the hall: not opened, not listed; its name stays in the reports of its days. */
        retired: z.boolean().optional(),
      }),
    )
    .min(1),
  compensation: z.object({
    lateService: z.array(z.object({ minutesLate: z.number().min(0), remedy: Localized })).min(1),
    manual: z.object({
      fee_mismatch: ManualRule,
      complaint_late: ManualRule,
      officer_incompetent: ManualRule,
      sop_not_followed: ManualRule,
      wrong_product: ManualRule,
    }),
  }),
  accounts: z.array(
    z.object({
      username: z.string().min(1),
      name: z.string().min(1),
      role: z.enum(['officer', 'fo', 'mod', 'coordinator', 'admin', 'sekdis', 'kadis']),
      pinHash: PinHash,
      counterIds: z.array(z.string()).default([]),
    }),
  ),
  devices: z.array(
    z.object({
      id: z.string().min(1),
      role: z.enum(['kiosk', 'display']),
      tokenSha256: z.string().regex(/^[0-9a-f]{64}$/),
      /** The printer the hub drives for a browser-only kiosk (an Electron kiosk prints itself). */
      printer: Printer.optional(),
      /** A kiosk-role tablet standing at this counter: its SKM answers are reported apart from the citizens' own. */
      counterId: z.string().min(1).optional(),
    }),
  ),
  /** Printers FO/MOD may reprint on, by id. */
  printers: z.array(Printer.extend({ id: z.string().min(1), name: z.string().min(1) })).default([]),
  /** Base address printed in the ticket's QR code, e.g. http://192.168.10.2:8080; defaults to the hub's own. */
  publicUrl: z.url().optional(),
  /**
   * HTTPS on the hall network: PEM files of the hub's certificate and key (README, "HTTPS on the hall network").
   * Relative paths are read from the hub's working folder. Left out, the hub serves plain HTTP (the demo).
   */
  https: z.object({ certFile: z.string().min(1), keyFile: z.string().min(1) }).optional(),
  /** Other web origins allowed to call the hub from a browser (CORS); its own pages never need one. */
  allowedOrigins: z.array(z.url()).default([]),
  display: z
    .object({
      runningText: z.string().max(500).default(''),
      media: z.array(z.object({ type: z.enum(['image', 'video']), url: z.string().min(1) })).default([]),
      announcement: z
        .object({
          style: z.enum(['words', 'digits']).default('words'),
          english: z.boolean().default(false),
        })
        .prefault({}),
      /** Speech engines in the order to try; a missing one falls back to the next. */
      speechEngines: z
        .array(z.enum(['say', 'espeak', 'clips']))
        .min(1)
        .default(['say', 'espeak', 'clips']),
      /** Whether the TV says why a counter is paused (istirahat, sholat…) or only that it is. */
      showPauseReason: z.boolean().default(true),
      /** Folder of recorded clips (`<token>.wav`); the default set is generated from espeak-ng. */
      clipsFolder: z.string().optional(),
    })
    .prefault({}),
  /** Protection against a child tapping the kiosk 50 times. */
  kioskMaxTicketsPerMinute: z.number().int().min(1).max(10_000).default(10),
  /** Online backups of the database: folder, schedule (off by default) and how many to keep. */
  backup: BackupSettings,
  /**
   * Shortest PIN accepted at sign-in, account creation and PIN reset. At least 6 on a real site (checked at start,
   * see assertSafePins); the demo keeps its published 4-digit PIN.
   */
  minPinLength: z.number().int().min(4).max(12).default(6),
  /** Sign-in attempts one network address may make per minute, whatever the usernames. */
  loginsPerMinutePerAddress: z.number().int().min(1).max(10_000).default(30),
  /** Leading zero bits of the public complaint form's proof of work (0: none); 16 is about a second on a phone. */
  complaintProofOfWorkBits: z.number().int().min(0).max(24).default(16),
  /**
   * The printed reports' letterhead (kop surat): a PNG or JPEG logo (path relative to the hub's working folder), the
   * town written before the signing date, and up to four lines under the site's name (address, telephone).
   */
  letterhead: z
    .object({
      logoFile: z.string().min(1).optional(),
      city: z.string().min(1).max(60).optional(),
      lines: z.array(z.string().min(1).max(200)).max(4).default([]),
    })
    .prefault({}),
  /** The region's central server this hub pushes its log to (`npm start` without it: an island, as before). */
  central: CentralSettings,
  /** Online booking: sessions, quotas, check-in and the call rule (config/booking-settings.ts). */
  booking: BookingSettings,
  /** Messages to citizens (WhatsApp, SMS, e-mail): channels, texts, retries, privacy (config/message-settings.ts). */
  messages: MessageSettings,
  /**
   * `mobile`: the hub runs on a mobile service unit's laptop (pelayanan keliling, docs/domain/mobile-unit.md), with
   * its small catalogue, the coordinator's page at `/mobile`, and no printer needed.
   */
  kind: z.enum(['hall', 'mobile']).default('hall'),
  mobile: MobileSettings,
});

export type SiteConfig = z.infer<typeof SiteConfigSchema>;

/** Cross-references a schema cannot see: every id a record points at must exist, prefixes must be unique. */
export function checkReferences(site: SiteConfig): string[] {
  const problems: string[] = [];
  const agencies = new Set(site.agencies.map((a) => a.id));
  const services = new Set(site.services.map((s) => s.id));
  const counters = new Set(site.counters.map((c) => c.id));
  const prefixes = new Set<string>();
  for (const s of site.services) {
    if (!agencies.has(s.agencyId)) problems.push(`service ${s.id}: unknown agency ${s.agencyId}`);
    if (prefixes.has(s.prefix)) problems.push(`service ${s.id}: prefix ${s.prefix} used twice`);
    prefixes.add(s.prefix);
  }
  for (const c of site.counters)
    for (const id of c.serviceIds)
      if (!services.has(id)) problems.push(`counter ${c.id}: unknown service ${id}`);
  for (const a of site.accounts)
    for (const id of a.counterIds)
      if (!counters.has(id)) problems.push(`account ${a.username}: unknown counter ${id}`);
  problems.push(...serviceStandardProblems(site));
  for (const d of site.devices)
    if (d.counterId !== undefined && !counters.has(d.counterId))
      problems.push(`device ${d.id}: unknown counter ${d.counterId}`);
  if (services.size !== site.services.length) problems.push('service ids must be unique');
  if (counters.size !== site.counters.length) problems.push('counter ids must be unique');
  return problems;
}

export function parseSiteConfig(raw: unknown, source = 'site config'): SiteConfig {
  const parsed = SiteConfigSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${source} is invalid:\n${z.prettifyError(parsed.error)}`);
  const problems = checkReferences(parsed.data);
  if (problems.length > 0) throw new Error(`${source} is inconsistent:\n- ${problems.join('\n- ')}`);
  return parsed.data;
}

export function loadSiteConfig(path: string): SiteConfig {
  return parseSiteConfig(readJsonFile(path), path);
}

function standards(partial: Partial<Record<string, number>>): QueueConfig['sopStandards'] {
  const merged = { ...DEFAULT_SOP_STANDARDS };
  for (const [step, minutes] of Object.entries(partial))
    if (minutes !== undefined && step in merged) merged[Number(step) as 1] = minutes;
  return merged;
}

type SiteService = SiteConfig['services'][number];

function serviceOverrides(service: SiteService): Partial<Record<SopStep, number>> {
  return Object.fromEntries(Object.entries(service.sopStandards ?? {}).map(([k, v]) => [Number(k), v]));
}

/** The steps' standards the service is timed against: its total fitted over the steps, or its own overrides. */
function serviceStandards(
  site: SiteConfig,
  service: SiteService,
): Partial<Record<SopStep, number>> | undefined {
  const overrides = serviceOverrides(service);
  if (service.standardMinutes !== undefined) {
    const fitted = fitStandardsToTotal(standards(site.sopStandards), overrides, service.standardMinutes);
    if (fitted) return fitted;
  }
  return service.sopStandards ? overrides : undefined;
}

/** Minutes a published duration states ("15 menit", "15 minutes"), or null for "4 hari kerja" and the like. */
function statedMinutes(text: string | undefined): number | null {
  const minutes = /^\s*(\d+(?:[.,]\d+)?)\s*(menit|minutes?)\s*$/i.exec(text ?? '')?.[1];
  return minutes === undefined ? null : Number(minutes.replace(',', '.'));
}

/** The total a service's tickets are timed against, steps 1–8, in minutes. */
export function timedMinutes(site: SiteConfig, service: SiteService): number {
  const steps = { ...standards(site.sopStandards), ...serviceStandards(site, service) };
  return Object.values(steps).reduce((sum, minutes) => sum + minutes, 0);
}

/**
 * A service's declared standard must be what is timed: its own overrides may not leave the other steps nothing,
 * and the duration it publishes in minutes may not contradict it.
 */
function serviceStandardProblems(site: SiteConfig): string[] {
  return site.services.flatMap((service) => {
    if (service.standardMinutes === undefined) return [];
    const fitted = fitStandardsToTotal(
      standards(site.sopStandards),
      serviceOverrides(service),
      service.standardMinutes,
    );
    if (!fitted)
      return [
        `service ${service.id}: its sopStandards leave no time in its ${service.standardMinutes}-minute standard`,
      ];
    const stated = [service.summary?.duration.id, service.summary?.duration.en].map(statedMinutes);
    return stated.some((minutes) => minutes !== null && minutes !== service.standardMinutes)
      ? [
          `service ${service.id}: publishes a duration other than its ${service.standardMinutes}-minute standard`,
        ]
      : [];
  });
}

/** Services whose published duration in minutes is not what they are timed against (no standardMinutes). */
export function untimedStandards(site: SiteConfig): { id: string; stated: number; timed: number }[] {
  return site.services.flatMap((service) => {
    const stated = statedMinutes(service.summary?.duration.id);
    const timed = timedMinutes(site, service);
    return service.standardMinutes === undefined && stated !== null && stated !== timed
      ? [{ id: service.id, stated, timed }]
      : [];
  });
}

export function toQueueConfig(site: SiteConfig): QueueConfig {
  return {
    timeZone: site.timeZone,
    numberWidth: site.numberWidth,
    sopStandards: standards(site.sopStandards),
    services: site.services.map((s) => {
      const sopStandards = serviceStandards(site, s);
      return {
        id: s.id,
        agencyId: s.agencyId,
        prefix: s.prefix,
        ...(sopStandards ? { sopStandards } : {}),
        // A retired service is closed for good: no new tickets, while today's are still called and served.
        ...(s.retired ? { openingHours: {} } : s.openingHours ? { openingHours: s.openingHours } : {}),
      };
    }),
    counters: site.counters.filter((c) => !c.retired).map((c) => ({ id: c.id, serviceIds: c.serviceIds })),
    openingHours: site.openingHours,
    priorityRatio: site.priorityRatio,
    noShowAfterRecalls: site.noShowAfterRecalls,
    warningRatio: site.warningRatio,
    callAnswerMinutes: site.callAnswerMinutes,
    compensation: site.compensation,
    reportChainStandards: reportChainStandardsFrom(site.sopStandards),
    bookingCallRule: site.booking?.callRule ?? null,
  };
}
