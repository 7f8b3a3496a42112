import { describe, expect, it } from 'vitest';
import { createMemoryStore } from './memory';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('memory store', () => {
  it('stores, replaces and deletes values', async () => {
    const kv = createMemoryStore();
    expect(await kv.get('a')).toBeNull();
    await kv.set('a', '1', 60);
    await kv.set('b', '2', 60);
    await kv.set('a', '3', 60);
    expect(await kv.get('a')).toBe('3');
    await kv.delete('a', 'b', 'missing');
    expect(await kv.get('a')).toBeNull();
    expect(await kv.get('b')).toBeNull();
  });

  it('expires values after their TTL', async () => {
    const c = clock();
    const kv = createMemoryStore({ now: c.now });
    await kv.set('a', '1', 2);
    await kv.set('b', '1', 0.5);
    c.advance(1_999);
    expect(await kv.get('a')).toBe('1');
    expect(await kv.get('b')).toBeNull();
    c.advance(1);
    expect(await kv.get('a')).toBeNull();
  });

  it('rejects a TTL that is not positive', async () => {
    const kv = createMemoryStore();
    await expect(kv.set('a', '1', 0)).rejects.toThrow(RangeError);
    await expect(kv.set('a', '1', Number.NaN)).rejects.toThrow(RangeError);
    await expect(kv.tryLock('l', -1)).rejects.toThrow(RangeError);
  });

  it('stays within maxEntries: expired entries go first, then the least recently written', async () => {
    const c = clock();
    const kv = createMemoryStore({ maxEntries: 3, now: c.now });
    await kv.set('short', 'x', 1);
    await kv.set('old', 'x', 60);
    await kv.set('new', 'x', 60);
    c.advance(1_000);
    await kv.set('fourth', 'x', 60); // room made by dropping the expired entry
    expect(await kv.get('old')).toBe('x');
    await kv.set('old', 'y', 60); // rewriting makes it the newest
    await kv.set('fifth', 'x', 60); // full: evicts the least recently written ("new")
    expect(await kv.get('new')).toBeNull();
    expect(await kv.get('old')).toBe('y');
    expect(await kv.get('fourth')).toBe('x');
    expect(await kv.get('fifth')).toBe('x');
  });

  it('gives a lock to one holder at a time and frees it on release or expiry', async () => {
    const c = clock();
    const kv = createMemoryStore({ now: c.now });
    const first = await kv.tryLock('l', 1_000);
    expect(first).not.toBeNull();
    expect(await kv.tryLock('l', 1_000)).toBeNull();
    await first?.release();
    const second = await kv.tryLock('l', 1_000);
    expect(second).not.toBeNull();
    c.advance(1_000); // the holder "died": the TTL frees the lock
    const third = await kv.tryLock('l', 1_000);
    expect(third).not.toBeNull();
    await second?.release(); // an expired holder's release must not free the new holder's lock
    expect(await kv.tryLock('l', 1_000)).toBeNull();
    await third?.release();
    expect(await kv.tryLock('l', 1_000)).not.toBeNull();
  });

  it('is unusable after close', async () => {
    const kv = createMemoryStore();
    await kv.set('a', '1', 60);
    await kv.close();
    await expect(kv.get('a')).rejects.toThrow(/closed/);
  });
});
