// The hall's screens as real Socket.IO clients of a load hub: 4 kiosks, 6 displays, the front office and one
// counter app per officer. Displays record every call they are shown; every socket's unexpected drop is counted.
import type {
  Ack,
  ClientToServerEvents,
  CommandName,
  CommandPayload,
  CommandResults,
  ServerToClientEvents,
} from '@giliran/protocol';
import { io as connect, type Socket } from 'socket.io-client';
import { LOAD_DISPLAY_TOKENS, LOAD_KIOSK_TOKENS, type LoadOfficer } from './load-site.ts';

export type HubSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const CONNECT_TIMEOUT_MS = 15_000;
const ACK_TIMEOUT_MS = 15_000;

/** A call or recall as a display received it, with its place in the hub's log. */
export interface ShownCall {
  readonly ticketId: string;
  readonly counterId: string;
  readonly kind: 'called' | 'recalled';
  readonly eventId: number;
}

export async function signIn(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, pin: '1234' }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${username}: HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

function open(url: string, token: string): Promise<HubSocket> {
  const socket: HubSocket = connect(url, { auth: { token }, transports: ['websocket'], reconnection: false });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.disconnect();
      reject(new Error('socket connect timed out'));
    }, CONNECT_TIMEOUT_MS);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** One command over a socket, as the screens send it; a refusal is a failure of the run, with its code. */
export async function send<K extends CommandName>(
  socket: HubSocket,
  name: K,
  payload: CommandPayload<K>,
): Promise<CommandResults[K]> {
  // Socket.IO's typed emit cannot take a generic event name; the payload type is checked by this signature.
  const emitter = socket.timeout(ACK_TIMEOUT_MS) as unknown as {
    emitWithAck(event: string, body: unknown): Promise<Ack<CommandResults[K]>>;
  };
  const ack = await emitter.emitWithAck(name, payload);
  if (!ack.ok) throw new Error(`${name} ${JSON.stringify(payload)} refused: ${ack.error.code}`);
  return ack.data;
}

export class Hall {
  readonly kiosks: HubSocket[] = [];
  readonly displays: HubSocket[] = [];
  /** What each display was shown, in arrival order. */
  readonly shown: ShownCall[][] = [];
  readonly desks = new Map<string, { readonly officer: string; socket: HubSocket }>();
  fo: HubSocket | null = null;
  /** Late-service compensations staff were told of today, by ticket (what the counter page's banner shows). */
  readonly lateRaised = new Map<string, string>();
  /** Sockets the hub dropped (we close ours with `closing` set first). */
  drops = 0;
  private closing = new Set<HubSocket>();

  constructor(readonly url: string) {}

  private watch(socket: HubSocket): HubSocket {
    socket.on('disconnect', () => {
      if (!this.closing.delete(socket)) this.drops++;
    });
    return socket;
  }

  /** Kiosks and displays connect once and stay for the whole run, as in a hall. */
  async openDevices(): Promise<void> {
    for (const token of LOAD_KIOSK_TOKENS) this.kiosks.push(this.watch(await open(this.url, token)));
    for (const token of LOAD_DISPLAY_TOKENS) {
      const socket = this.watch(await open(this.url, token));
      const shown: ShownCall[] = [];
      socket.on('ticket:called', (e) => {
        shown.push({ ticketId: e.ticketId, counterId: e.counterId, kind: 'called', eventId: e.eventId });
      });
      socket.on('ticket:recalled', (e) => {
        shown.push({ ticketId: e.ticketId, counterId: e.counterId, kind: 'recalled', eventId: e.eventId });
      });
      this.displays.push(socket);
      this.shown.push(shown);
    }
  }

  /**
   * The morning: front office and every officer sign in (a session lasts 12 hours, so each day anew) and their
   * apps connect; yesterday's sockets are closed first.
   */
  async openDay(officers: readonly LoadOfficer[]): Promise<void> {
    for (const socket of [this.fo, ...[...this.desks.values()].map((d) => d.socket)])
      if (socket) this.close(socket);
    this.desks.clear();
    this.lateRaised.clear();
    this.fo = this.watch(await open(this.url, await signIn(this.url, 'fo')));
    this.fo.on('compensation:raised', (e) => {
      if (e.kind === 'late_service' && e.ticketId !== null) this.lateRaised.set(e.ticketId, e.compensationId);
    });
    const tokens = await Promise.all(officers.map((o) => signIn(this.url, o.username)));
    for (const [i, officer] of officers.entries()) {
      const socket = this.watch(await open(this.url, tokens[i] ?? ''));
      this.desks.set(officer.counterId, { officer: officer.username, socket });
    }
  }

  get frontOffice(): HubSocket {
    if (!this.fo) throw new Error('front office is not signed in');
    return this.fo;
  }

  private close(socket: HubSocket): void {
    this.closing.add(socket);
    socket.disconnect();
  }

  get clientCount(): number {
    return this.kiosks.length + this.displays.length + this.desks.size + (this.fo ? 1 : 0);
  }

  closeAll(): void {
    for (const socket of [
      ...this.kiosks,
      ...this.displays,
      this.fo,
      ...[...this.desks.values()].map((d) => d.socket),
    ])
      if (socket) this.close(socket);
  }
}
