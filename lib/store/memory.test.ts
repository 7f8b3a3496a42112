import { describe, expect, it } from 'vitest';
import { createMemoryStore, ENTRY_OVERHEAD_BYTES } from './memory';

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

  it('stays within its byte budget: expired entries go first, then the least recently written', async () => {
    const c = clock();
    const entry = 1_000 + ENTRY_OVERHEAD_BYTES + 3; // a 1,000-byte value under a 3-letter key
    const kv = createMemoryStore({ maxBytes: 3 * entry, now: c.now });
    const value = 'x'.repeat(1_000);
    await kv.set('sht', value, 1);
    await kv.set('old', value, 60);
    await kv.set('new', value, 60);
    c.advance(1_000);
    await kv.set('4th', value, 60); // room made by dropping the expired entry
    expect(await kv.get('old')).toBe(value);
    await kv.set('old', value, 60); // rewriting makes it the newest, and costs no more room
    await kv.set('5th', value, 60); // full: evicts the least recently written ("new")
    expect(await kv.get('new')).toBeNull();
    for (const key of ['old', '4th', '5th']) expect(await kv.get(key)).toBe(value);
    await kv.delete('old', '4th');
    await kv.set('6th', value, 60);
    await kv.set('7th', value, 60); // the deletes gave their room back: nothing else goes
    expect(await kv.get('5th')).toBe(value);
  });

  // docs/sessions.md, "The in-memory store". Guards against a store bounded by entry count with one eviction
  // order for everything: there, cached claims written after sign-in pushed out the oldest entry, the tokens.
  it('evicts cached data before anything else: a store filled with claims keeps the token record', async () => {
    const kv = createMemoryStore({ maxBytes: 64 * 1024 });
    const tokens = 't'.repeat(1_200);
    await kv.set('rec:session:tokens', tokens, 3600);
    await kv.set('lock:session:tokens', 'holder', 30);
    for (let i = 0; i < 100; i++) {
      await kv.set(`rec:session:cache:${i}`, 'c'.repeat(4_000), 600, { evictable: true });
    }
    expect(await kv.get('rec:session:tokens')).toBe(tokens);
    expect(await kv.get('lock:session:tokens')).toBe('holder');
    expect(await kv.get('rec:session:cache:99')).not.toBeNull();
    expect(await kv.get('rec:session:cache:0')).toBeNull();
    // When only durable entries are left, the oldest of them goes, as before.
    const small = createMemoryStore({ maxBytes: 2 * (1_000 + ENTRY_OVERHEAD_BYTES + 1) });
    await small.set('a', 'x'.repeat(1_000), 60);
    await small.set('b', 'x'.repeat(1_000), 60);
    await small.set('c', 'x'.repeat(1_000), 60);
    expect(await small.get('a')).toBeNull();
    expect(await small.get('c')).not.toBeNull();
  });

  it('drops a cache entry larger than the store instead of failing; refuses any other', async () => {
    const kv = createMemoryStore({ maxBytes: 10_000 });
    await kv.set('keep', 'k', 60);
    await kv.set('claims', 'c'.repeat(20_000), 60, { evictable: true });
    expect(await kv.get('claims')).toBeNull();
    expect(await kv.get('keep')).toBe('k');
    await expect(kv.set('tokens', 't'.repeat(20_000), 60)).rejects.toThrow(RangeError);
    expect(await kv.get('keep')).toBe('k');
  });

  it('compare-and-set writes only over the value it expects, or over nothing', async () => {
    const c = clock();
    const kv = createMemoryStore({ now: c.now });
    expect(await kv.compareAndSet('k', null, 'first', 60)).toBe(true);
    expect(await kv.compareAndSet('k', null, 'again', 60)).toBe(false);
    expect(await kv.compareAndSet('k', 'other', 'second', 60)).toBe(false);
    expect(await kv.get('k')).toBe('first');
    expect(await kv.compareAndSet('k', 'first', 'second', 1)).toBe(true);
    expect(await kv.get('k')).toBe('second');
    c.advance(1_000); // expired: reads as absent, so only "nothing" matches
    expect(await kv.compareAndSet('k', 'second', 'third', 60)).toBe(false);
    expect(await kv.compareAndSet('k', null, 'third', 60)).toBe(true);
    await kv.delete('k');
    expect(await kv.compareAndSet('k', 'third', 'fourth', 60)).toBe(false);
    expect(await kv.get('k')).toBeNull();
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
