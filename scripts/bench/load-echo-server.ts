// Baseline server for the load bench: a bare Socket.IO server in its own process, speaking the load hub's IPC
// (tests/support/load-hub-child.ts). Each command is answered at once with a ticket-sized ack and broadcast once to
// every client, as the hub does, with no domain, no SQLite and no views: what the transport alone costs.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { ChildReply, ChildRequest } from '../../tests/support/load-hub-process.ts';

/** Sizes of the hub's own traffic: a TicketView answer (~600 bytes), a ticket:called broadcast (~200 bytes). */
const ACK = { ok: true, data: { id: '0'.repeat(36), view: 'x'.repeat(560) } };
const EVENT = {
  type: 'ticket:called',
  ticketId: '0'.repeat(36),
  counterId: 'loket-10',
  pad: 'x'.repeat(100),
};

const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false });
let eventId = 0;
io.on('connection', (socket) => {
  socket.on('cmd', (_payload: unknown, ack: unknown) => {
    if (typeof ack === 'function') (ack as (answer: typeof ACK) => void)(ACK);
    io.emit('ticket:called', { ...EVENT, eventId: ++eventId });
  });
});
await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
let closing: Promise<void> | null = null;
const closeServer = () => (closing ??= io.close());

const send = (reply: ChildReply) => {
  process.send?.(reply);
};
process.on('message', (request: ChildRequest) => {
  if (request.kind === 'memory') {
    const m = process.memoryUsage();
    send({
      kind: 'memory',
      id: request.id,
      sample: { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external },
    });
    return;
  }
  if (request.kind === 'advance') {
    send({ kind: 'done', id: request.id, now: request.to });
    return;
  }
  void closeServer().then(() => {
    send({ kind: 'done', id: request.id, now: 0 });
    process.disconnect();
  });
});
// Ends with its parent, like the load hub.
process.once('disconnect', () => {
  void closeServer().finally(() => process.exit(0));
});
send({ kind: 'ready', url });
