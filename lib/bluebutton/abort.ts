import 'server-only';
import { setMaxListeners } from 'node:events';
import { sleep, type Sleep } from '@/lib/async';
import { AppError } from '@/lib/errors';

/**
 * The client's cancellation on the DOM AbortSignal (https://dom.spec.whatwg.org/#interface-abortsignal):
 * waits and checks that end in an {@link AppError} `cancelled`, and a controller that follows a caller's
 * signal so one failure can stop sibling work. The waiting itself is lib/async's.
 */

/** Throws an {@link AppError} `cancelled` when `signal` has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('cancelled');
}

/** The client's default {@link Sleep}: rejects with `cancelled` when `signal` fires first. */
export const clientSleep: Sleep = (ms, signal) => sleep(ms, signal, () => new AppError('cancelled'));

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
 * is thrown (as an {@link AppError} `cancelled` when the caller cancelled).
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
    throw signal?.aborted ? new AppError('cancelled') : error;
  } finally {
    controller.dispose();
  }
}
