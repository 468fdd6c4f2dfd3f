import type { Role } from '@giliran/protocol';

/** Who is asking: a signed-in person or a registered device, as established from its token. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  /** The counter an officer signed in to, or a counter-side tablet stands at; null for everyone else. */
  readonly counterId: string | null;
}

export const SYSTEM: Actor = { id: 'system', role: 'admin', counterId: null };

/**
 * A caller without a token (the public complaint form, the survey from a phone). It has no role of its own: the
 * commands it may send allow everyone, and its idempotency keys are its address's (`publicCaller`).
 */
export const PUBLIC: Actor = { id: 'public', role: 'kiosk', counterId: null };
