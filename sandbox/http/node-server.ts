/**
 * Serves the fetch-style core over `node:http`: builds a `Request` from the incoming message (the
 * client's Host kept, so links point where the client called), gzips like Django, and performs the
 * connection faults (drop, short body). Malformed requests get an HTTP error, never a hang.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { connectionFaultOf, truncatedLength } from './connection-fault';
import { gzipResponseBody, precompressedBody } from './gzip';

/** The core's request handler. */
export type NodeHandler = (request: Request, meta: { remoteAddress?: string }) => Promise<Response>;

/** A running listener. */
export interface NodeListener {
  port: number;
  close(): Promise<void>;
}

const HOST_HEADER = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

function plain(res: ServerResponse, status: number, text: string, close = false): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(text);
}

/** Reads the body; past `limit` it keeps draining (so the client reads our 413) up to a hard cap. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'abort'> {
  const hardCap = Math.max(limit * 16, 64 * 1024 * 1024);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > hardCap) {
        req.removeAllListeners('data');
        resolve('abort');
      }
    });
    req.on('end', () => resolve(size > limit ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', () => resolve('abort'));
    req.on('close', () => resolve('abort'));
  });
}

function toRequest(req: IncomingMessage, body: Buffer, fallbackHost: string): Request | undefined {
  const rawUrl = req.url ?? '/';
  let target = rawUrl;
  if (!rawUrl.startsWith('/')) {
    try {
      const absolute = new URL(rawUrl);
      target = `${absolute.pathname}${absolute.search}`;
    } catch {
      return undefined;
    }
  }
  const hostHeader = req.headers.host ?? '';
  const host = HOST_HEADER.test(hostHeader) ? hostHeader : fallbackHost;
  try {
    const headers = new Headers();
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
      headers.append(req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '');
    const method = req.method ?? 'GET';
    const hasBody = method !== 'GET' && method !== 'HEAD' && body.length > 0;
    return new Request(`http://${host}${target}`, {
      method,
      headers,
      ...(hasBody ? { body: new Uint8Array(body) } : {}),
    });
  } catch {
    return undefined;
  }
}

async function send(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const fault = connectionFaultOf(response);
  if (fault?.kind === 'drop') {
    req.socket.destroy();
    return;
  }
  const headers = new Headers(response.headers);
  const raw = new Uint8Array(await response.arrayBuffer());
  const body = await gzipResponseBody(
    req.headers['accept-encoding'] ?? null,
    headers,
    raw,
    precompressedBody(response),
  );
  headers.set('content-length', String(body.length));
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  res.writeHead(response.status, out);
  if (fault?.kind === 'truncate') {
    res.write(body.subarray(0, truncatedLength(body.length, fault)), () => res.socket?.destroy());
    return;
  }
  res.end(body);
}

/** Starts one `http.Server` per host on the same port (the first host picks the port when 0). */
export async function serveNode(
  handle: NodeHandler,
  port: number,
  hosts: readonly string[],
  maxBody: number,
): Promise<NodeListener> {
  const sockets = new Set<Socket>();
  const servers: http.Server[] = [];
  let boundPort = port;

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    res.on('error', () => undefined);
    req.on('error', () => undefined);
    void (async () => {
      const body = await readBody(req, maxBody);
      if (body === 'abort') return;
      if (body === 'too-large') return plain(res, 413, 'Request body too large.', true);
      const request = toRequest(req, body, `localhost:${boundPort}`);
      if (!request) return plain(res, 400, 'Bad Request (400)');
      const response = await handle(request, { remoteAddress: req.socket.remoteAddress });
      await send(req, res, response);
    })().catch(() => plain(res, 500, 'Server Error (500)'));
  };

  for (const [index, host] of hosts.entries()) {
    const server = http.createServer({ requestTimeout: 120_000 }, listener);
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
      const inFlight = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
      if (socket.writable && !inFlight?.headersSent) {
        const status =
          err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
        socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      } else socket.destroy();
    });
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(index === 0 ? port : boundPort, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (err) {
      if (index === 0) throw err;
      continue;
    }
    if (index === 0) {
      const address = server.address();
      if (address && typeof address === 'object') boundPort = address.port;
    }
    servers.push(server);
  }

  return {
    port: boundPort,
    async close() {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      );
      for (const socket of sockets) socket.destroy();
    },
  };
}
