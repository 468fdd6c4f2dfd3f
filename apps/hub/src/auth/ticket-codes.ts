import type { Role } from '@giliran/protocol';
import type { Actor } from './actor.ts';
import { MANAGERS } from './roles.ts';

/**
 * A ticket's code is the citizen's key: it opens the status page and the public SKM survey. Only those who hand
 * tickets out see it: a kiosk (its own tickets), FO and the floor managers (reprints, a citizen's lost ticket).
 * Officers and displays never do: an officer holding codes could answer the survey for the citizens they serve.
 */
const CODE_HOLDERS: readonly Role[] = ['kiosk', 'fo', ...MANAGERS];

export function seesTicketCodes(actor: Pick<Actor, 'role'>): boolean {
  return CODE_HOLDERS.includes(actor.role);
}

/** The view as this actor may see it: the code blanked (the field stays, as the wire contract has it). */
export function codeFor<T extends { readonly code: string }>(view: T, actor: Pick<Actor, 'role'>): T {
  return seesTicketCodes(actor) ? view : { ...view, code: '' };
}
