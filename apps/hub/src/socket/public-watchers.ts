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
      }
    });
  }

  /** After each commit: push the new status to every watched ticket whose status changed. */
  refresh(): void {
    const watched = new Set<string>();
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
    }
    for (const code of this.last.keys()) if (!watched.has(code)) this.last.delete(code);
  }
}
