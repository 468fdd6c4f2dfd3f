import {
  DEFAULT_REPORT_CHAIN_STANDARDS,
  DEFAULT_SOP_STANDARDS,
  type AgencyRecord,
  type CounterRecord,
  type MessageTemplates,
  type ServiceRecord,
  type SettingScope,
} from '@giliran/domain';
import {
  CounterServiceIds,
  CounterServicesSetting,
  LateServiceSetting,
  LateServiceTiers,
  OpeningHours,
  MessageOptionsBody,
  MessageTemplatesBody,
  RunningTextSetting,
  ServiceHoursSetting,
  ServiceStandards,
  ServiceStandardsSetting,
  SiteHoursSetting,
  SiteStandards,
  SiteStandardsSetting,
  type LateServiceTier,
  type SettingsArea,
  type SopStepKey,
} from '@giliran/protocol';
import { z } from 'zod';
import type { SiteConfig } from '../config/site-config.ts';
import {
  BookingCapacitySetting,
  BookingOptionsSetting,
  BookingSettings,
  bookingOptionsOf,
} from '../config/booking-settings.ts';
import {
  MessageOptionsSchema,
  MessageTemplatesSchema,
  type MessageOptions,
} from '../config/message-settings.ts';
import {
  readAgency,
  readCounter,
  readService,
  StoredAgency,
  StoredCounter,
  StoredService,
  writeAgency,
  writeCounter,
  writeService,
} from '../hall-setup/hall-definitions.ts';

export type { SettingScope };

/**
 * One runtime setting: how its request body and its stored value are validated, and how it is read from and
 * written into a site. Settings change the in-memory site (a copy of the site file with the changes laid over it)
 * and the engine's config is derived from that site again, so every view that reads the site sees them.
 * `write` replaces objects and arrays instead of editing them, since the engine's config shares them.
 */
export interface SettingDefinition<T> {
  readonly area: SettingsArea;
  readonly scope: SettingScope;
  /** The stored value. */
  readonly value: z.ZodType<T>;
  /** The request body, down to the value. */
  readonly body: z.ZodType<T>;
  /** Standards and tiers move every waiting ticket's late-service deadline. */
  readonly movesDeadlines: boolean;
  read(site: SiteConfig, target: string | null): T;
  write(site: SiteConfig, target: string | null, value: T): void;
  /** A record added from the screens (issue 14): its targets are the stored rows, not only the file's. */
  readonly creates?: boolean;
}

export interface SettingValues {
  agency: AgencyRecord | null;
  service: ServiceRecord | null;
  counter: CounterRecord | null;
  'running-text': string;
  'late-service': LateServiceTier[];
  'sop-standards': SiteStandards;
  'service-standards': ServiceStandards;
  'counter-services': string[];
  'opening-hours': OpeningHours;
  'service-hours': OpeningHours | null;
  'booking-capacity': number;
  'booking-options': BookingOptionsSetting;
  'message-templates': MessageTemplates;
  'message-options': MessageOptions;
}
export type SettingKind = keyof SettingValues;

type Service = SiteConfig['services'][number];
type Counter = SiteConfig['counters'][number];

function serviceOf(site: SiteConfig, id: string | null): Service {
  const found = site.services.find((s) => s.id === id);
  if (!found) throw new Error(`unknown service ${String(id)}`);
  return found;
}

function counterOf(site: SiteConfig, id: string | null): Counter {
  const found = site.counters.find((c) => c.id === id);
  if (!found) throw new Error(`unknown counter ${String(id)}`);
  return found;
}

function replaceService(site: SiteConfig, id: string | null, change: (s: Service) => Service): void {
  site.services = site.services.map((s) => (s.id === id ? change(s) : s));
}

/** The SOP's own minutes for every step 1–13, before the site file or a change says otherwise. */
const SOP_DEFAULTS: Readonly<Record<string, number>> = {
  ...DEFAULT_SOP_STANDARDS,
  ...DEFAULT_REPORT_CHAIN_STANDARDS,
};

/** The site's table with the SOP's minutes filled in; never refuses what the site file says (it may be finer). */
function siteStandardsOf(site: SiteConfig): SiteStandards {
  const table: Readonly<Partial<Record<string, number>>> = site.sopStandards;
  const at = (step: SopStepKey): number => table[step] ?? SOP_DEFAULTS[step] ?? 1;
  return {
    '1': at('1'),
    '2': at('2'),
    '3': at('3'),
    '4': at('4'),
    '5': at('5'),
    '6': at('6'),
    '7': at('7'),
    '8': at('8'),
    '9': at('9'),
    '10': at('10'),
    '11': at('11'),
    '12': at('12'),
    '13': at('13'),
  };
}

/** A hall record's definition: read from and written into the site's own list; never null once stored. */
function hallRecord<T>(
  scope: SettingScope,
  value: z.ZodType<T>,
  read: (site: SiteConfig, id: string | null) => T | null,
  write: (site: SiteConfig, id: string, record: T) => void,
): SettingDefinition<T | null> {
  return {
    area: 'hall',
    scope,
    value: value.nullable(),
    body: value.nullable(),
    movesDeadlines: scope === 'service',
    creates: true,
    read,
    write: (site, id, record) => {
      if (id !== null && record !== null) write(site, id, record);
    },
  };
}

