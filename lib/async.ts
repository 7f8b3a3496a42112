/**
 * Waiting and cancellation on the DOM AbortSignal (https://dom.spec.whatwg.org/#interface-abortsignal),
 * shared by the token manager (lib/auth) and the Blue Button client (lib/bluebutton).
 */

/** Waits `ms`; with a `signal`, stops waiting as soon as it fires and rejects. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * Waits `ms` on a timer that is cleared on abort. A wait cut short by `signal` rejects with `aborted()`,
 * by default the signal's reason.
 */
export function sleep(
  ms: number,
  signal?: AbortSignal,
  aborted: () => unknown = () => signal?.reason,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(aborted());
    const timer = setTimeout(done, Math.max(0, ms));
    function done() {
      signal?.removeEventListener('abort', stop);
      resolve();
    }
    function stop() {
      clearTimeout(timer);
      reject(aborted());
    }
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/** `promise`, or a rejection with `signal.reason` as soon as `signal` aborts; `promise` keeps running. */
export function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
  });
}
