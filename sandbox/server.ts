/**
 * `createSandbox`: a local stand-in for CMS's Blue Button 2.0 API (OAuth 2.0 + PKCE, FHIR v1/v2, the
 * errors of docs/blue-button.md). Its core is fetch-style, `sandbox.fetch(request)`, so clients can be
 * tested with the sandbox passed in as `fetch`; `sandbox.listen()` serves the same core over HTTP.
 */
import { setMaxListeners } from 'node:events';
import { approve } from './control/approve';
import { CONTROL_PREFIX, handleControl } from './control/api';
import { SandboxControlClient } from './control/client';
import { SandboxCore } from './core';
import { emulateFaultForFetch } from './http/connection-fault';
import { serveNode } from './http/node-server';
import { djangoNotFound } from './http/responses';
import { decodePath } from './http/router';
import { coreConfig, type SandboxOptions } from './options';
import { handleApiRequest, MAX_BODY_BYTES, type RequestMeta } from './pipeline';

export type { SandboxOptions } from './options';

/** Where to listen. */
export interface ListenOptions {
  /** Port (default 8000; 0 picks a free one). */
  port?: number;
  /** Host; default: both `127.0.0.1` and `::1`, so `localhost` works whichever Node resolves. */
  host?: string;
}

/** A running HTTP listener. */
export interface SandboxServer {
  /** `http://<host>:<port>`, the URL clients should call. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A sandbox instance. */
export interface Sandbox {
  /** Fetch-compatible entry point (follows same-origin redirects unless `redirect: 'manual'`). */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** Handles one request without redirect following or fetch-style fault emulation. */
  handle(request: Request, meta?: RequestMeta): Promise<Response>;
  /** Serves the sandbox over HTTP. */
  listen(options?: ListenOptions): Promise<SandboxServer>;
  /** A control client bound to this sandbox in-process. */
  control: SandboxControlClient;
  /** Internal state, for white-box tests. */
  core: SandboxCore;
  /** Ends pending scripted delays and closes every listener. */
  close(): Promise<void>;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function controlAllowed(core: SandboxCore, url: URL, meta: RequestMeta): boolean {
  if (core.config.mode === 'production') return false;
  if (meta.remoteAddress !== undefined && !LOOPBACK.test(meta.remoteAddress)) return false;
  const publicHost = new URL(core.config.publicUrl).hostname;
  return LOOPBACK_HOSTS.has(url.hostname) || url.hostname === publicHost;
}

/** Creates a sandbox. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const core = new SandboxCore(coreConfig(options), options.now);
  const closing = new AbortController();
  // Every in-flight delay listens for the close: many at once is normal, not a leak.
  setMaxListeners(0, closing.signal);
  const listeners: SandboxServer[] = [];

  async function handle(request: Request, meta: RequestMeta = {}): Promise<Response> {
    const url = new URL(request.url);
    const path = decodePath(url.pathname);
    const signal = meta.signal ?? closing.signal;
    if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
      if (!controlAllowed(core, url, meta)) return djangoNotFound();
      return handleControl(core, request, path.slice(CONTROL_PREFIX.length), {
        approve: (authorizeUrl, opts) =>
          approve((r) => handle(r, { ...meta, internal: true }), url.origin, authorizeUrl, opts),
      });
    }
    return handleApiRequest(core, request, { ...meta, signal });
  }

  async function sandboxFetch(input: Request | string | URL, init?: RequestInit): Promise<Response> {
    let request = input instanceof Request && !init ? input : new Request(input, init);
    for (let hops = 0; ; hops++) {
      const response = await handle(request, { remoteAddress: '127.0.0.1' });
      const location = response.headers.get('location');
      const redirected = [301, 302, 303, 307, 308].includes(response.status) && location !== null;
      if (!redirected || request.redirect === 'manual') return emulateFaultForFetch(response);
      if (request.redirect === 'error') throw new TypeError('fetch failed: unexpected redirect');
      const target = new URL(location, request.url);
      if (target.origin !== new URL(request.url).origin || hops >= 20) return emulateFaultForFetch(response);
      const keep =
        response.status === 307 ||
        response.status === 308 ||
        request.method === 'GET' ||
        request.method === 'HEAD';
      request = keep
        ? new Request(target, request)
        : new Request(target, { method: 'GET', headers: request.headers, redirect: request.redirect });
    }
  }

  const sandbox: Sandbox = {
    fetch: sandboxFetch,
    handle,
    core,
    control: new SandboxControlClient(core.config.publicUrl, sandboxFetch),
    async listen({ port = 8000, host }: ListenOptions = {}) {
      const hosts = host ? [host] : ['127.0.0.1', '::1'];
      const node = await serveNode((request, meta) => handle(request, meta), port, hosts, MAX_BODY_BYTES);
      const shownHost = host ? (host.includes(':') ? `[${host}]` : host) : 'localhost';
      if (!options.publicUrl)
        core.config.publicUrl = `http://${shownHost === '0.0.0.0' ? 'localhost' : shownHost}:${node.port}`;
      const server: SandboxServer = {
        url: `http://${shownHost}:${node.port}`,
        port: node.port,
        close: () => node.close(),
      };
      listeners.push(server);
      return server;
    },
    async close() {
      closing.abort();
      await Promise.all(listeners.splice(0).map((l) => l.close()));
    },
  };
  return sandbox;
}
