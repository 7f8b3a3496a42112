import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createMemoryStore } from './memory';
import { randomBytes } from 'node:crypto';
import { createSecureStore } from './secure-store';
import { decodeStoreKey, deriveStoreKey, storeKey, storeKeyring } from './store-keys';

const SECRET = 'a-test-secret-that-is-at-least-32-characters-long';
const OTHER_SECRET = 'another-test-secret-of-at-least-32-characters!!';
const schema = z.object({ name: z.string(), count: z.number() });
const value = { name: 'Zyx Canaryname', count: 3 };

function setup(now?: () => number) {
  const kv = createMemoryStore(now ? { now } : {});
  return { kv, store: createSecureStore(kv, SECRET) };
}

/** Changes one character of a base64url part so the bytes differ. */
function flip(text: string, index: number): string {
  const c = text[index];
  return text.slice(0, index) + (c === 'A' ? 'B' : 'A') + text.slice(index + 1);
}

afterEach(() => vi.restoreAllMocks());

describe('secure store', () => {
  it('round-trips JSON and stores only a versioned ciphertext', async () => {
    const { kv, store } = setup();
    await store.setJson('user:1', value, 60);
    expect(await store.getJson('user:1', schema)).toEqual(value);
    const raw = await kv.get('rec:user:1');
    expect(raw).toMatch(/^v2\.[\w-]{8}\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(raw).not.toContain('Canaryname');
    await store.setJson('user:2', value, 60);
    expect(await kv.get('rec:user:2')).not.toBe(raw); // a fresh IV per write
  });

  it('reads a tampered record as absent, whichever part was changed, without logging', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const { kv, store } = setup();
    await store.setJson('k', value, 60);
    const raw = (await kv.get('rec:k')) ?? '';
    const [format, id, iv, body, tag] = raw.split('.') as [string, string, string, string, string];
    const variants = [
      [format, id, flip(iv, 0), body, tag],
      [format, id, iv, flip(body, 0), tag],
      [format, id, iv, body, flip(tag, 0)],
      [format, flip(id, 0), iv, body, tag],
      ['v1', id, iv, body, tag],
      ['v1', iv, body, tag],
      [format, id, iv, body],
      [format, id, iv, body, tag, tag],
      [format, id, iv.slice(2), body, tag],
    ].map((parts) => parts.join('.'));
    for (const variant of [...variants, '', 'not a record', '{"name":"x","count":1}']) {
      await kv.set('rec:k', variant, 60);
      expect(await store.getJson('k', schema)).toBeNull();
    }
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('does not open a record sealed under another secret', async () => {
    const kv = createMemoryStore();
    await createSecureStore(kv, OTHER_SECRET).setJson('k', value, 60);
    expect(await createSecureStore(kv, SECRET).getJson('k', schema)).toBeNull();
    expect(await createSecureStore(kv, OTHER_SECRET).getJson('k', schema)).toEqual(value);
  });

  it('does not open a record copied under another key (the key is authenticated data)', async () => {
    const { kv, store } = setup();
    await store.setJson('session:alice', value, 60);
    await kv.set('rec:session:mallory', (await kv.get('rec:session:alice')) ?? '', 60);
    expect(await store.getJson('session:mallory', schema)).toBeNull();
    expect(await store.getJson('session:alice', schema)).toEqual(value);
  });

  it('reads a record that does not match the schema as absent', async () => {
    const { store } = setup();
    await store.setJson('k', { name: 'x', count: 'three' }, 60);
    expect(await store.getJson('k', schema)).toBeNull();
    await store.setJson('k', null, 60);
    expect(await store.getJson('k', schema)).toBeNull();
  });

  it('expires records after their TTL and deletes them on request', async () => {
    let t = 5_000_000;
    const { store } = setup(() => t);
    await store.setJson('a', value, 10);
    await store.setJson('b', value, 10);
    t += 9_999;
    expect(await store.getJson('a', schema)).toEqual(value);
    await store.delete('b');
    expect(await store.getJson('b', schema)).toBeNull();
    t += 1;
    expect(await store.getJson('a', schema)).toBeNull();
  });

  it('keeps locks apart from records', async () => {
    const { store } = setup();
    await store.setJson('k', value, 60);
    const lock = await store.tryLock('k', 1_000);
    expect(lock).not.toBeNull();
    expect(await store.tryLock('k', 1_000)).toBeNull();
    expect(await store.getJson('k', schema)).toEqual(value);
    await lock?.release();
    expect(await store.tryLock('k', 1_000)).not.toBeNull();
  });

  it('refuses an empty secret and values JSON cannot hold', async () => {
    expect(() => createSecureStore(createMemoryStore(), '')).toThrow();
    await expect(setup().store.setJson('k', undefined, 60)).rejects.toThrow(TypeError);
  });

  it('deflates large records before sealing, and they still open only under their key', async () => {
    const { kv, store } = setup();
    const claims = Array.from({ length: 2000 }, (_, i) => ({
      id: `carrier-${i}`,
      name: 'Zyx Canaryname',
      count: i,
    }));
    const big = z.array(z.object({ id: z.string(), name: z.string(), count: z.number() }));
    await store.setJson('session:claims', claims, 60);
    expect(await store.getJson('session:claims', big)).toEqual(claims);
    const raw = (await kv.get('rec:session:claims')) ?? '';
    expect(raw.startsWith('v2z.')).toBe(true);
    expect(raw.length).toBeLessThan(JSON.stringify(claims).length / 4);
    expect(raw).not.toContain('Canaryname');
    await kv.set('rec:other', raw, 60);
    expect(await store.getJson('other', big)).toBeNull();
    const [format, id, iv, body, tag] = raw.split('.') as [string, string, string, string, string];
    await kv.set('rec:session:claims', [format, id, iv, flip(body, 10), tag].join('.'), 60);
    expect(await store.getJson('session:claims', big)).toBeNull();
    // A small record sealed as v2 does not open when relabelled as deflated (the format is authenticated).
    await store.setJson('small', value, 60);
    await kv.set('rec:small', (await kv.get('rec:small'))!.replace(/^v2\./, 'v2z.'), 60);
    expect(await store.getJson('small', schema)).toBeNull();
  });

  it('writes with setJsonIf only over the record it read (or over none)', async () => {
    const { store } = setup();
    expect(await store.getJsonStamped('k', schema)).toBeNull();
    expect(await store.setJsonIf('k', value, 60, null)).toBe(true);
    expect(await store.setJsonIf('k', value, 60, null)).toBe(false);
    const read = await store.getJsonStamped('k', schema);
    expect(read?.value).toEqual(value);
    await store.setJson('k', { ...value, count: 4 }, 60); // someone else writes the same key meanwhile
    expect(await store.setJsonIf('k', { ...value, count: 5 }, 60, read?.stamp ?? null)).toBe(false);
    expect(await store.getJson('k', schema)).toEqual({ ...value, count: 4 });
    const fresh = await store.getJsonStamped('k', schema);
    expect(await store.setJsonIf('k', { ...value, count: 6 }, 60, fresh?.stamp ?? null)).toBe(true);
    expect(await store.getJson('k', schema)).toEqual({ ...value, count: 6 });
  });
});

// docs/sessions.md, "Rotating the token store key".
describe('secure store keys', () => {
  const keyA = storeKeyring({ secret: SECRET, key: randomBytes(32).toString('base64') });
  const keyB = storeKeyring({ secret: SECRET, key: randomBytes(32).toString('base64url') });

  it('names the sealing key in each record; a previous key still opens, a dropped one does not', async () => {
    const kv = createMemoryStore();
    await createSecureStore(kv, keyA).setJson('old', value, 60);
    expect((await kv.get('rec:old'))?.split('.')[1]).toBe(keyA.current.id);
    const rotated = createSecureStore(kv, { current: keyB.current, previous: [keyA.current] });
    expect(await rotated.getJson('old', schema)).toEqual(value);
    await rotated.setJson('new', value, 60);
    expect((await kv.get('rec:new'))?.split('.')[1]).toBe(keyB.current.id);
    const afterRotation = createSecureStore(kv, keyB);
    expect(await afterRotation.getJson('new', schema)).toEqual(value);
    expect(await afterRotation.getJson('old', schema)).toBeNull();
    expect(await createSecureStore(kv, keyA).getJson('new', schema)).toBeNull();
  });

  it('does not open a record whose key id was swapped for another known key', async () => {
    const kv = createMemoryStore();
    const both = createSecureStore(kv, { current: keyA.current, previous: [keyB.current] });
    await both.setJson('k', value, 60);
    const raw = (await kv.get('rec:k')) ?? '';
    await kv.set('rec:k', raw.replace(`.${keyA.current.id}.`, `.${keyB.current.id}.`), 60);
    expect(await both.getJson('k', schema)).toBeNull();
  });

  it('accepts 32 bytes in base64 or base64url and nothing else; ids are stable and differ per key', () => {
    const bytes = randomBytes(32);
    expect(decodeStoreKey(bytes.toString('base64'))).toEqual(bytes);
    expect(decodeStoreKey(bytes.toString('base64url'))).toEqual(bytes);
    for (const bad of ['', 'short', randomBytes(16).toString('base64'), randomBytes(48).toString('base64')]) {
      expect(decodeStoreKey(bad)).toBeNull();
    }
    expect(decodeStoreKey(`${bytes.toString('base64').slice(0, 42)}!=`)).toBeNull();
    expect(storeKey(bytes).id).toBe(storeKey(Buffer.from(bytes)).id);
    expect(storeKey(bytes).id).toMatch(/^[\w-]{8}$/);
    expect(keyA.current.id).not.toBe(keyB.current.id);
    expect(() => storeKeyring({ secret: SECRET, previousKeys: ['nope'] })).toThrow(/base64/);
    const ring = storeKeyring({
      secret: SECRET,
      previousKeys: [bytes.toString('base64'), bytes.toString('base64url')],
    });
    expect(ring.previous).toHaveLength(1);
    expect(ring.current.id).toBe(deriveStoreKey(SECRET).id); // no TOKEN_STORE_KEY: the derived key seals
  });
});
