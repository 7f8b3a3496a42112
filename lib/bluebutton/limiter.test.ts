import { describe, expect, it } from 'vitest';
import { createLimiter } from './limiter';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createLimiter', () => {
  it('runs at most `concurrency` tasks at once, first come first served', async () => {
    const limit = createLimiter(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    let running = 0;
    let peak = 0;
    const results = gates.map((gate, i) =>
      limit(async () => {
        started.push(i);
        peak = Math.max(peak, ++running);
        await gate.promise;
        running -= 1;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    gates[1]!.resolve();
    await results[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((g) => g.resolve());
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3]);
    expect(peak).toBe(2);
  });

  it('rejects a waiting task when its signal fires, without running it', async () => {
    const limit = createLimiter(1);
    const gate = deferred();
    const first = limit(() => gate.promise);
    const controller = new AbortController();
    let ran = false;
    const second = limit(async () => void (ran = true), controller.signal);
    controller.abort();
    await expect(second).rejects.toMatchObject({ name: 'AppError', code: 'cancelled' });
    gate.resolve();
    await first;
    await limit(async () => undefined);
    expect(ran).toBe(false);
  });

  it('passes task failures through and frees the slot', async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limit(async () => 'next')).toBe('next');
  });
});
