import type { DeskState } from '../desk-state.ts';
import type { CounterView, PauseReason } from '../wire.ts';
import type { T } from './types.ts';

interface Props {
  readonly counterId: string;
  readonly counters: readonly CounterView[];
  readonly desk: DeskState;
  /** Counters with an officer signed in now. */
  readonly staffed: ReadonlySet<string>;
  readonly t: T;
}

/** The other counters serving the same services: who is paused, who is serving whom. */
export function PeersPanel({ counterId, counters, desk, staffed, t }: Props) {
  const mine = new Set(counters.find((c) => c.id === counterId)?.serviceIds ?? []);
  const peers = counters.filter((c) => c.id !== counterId && c.serviceIds.some((id) => mine.has(id)));
  if (peers.length === 0) return null;
  return (
    <>
      <h3>{t('peers')}</h3>
      <ul class="peers" data-testid="peers">
        {peers.map((c) => {
          const state = desk.counters.get(c.id);
          const ticket = state?.activeTicketId ? desk.tickets.get(state.activeTicketId) : undefined;
          const status = state?.pausedReason
            ? t('peerPaused', { reason: t(`reason_${state.pausedReason as PauseReason}`) })
            : ticket
              ? t('peerServing', { number: ticket.number })
              : staffed.has(c.id)
                ? t('peerFree')
                : t('peerEmpty');
          return (
            <li key={c.id} data-counter={c.id} class={state?.pausedReason ? 'peer-paused' : ''}>
              <span class="peer-name">{c.name}</span>
              <span class="peer-status">{status}</span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
