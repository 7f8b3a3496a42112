import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

// With no REDIS_URL the process store is the in-memory one; it must survive a module reload (dev hot reload).
describe('getSecureStore', () => {
  it('returns one store per process, even after the module is loaded again', async () => {
    const first = await import('./index');
    const store = first.getSecureStore();
    expect(first.getSecureStore()).toBe(store);
    await store.setJson('index-test', { ok: true }, 60);

    vi.resetModules();
    const reloaded = await import('./index');
    expect(reloaded).not.toBe(first);
    expect(reloaded.getSecureStore()).toBe(store);
    expect(await reloaded.getSecureStore().getJson('index-test', z.object({ ok: z.boolean() }))).toEqual({
      ok: true,
    });
  });
});
