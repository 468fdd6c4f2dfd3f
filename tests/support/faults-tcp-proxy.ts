import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

interface Pair {
  readonly client: Socket;
  readonly upstream: Socket;
  /** Bytes held back while a direction is stalled, delivered when the network heals. */
  readonly toUpstream: Buffer[];
  readonly toClient: Buffer[];
}

/**
 * The hall's LAN between a screen and the hub, under the test's control: it can stall traffic (a cable pulled,
 * a switch rebooting: bytes wait, nothing closes), stall only the hub's answers (a request arrives, its answer
 * does not), or cut the network (open connections die, new ones are reset) until it heals.
 */
export class TcpProxy {
  private readonly server: Server;
  private readonly pairs = new Set<Pair>();
  private down = false;
  private holdUp = false;
  private holdDown = false;
  /** Connections reset while the network was cut: the screens' reconnection attempts. */
  refused = 0;
  accepted = 0;

  constructor(private upstreamPort: number) {
    this.server = createServer((client) => {
      this.accept(client);
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.listen(0, '127.0.0.1', resolve);
    });
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Traffic stops both ways; connections stay open. */
  stall(): void {
    this.holdUp = true;
    this.holdDown = true;
  }

  /** Only what the hub sends stops: requests still arrive, their answers do not. */
  stallAnswers(): void {
    this.holdDown = true;
  }

  /** The network is gone: every open connection dies, every new one is reset, what was held is lost. */
  cut(): void {
    this.down = true;
    for (const pair of this.pairs) {
      pair.toUpstream.length = 0;
      pair.toClient.length = 0;
      pair.client.destroy();
      pair.upstream.destroy();
    }
  }

  /** Back to normal; held bytes of connections that survived are delivered. */
  heal(): void {
    this.down = false;
    this.holdUp = false;
    this.holdDown = false;
    for (const pair of this.pairs) {
      for (const chunk of pair.toUpstream.splice(0)) pair.upstream.write(chunk);
      for (const chunk of pair.toClient.splice(0)) pair.client.write(chunk);
    }
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }

  private accept(client: Socket): void {
    if (this.down) {
      this.refused++;
      client.on('error', () => undefined);
      client.resetAndDestroy();
      return;
    }
    this.accepted++;
    const upstream = connect(this.upstreamPort, '127.0.0.1');
    const pair: Pair = { client, upstream, toUpstream: [], toClient: [] };
    this.pairs.add(pair);
    client.on('data', (chunk: Buffer) => {
      if (this.holdUp) pair.toUpstream.push(chunk);
      else upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (this.holdDown) pair.toClient.push(chunk);
      else client.write(chunk);
    });
    const close = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close);
    upstream.on('close', close);
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
  }
}
