import 'server-only';
import { setMaxListeners } from 'node:events';
import { BlueButtonAbortedError } from './errors';

/**
 * Cancellation helpers on the DOM AbortSignal (https://dom.spec.whatwg.org/#interface-abortsignal): an
 * abortable sleep, and a controller that follows a caller's signal so one failure can stop sibling work.
 */

/** Waits `ms`; rejects with {@link BlueButtonAbortedError} when `signal` fires first. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Throws {@link BlueButtonAbortedError} when `signal` has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new BlueButtonAbortedError();
}

/** The default {@link Sleep}: a timer cleared on abort. */
export const sleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new BlueButtonAbortedError());
    const timer = setTimeout(done, Math.max(0, ms));
    function done() {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }
    function aborted() {
      clearTimeout(timer);
      reject(new BlueButtonAbortedError());
    }
    signal?.addEventListener('abort', aborted, { once: true });
  });

/** An AbortController that also aborts when `parent` does. `dispose()` detaches it from the parent. */
export function linkedController(parent: AbortSignal | undefined): AbortController & { dispose(): void } {
  const controller = new AbortController();
  // Every page request in flight or waiting for a slot listens to this signal.
  setMaxListeners(0, controller.signal);
  const follow = () => controller.abort();
  if (parent?.aborted) controller.abort();
  else parent?.addEventListener('abort', follow, { once: true });
  return Object.assign(controller, { dispose: () => parent?.removeEventListener('abort', follow) });
}

/**
 * Runs `tasks` together under one controller linked to `signal`: the first failure aborts the others and
 * is thrown (as {@link BlueButtonAbortedError} when the caller cancelled).
 */
export async function allOrAbort(
  signal: AbortSignal | undefined,
  tasks: (signal: AbortSignal) => readonly Promise<unknown>[],
): Promise<void> {
  const controller = linkedController(signal);
  try {
    await Promise.all(tasks(controller.signal));
  } catch (error) {
    controller.abort();
    throw signal?.aborted ? new BlueButtonAbortedError() : error;
  } finally {
    controller.dispose();
  }
}
