/**
 * Connection-level faults travel from the fetch-style core to the transport on the Response object
 * itself: the HTTP adapter destroys the socket or sends a short body; in fetch mode the same faults
 * become the errors undici's `fetch` raises (`TypeError: fetch failed`, `TypeError: terminated`).
 */

/** A fault the transport performs instead of (or while) sending the response. */
export type ConnectionFault = { kind: 'drop' } | { kind: 'truncate'; bytes?: number };

const faults = new WeakMap<Response, ConnectionFault>();

/** Marks a response so the transport performs `fault` when sending it. */
export function withConnectionFault(response: Response, fault: ConnectionFault): Response {
  faults.set(response, fault);
  return response;
}

/** The fault attached to a response, if any. */
export function connectionFaultOf(response: Response): ConnectionFault | undefined {
  return faults.get(response);
}

/** A placeholder response for a connection dropped before any byte is written. */
export function droppedConnection(): Response {
  return withConnectionFault(new Response(null, { status: 502 }), { kind: 'drop' });
}

/** How many bytes of `total` a truncated response sends. */
export function truncatedLength(total: number, fault: { bytes?: number }): number {
  const wanted = fault.bytes ?? Math.floor(total / 2);
  return Math.max(0, Math.min(wanted, Math.max(total - 1, 0)));
}

/**
 * Applies a connection fault the way `fetch` would observe it: a dropped connection rejects; a
 * truncated one resolves, then the body stream errors after the bytes that arrived.
 */
export async function emulateFaultForFetch(response: Response): Promise<Response> {
  const fault = connectionFaultOf(response);
  if (!fault) return response;
  if (fault.kind === 'drop') {
    throw new TypeError('fetch failed', {
      cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    });
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  const sent = bytes.subarray(0, truncatedLength(bytes.length, fault));
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (sent.length > 0) controller.enqueue(sent);
      controller.error(new TypeError('terminated'));
    },
  });
  const headers = new Headers(response.headers);
  headers.set('content-length', String(bytes.length));
  return new Response(stream, { status: response.status, headers });
}
