/**
 * A FHIR `collection` Bundle (https://hl7.org/fhir/R4/bundle.html) written as a byte stream while its resources
 * arrive: each resource is serialized into its entry and handed to the stream at once, so nothing holds the
 * whole Bundle. A reader that falls behind holds the writer back (`ready`). A failure after the first bytes
 * errors the stream, so a download visibly fails instead of ending as valid-looking, truncated JSON; a failure
 * before them is returned to the caller, who can still answer with an error status. See docs/exports.md.
 */

/** What a {@link BundleSource} writes into. */
export interface BundleSink {
  /** Adds one resource, as it is, as the next entry. */
  write(resource: unknown): void;
  /** Resolves when the reader has room for more, or when the stream was cancelled (`signal` says which). */
  ready(): Promise<void>;
  /** Fires when the reader went away or the caller's signal fired: stop writing. */
  signal: AbortSignal;
}

/** Writes every resource of the Bundle into `sink`; resolves when done, rejects on failure. */
export type BundleSource = (sink: BundleSink) => Promise<void>;

/** Options of {@link streamBundle}. */
export interface BundleStreamOptions {
  /** `Bundle.timestamp`: when the Bundle was assembled (an ISO instant). */
  timestamp: string;
  /** The caller's cancellation (e.g. the request's signal). */
  signal?: AbortSignal;
  /** Bytes queued for the reader before `ready` waits (default 4 MiB). */
  highWaterMark?: number;
}

const encoder = new TextEncoder();

/**
 * Runs `source` into a Bundle stream. Resolves with the stream once its first bytes are queued (the first
 * resource was written, or the source finished with none); rejects with the source's error when it fails first.
 */
export function streamBundle(
  source: BundleSource,
  options: BundleStreamOptions,
): Promise<ReadableStream<Uint8Array>> {
  const stop = new AbortController();
  const follow = () => stop.abort(options.signal?.reason);
  if (options.signal?.aborted) follow();
  else options.signal?.addEventListener('abort', follow, { once: true });

  let waiting: (() => void)[] = [];
  const wake = () => {
    const resolvers = waiting;
    waiting = [];
    for (const resolve of resolvers) resolve();
  };
  stop.signal.addEventListener('abort', wake, { once: true });

  let queue!: ReadableStreamDefaultController<Uint8Array>;
  const stream = new ReadableStream<Uint8Array>(
    {
      start: (controller) => void (queue = controller),
      pull: wake,
      cancel: (reason) => stop.abort(reason),
    },
    new ByteLengthQueuingStrategy({ highWaterMark: options.highWaterMark ?? 4 * 1024 * 1024 }),
  );

  const head = `{"resourceType":"Bundle","type":"collection","timestamp":${JSON.stringify(options.timestamp)}`;
  let entries = 0;
  let opened = false;
  let open!: () => void;
  let fail!: (error: unknown) => void;
  const started = new Promise<ReadableStream<Uint8Array>>((resolve, reject) => {
    open = () => {
      opened = true;
      resolve(stream);
    };
    fail = reject;
  });

  const sink: BundleSink = {
    write(resource) {
      if (stop.signal.aborted) return;
      const entry = `{"resource":${JSON.stringify(resource)}}`;
      queue.enqueue(encoder.encode(entries === 0 ? `${head},"entry":[${entry}` : `,${entry}`));
      entries += 1;
      if (!opened) open();
    },
    ready() {
      if (stop.signal.aborted || (queue.desiredSize ?? 0) > 0) return Promise.resolve();
      return new Promise((resolve) => waiting.push(resolve));
    },
    signal: stop.signal,
  };

  const finish = () => {
    // An empty Bundle has no `entry` at all: FHIR JSON has no empty arrays.
    queue.enqueue(encoder.encode(entries === 0 ? `${head}}` : ']}'));
    queue.close();
    open();
  };
  Promise.resolve()
    .then(() => source(sink))
    .then(
      () => {
        if (!stop.signal.aborted) return finish();
        // Stopped, yet the source ended as if complete: what was written is not the whole Bundle.
        if (!opened) fail(stop.signal.reason);
        queue.error(stop.signal.reason);
      },
      (error: unknown) => {
        if (!opened) fail(error);
        // A no-op when the reader already cancelled the stream.
        queue.error(error);
        stop.abort(error);
      },
    )
    .finally(() => options.signal?.removeEventListener('abort', follow));
  return started;
}
