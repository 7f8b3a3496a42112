import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { bundleTotal, EOB, setUpHttpSandbox } from './http.test-support';

// Transport faults and bodies in the HTTP layer, against the sandbox's handler passed in as `fetch`
// (docs/reliability.md #31, #32).
const { sb, signedIn } = setUpHttpSandbox();

describe('timeouts, dropped connections and bodies (RELIABILITY 31, 32)', () => {
  it('aborts a stalled attempt at the per-attempt timeout and retries it', async () => {
    // Long enough for a normal answer on a busy machine, far shorter than the stall.
    const { http, waits } = await signedIn({ timeoutMs: 1000 });
    await sb.control.script('eob', [{ delayMs: 30_000 }]);
    expect(bundleTotal(await http.getJson(EOB))).toBe(51);
    expect(await sb.control.count('eob')).toBe(2);
    expect(waits).toEqual([125]);
  });

  it('gives a timeout error when every attempt stalls', async () => {
    const { http } = await signedIn({
      timeoutMs: 100,
      retry: { total: 1, backoffFactor: 1, statusForcelist: [] },
    });
    await sb.control.script('eob', [{ delayMs: 30_000, times: 2 }]);
    const error = await http.getJson(EOB).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'medicare_unavailable', detail: { fault: 'timeout', attempts: 2 } });
  });

  it('retries a dropped connection like a 503, then names it', async () => {
    const { http } = await signedIn();
    await sb.control.script('eob', [{ drop: 'before' }]);
    expect(bundleTotal(await http.getJson(EOB))).toBe(51);
    await sb.control.script('eob', [{ drop: 'before', times: 4 }]);
    const error = await http.getJson(EOB).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'medicare_unavailable',
      detail: { fault: 'network', attempts: 4, systemCode: 'ECONNRESET' },
    });
  });

  it('retries a truncated body, then reports it', async () => {
    const { http } = await signedIn();
    await sb.control.script('eob', [{ truncate: true }]);
    expect(bundleTotal(await http.getJson(EOB))).toBe(51);
    await sb.control.script('eob', [{ truncate: true, times: 4 }]);
    await expect(http.getJson(EOB)).rejects.toMatchObject({
      code: 'medicare_unreadable',
      detail: { fault: 'truncated' },
    });
    expect(await sb.control.count('eob')).toBe(6);
  });

  it('does not retry a complete body that is not JSON', async () => {
    const { http } = await signedIn();
    await sb.control.script('eob', [{ status: 200, body: '{' }]);
    const error = await http.getJson(EOB).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'medicare_unreadable', detail: { fault: 'not_json' } });
    expect(await sb.control.count('eob')).toBe(1);
  });

  it('treats an HTML 502 page as a retryable 502 without reading its text', async () => {
    const { http } = await signedIn();
    const page = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    await sb.control.script('eob', [{ status: 502, body: page, contentType: 'text/html', times: 4 }]);
    await expect(http.getJson(EOB)).rejects.toMatchObject({
      code: 'medicare_unavailable',
      detail: { upstreamStatus: 502, upstreamCode: null, attempts: 4 },
    });
  });
});
