import { describe, expect, it } from 'vitest';
import { sleep, unlessAborted } from './async';

describe('sleep', () => {
  it('resolves after the wait', async () => {
    const started = Date.now();
    await sleep(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });

  it("rejects with the signal's reason, or the error asked for, when the signal fires", async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    await expect(sleep(60_000, controller.signal, () => new RangeError('mine'))).rejects.toThrow(RangeError);
  });
});

describe('unlessAborted', () => {
  it('passes the result through, and rejects on abort while the work keeps running', async () => {
    expect(await unlessAborted(Promise.resolve(1), undefined)).toBe(1);
    const controller = new AbortController();
    let finished = false;
    const work = sleep(10).then(() => (finished = true));
    const pending = unlessAborted(work, controller.signal);
    controller.abort(new Error('gone'));
    await expect(pending).rejects.toThrow('gone');
    await work;
    expect(finished).toBe(true);
  });
});
