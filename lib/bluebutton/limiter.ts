import 'server-only';
import { AppError } from '@/lib/errors';

/**
 * A bound on concurrent requests (`BB_PAGE_CONCURRENCY`), first come first served, like medplum's and
 * p-limit's queues (https://github.com/sindresorhus/p-limit). A task whose signal fires while it waits
 * for a slot is rejected without running.
 */

/** Runs `task` once a slot is free. */
export type Limiter = <T>(task: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

/** A limiter allowing `concurrency` tasks at a time. */
export function createLimiter(concurrency: number): Limiter {
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new RangeError('concurrency must be ≥ 1');
  let running = 0;
  const waiting: (() => void)[] = [];

  function release() {
    running -= 1;
    waiting.shift()?.();
  }

  return <T>(task: () => Promise<T>, signal?: AbortSignal) =>
    new Promise<T>((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener('abort', cancel);
        if (signal?.aborted) {
          waiting.shift()?.();
          return reject(new AppError('cancelled'));
        }
        running += 1;
        task().then(resolve, reject).finally(release);
      };
      function cancel() {
        const index = waiting.indexOf(start);
        if (index >= 0) waiting.splice(index, 1);
        reject(new AppError('cancelled'));
      }
      if (signal?.aborted) return reject(new AppError('cancelled'));
      if (running < concurrency) return start();
      waiting.push(start);
      signal?.addEventListener('abort', cancel, { once: true });
    });
}