// The hall's records come first: each later setting of a service or counter needs it to exist.
export const SETTINGS: { readonly [K in SettingKind]: SettingDefinition<SettingValues[K]> } = {
  agency: hallRecord('agency', StoredAgency, readAgency, writeAgency),
  // Whether the service's agency exists is checked with the whole hall (checkReferences) when it is set.
  service: hallRecord('service', StoredService, readService, writeService),
  counter: hallRecord('counter', StoredCounter, readCounter, writeCounter),
  'running-text': {
    area: 'running-text',
    scope: 'site',
    value: RunningTextSetting.shape.text,
    body: RunningTextSetting.transform((b) => b.text),
    movesDeadlines: false,
    read: (site) => site.display.runningText,
    write: (site, _target, text) => {
      site.display = { ...site.display, runningText: text };
    },
  },
  'late-service': {
    area: 'late-service',
    scope: 'site',
    value: LateServiceTiers,
    body: LateServiceSetting.transform((b) => b.tiers),
    movesDeadlines: true,
    read: (site) => site.compensation.lateService,
    write: (site, _target, tiers) => {
      site.compensation = { ...site.compensation, lateService: tiers };
    },
  },
  'sop-standards': {
    area: 'sop-standards',
    scope: 'site',
    value: SiteStandards,
    body: SiteStandardsSetting.transform((b) => b.standards),
    movesDeadlines: true,
    read: siteStandardsOf,
    write: (site, _target, standards) => {
      site.sopStandards = { ...standards };
    },
  },
  'service-standards': {
    area: 'sop-standards',
    scope: 'service',
    value: ServiceStandards,
    body: ServiceStandardsSetting.transform((b) => b.standards),
    movesDeadlines: true,
    read: (site, id) => serviceOf(site, id).sopStandards ?? {},
    write: (site, id, standards) => {
      replaceService(site, id, (s) => ({
        ...s,
        sopStandards: Object.keys(standards).length > 0 ? { ...standards } : undefined,
      }));
    },
  },
  'counter-services': {
    area: 'counter-services',
    scope: 'counter',
    value: CounterServiceIds,
    body: CounterServicesSetting.transform((b) => b.serviceIds),
    movesDeadlines: false,
    read: (site, id) => counterOf(site, id).serviceIds,
    write: (site, id, serviceIds) => {
      site.counters = site.counters.map((c) => (c.id === id ? { ...c, serviceIds: [...serviceIds] } : c));
    },
  },
  'opening-hours': {
    area: 'opening-hours',
    scope: 'site',
    value: OpeningHours,
    body: SiteHoursSetting.transform((b) => b.hours),
    movesDeadlines: false,
    read: (site) => site.openingHours,
    write: (site, _target, hours) => {
      site.openingHours = hours;
    },
  },
  'service-hours': {
    area: 'opening-hours',
    scope: 'service',
    value: OpeningHours.nullable(),
    body: ServiceHoursSetting.transform((b) => b.hours),
    movesDeadlines: false,
    read: (site, id) => serviceOf(site, id).openingHours ?? null,
    write: (site, id, hours) => {
      replaceService(site, id, (s) => ({ ...s, openingHours: hours ?? undefined }));
    },
  },
  'booking-capacity': {
    area: 'booking',
    scope: 'service',
    value: BookingCapacitySetting.shape.capacity,
    body: BookingCapacitySetting.transform((b) => b.capacity),
    movesDeadlines: false,
    read: (site, id) => site.booking?.capacity[serviceOf(site, id).id] ?? 0,
    write: (site, id, capacity) => {
      const booking = BookingSettings.parse(site.booking ?? {}) ?? BookingSettings.parse({});
      if (!booking || id === null) return;
      site.booking = { ...booking, capacity: { ...booking.capacity, [id]: capacity } };
    },
  },
  'booking-options': {
    area: 'booking',
    scope: 'site',
    value: BookingOptionsSetting,
    body: BookingOptionsSetting,
    movesDeadlines: false,
    read: (site) => bookingOptionsOf(site),
    write: (site, _target, options) => {
      const booking = BookingSettings.parse(site.booking ?? {}) ?? BookingSettings.parse({});
      if (!booking) return;
      site.booking = {
        ...booking,
        ...options,
        noShowBlock: options.noShowBlock ? { ...options.noShowBlock } : null,
      };
    },
  },
  'message-templates': {
    area: 'messages',
    scope: 'site',
    value: MessageTemplatesSchema,
    body: MessageTemplatesBody.transform((b) => b.templates),
    movesDeadlines: false,
    read: (site) => site.messages.templates,
    write: (site, _target, templates) => {
      site.messages = { ...site.messages, templates: { ...templates } };
    },
  },
  'message-options': {
    area: 'messages',
    scope: 'site',
    value: MessageOptionsSchema,
    body: MessageOptionsBody,
    movesDeadlines: false,
    read: (site) => ({ nearAhead: site.messages.nearAhead, keepContactDays: site.messages.keepContactDays }),
    write: (site, _target, options) => {
      site.messages = { ...site.messages, ...options };
    },
  },
};

export const SETTING_KINDS = Object.keys(SETTINGS) as SettingKind[];

/** The targets a setting exists for: one for a site-wide setting, else one per service or counter. */
export function targetsOf(scope: SettingScope, site: SiteConfig): (string | null)[] {
  if (scope === 'service') return site.services.map((s) => s.id);
  if (scope === 'counter') return site.counters.map((c) => c.id);
  if (scope === 'agency') return site.agencies.map((a) => a.id);
  return [null];
}

/** Key order does not matter when deciding whether a value is the site file's own. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
