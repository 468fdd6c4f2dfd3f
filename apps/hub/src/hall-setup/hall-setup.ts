import {
  decideAddAgency,
  decideAddCounter,
  decideAddService,
  decideEditAgency,
  decideEditCounter,
  decideEditService,
  type HallFacts,
  type SettingChanged,
} from '@giliran/domain';
import {
  CreateAgencyRequest,
  CreateCounterRequest,
  CreateServiceRequest,
  UpdateAgencyRequest,
  UpdateCounterRequest,
  UpdateServiceRequest,
  type HallView,
  type SettingsView,
} from '@giliran/protocol';
import type { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { CommandBus } from '../commands/command-bus.ts';
import type { QueueEngine } from '../commands/queue-engine.ts';
import type { RecordCommand, RecordContext } from '../commands/record-command.ts';
import { checkReferences, toQueueConfig, type SiteConfig } from '../config/site-config.ts';
import { HubError } from '../hub-error.ts';
import { mayEdit } from '../settings/permissions.ts';
import { SETTINGS, type SettingDefinition, type SettingKind } from '../settings/setting-definitions.ts';
import { readService } from './hall-definitions.ts';

export interface HallSetupDeps {
  /** The live site every page reads from: changes are written into it once committed. */
  readonly site: SiteConfig;
  readonly engine: QueueEngine;
  readonly bus: CommandBus;
  /** Re-arms the late-service alarm when a service's standard moved (made after the routes, hence a getter). */
  readonly rearm: () => Promise<void>;
  /** The settings page's whole view: every save answers with it. */
  readonly view: (actor: Actor) => SettingsView;
}

/** The hall as it stands, for the pure rules. */
function hallFacts(site: SiteConfig, engine: QueueEngine): HallFacts {
  const busy = [...engine.state.counters.values()].filter((c) => c.activeTicketId !== null).map((c) => c.id);
  return {
    agencies: site.agencies.map((a) => ({ ...a, retired: a.retired ?? false })),
    services: site.services.flatMap((s) => {
      const record = readService(site, s.id);
      return record ? [{ id: s.id, ...record }] : [];
    }),
    counters: site.counters.map((c) => ({ ...c, retired: c.retired ?? false })),
    busyCounterIds: busy,
  };
}

/** Writes the records the events carry into a site. */
function applyTo(site: SiteConfig, events: readonly SettingChanged[]): void {
  for (const event of events) {
    // Seen as untyped: `after` was built by the domain from a value of this same kind.
    const definition: SettingDefinition<unknown> = SETTINGS[event.kind as SettingKind];
    definition.write(site, event.target, event.after);
  }
}

export function hallView(site: SiteConfig): HallView {
  return {
    agencies: site.agencies.map((a) => ({
      id: a.id,
      name: a.name,
      shortName: a.shortName ?? null,
      retired: a.retired ?? false,
    })),
    services: site.services.flatMap((s) => {
      const r = readService(site, s.id);
      if (!r) return [];
      const summary = { ...r.summary, requirements: [...r.summary.requirements] };
      return [{ id: s.id, ...r, summary, standardMinutes: r.standardMinutes ?? null }];
    }),
    counters: site.counters.map((c) => ({
      id: c.id,
      name: c.name,
      serviceIds: c.serviceIds,
      retired: c.retired ?? false,
    })),
  };
}

type Decide<P> = (payload: P, hall: HallFacts, ctx: RecordContext) => SettingChanged | SettingChanged[];

/**
 * Adding, editing and retiring agencies, services and counters from the MOD settings page (admin): role → schema
 * → the domain's rule → the whole site checked as the site file is (prefixes unique, every id known, a service's
 * standard fits its steps) → one transaction → the live site, the engine and every page follow.
 */
export class HallSetup {
  constructor(private readonly deps: HallSetupDeps) {}

  addAgency(actor: Actor, body: unknown): Promise<SettingsView> {
    return this.run(actor, 'hall:add-agency', CreateAgencyRequest, body, (p, hall, ctx) =>
      decideAddAgency(
        hall,
        p.id,
        { name: p.name, ...(p.shortName ? { shortName: p.shortName } : {}) },
        ctx.by,
      ),
    );
  }

  editAgency(actor: Actor, id: string, body: unknown): Promise<SettingsView> {
    return this.run(actor, 'hall:edit-agency', UpdateAgencyRequest, body, (p, hall, ctx) =>
      decideEditAgency(hall, id, p, ctx.by),
    );
  }

  addService(actor: Actor, body: unknown): Promise<SettingsView> {
    return this.run(actor, 'hall:add-service', CreateServiceRequest, body, ({ id, ...service }, hall, ctx) =>
      decideAddService(hall, id, service, ctx.by),
    );
  }

  editService(actor: Actor, id: string, body: unknown): Promise<SettingsView> {
    return this.run(actor, 'hall:edit-service', UpdateServiceRequest, body, (p, hall, ctx) => {
      const { standardMinutes, ...rest } = p;
      // null clears the service's own standard: it is timed by the SOP's steps again.
      const change =
        standardMinutes === undefined ? rest : { ...rest, standardMinutes: standardMinutes ?? undefined };
      return decideEditService(hall, id, change, ctx.by);
    });
  }

  addCounter(actor: Actor, body: unknown): Promise<SettingsView> {
    return this.run(actor, 'hall:add-counter', CreateCounterRequest, body, ({ id, ...counter }, hall, ctx) =>
      decideAddCounter(hall, id, counter, ctx.by),
    );
  }

  editCounter(actor: Actor, id: string, body: unknown): Promise<SettingsView> {
    return this.run(actor, 'hall:edit-counter', UpdateCounterRequest, body, (p, hall, ctx) =>
      decideEditCounter(hall, id, p, ctx.by),
    );
  }

  private run<P>(
    actor: Actor,
    name: string,
    schema: z.ZodType<P>,
    body: unknown,
    decide: Decide<P>,
  ): Promise<SettingsView> {
    const { site, engine } = this.deps;
    const command: RecordCommand<P, SettingsView> = {
      name,
      allowed: (a) => mayEdit(a.role, 'hall'),
      schema,
      decide: (payload, ctx) => {
        const decided = decide(payload, hallFacts(site, engine), ctx);
        const events = Array.isArray(decided) ? decided : [decided];
        const candidate = structuredClone(site);
        applyTo(candidate, events);
        const problems = checkReferences(candidate);
        if (problems.length > 0)
          throw new HubError(
            'VALIDATION_FAILED',
            problems.map((message) => ({ path: '', message })),
          );
        return { events, ref: events[0]?.target ?? '' };
      },
      applied: async (events) => {
        const changes = events.filter((e): e is SettingChanged => e.type === 'setting:changed');
        applyTo(site, changes);
        engine.reconfigure(toQueueConfig(site));
        if (changes.some((e) => e.kind === 'service')) await this.deps.rearm();
      },
      answer: () => this.deps.view(actor),
    };
    return this.deps.bus.record(actor, command, body);
  }
}
