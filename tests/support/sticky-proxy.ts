import { createServer, request, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** A reverse proxy in front of several central processes on loopback. */
export interface TestProxy {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * As small a reverse proxy as a test needs, in front of central processes on 127.0.0.1: HTTP requests and WebSocket
 * upgrades forwarded to one upstream each. `sticky` picks it by the client's address, like nginx's `ip_hash` in the
 * README (every request of a client reaches the same process); otherwise requests take turns (round robin), which
 * Socket.IO's polling cannot survive. Each answer says in `x-upstream` which port served it.
 */
export async function startProxy(upstreams: readonly number[], sticky: boolean): Promise<TestProxy> {
  let turn = 0;
  // Upgraded connections leave the HTTP server's books: closed by hand.
  const tunnels = new Set<Socket>();
  const pick = (req: IncomingMessage): number => {
    const index = sticky ? hashOf(req.socket.remoteAddress ?? '') : turn++;
    return upstreams[index % upstreams.length] ?? 0;
  };
  const server = createServer((req, res) => {
    const port = pick(req);
    const upstream = request(
      { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-upstream': String(port) });
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.on('upgrade', (req: IncomingMessage, client, head: Buffer) => {
    const upstream = connect(pick(req), '127.0.0.1', () => {
      const headers: string[] = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2)
        headers.push(`${req.rawHeaders[i] ?? ''}: ${req.rawHeaders[i + 1] ?? ''}`);
      upstream.write(`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    tunnels.add(upstream);
    upstream.once('close', () => {
      tunnels.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const tunnel of tunnels) tunnel.destroy();
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** The same number for the same address (nginx hashes the address's first three octets; any stable hash will do). */
function hashOf(address: string): number {
  let hash = 0;
  for (const char of address) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash;
}
