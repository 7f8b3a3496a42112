import 'server-only';

/**
 * Waiting helpers of the token manager: short jittered polling while another caller refreshes, and
 * letting one caller stop waiting without cancelling the refresh that others share.
 */

/** Resolves after `ms`. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The pause before poll number `attempt`: 25 ms growing to 250 ms, each randomised to 50–100 %. */
export function pollDelay(attempt: number): number {
  const base = Math.min(250, 25 * 1.5 ** attempt);
  return Math.round(base * (0.5 + Math.random() / 2));
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
