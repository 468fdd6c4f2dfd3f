import type { PublicServerToClientEvents, PublicTicketStatus } from '@giliran/protocol';
import type { Server, Socket } from 'socket.io';

type PublicSocket = Socket<Record<string, never>, PublicServerToClientEvents>;

/**
 * The `/public` namespace: a citizen's phone follows one ticket by the code on its QR, without an account.
 * It only ever receives that ticket's public status, and only when it changed.
 */
export class PublicTicketWatchers {
  private readonly last = new Map<string, string>();
  private readonly namespace;

  constructor(
    io: Server,
    private readonly statusOf: (code: string) => PublicTicketStatus | null,
    /** Told which codes were just shown a wait estimate: each shown wait is a promise to log. */
    private readonly shown: (codes: readonly string[]) => void = () => undefined,
    /** Told when a phone starts following a ticket: the time-only refresh wakes up. */
    private readonly onWatch: () => void = () => undefined,
  ) {
    this.namespace = io.of('/public');
    this.namespace.use((socket, next) => {
      const code = (socket.handshake.auth as { code?: unknown }).code;
      if (typeof code !== 'string' || this.statusOf(code) === null) {
        next(new Error('TICKET_NOT_FOUND'));
        return;
      }
      next();
    });
    this.namespace.on('connection', (socket: PublicSocket) => {
      const code = (socket.handshake.auth as { code: string }).code;
      void socket.join(`ticket:${code}`);
      const status = this.statusOf(code);
      if (status) {
        this.last.set(code, JSON.stringify(status));
        socket.emit('ticket:status', status);
        if (status.estimate !== null) this.shown([code]);
      }
      this.onWatch();
    });
  }

  /** Whether any phone follows a ticket now. */
  watching(): boolean {
    for (const room of this.namespace.adapter.rooms.keys()) if (room.startsWith('ticket:')) return true;
    return false;
  }

  /** After each commit, and each minute while watched (estimates move with time): push the new status to every watched ticket whose status changed. */
  refresh(): void {
    const watched = new Set<string>();
    const estimated: string[] = [];
    for (const room of this.namespace.adapter.rooms.keys()) {
      if (!room.startsWith('ticket:')) continue;
      const code = room.slice('ticket:'.length);
      watched.add(code);
      const status = this.statusOf(code);
      if (!status) continue;
      const json = JSON.stringify(status);
      if (this.last.get(code) === json) continue;
      this.last.set(code, json);
      this.namespace.to(room).emit('ticket:status', status);
      if (status.estimate !== null) estimated.push(code);
    }
    for (const code of this.last.keys()) if (!watched.has(code)) this.last.delete(code);
    if (estimated.length > 0) this.shown(estimated);
  }
}
