// The day-throughput baseline: the very traffic of a simulated day (which client sent a command in which batch of
// which tick, recorded by the driver) replayed against the bare Socket.IO server of load-echo-server.ts, with the
// same 51 clients, the same IPC step per tick and the same wait for every answer before the next batch.
import { fileURLToPath } from 'node:url';
import { startLoadHub } from '../../tests/support/load-hub-process.ts';
import { loadSite } from '../../tests/support/load-site.ts';
import { connectClient, type HubSocket } from './bench-support.ts';

const ECHO_SERVER = fileURLToPath(new URL('./load-echo-server.ts', import.meta.url));
/** A command body of the size the screens send (ticket id and idempotency key). */
const COMMAND = { ticketId: '0'.repeat(36), idempotencyKey: '2026-03-02:desk-loket-10:12345' };

export interface ReplayResult {
  readonly wallMs: number;
  readonly commands: number;
}

export async function replayOnEcho(
  traffic: readonly (readonly (readonly string[])[])[],
  listeners: number,
): Promise<ReplayResult> {
  const server = await startLoadHub(loadSite(), 0, ECHO_SERVER);
  const senders = new Map<string, HubSocket>();
  const others: HubSocket[] = [];
  try {
    for (const client of new Set(traffic.flat(2)))
      senders.set(client, await connectClient(server.url, client));
    for (let i = senders.size; i < listeners; i++) others.push(await connectClient(server.url, 'listener'));
    let commands = 0;
    const started = performance.now();
    for (const tick of traffic) {
      await server.advanceTo(0);
      for (const batch of tick) {
        commands += batch.length;
        await Promise.all(
          batch.map((client) => {
            // The bare server's one event is not part of the hub's contract.
            const socket = senders.get(client) as unknown as {
              emitWithAck(event: string, body: unknown): Promise<unknown>;
            };
            return socket.emitWithAck('cmd', COMMAND);
          }),
        );
      }
    }
    return { wallMs: performance.now() - started, commands };
  } finally {
    for (const socket of [...senders.values(), ...others]) socket.disconnect();
    await server.stop();
  }
}
