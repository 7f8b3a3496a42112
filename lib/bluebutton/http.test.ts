import { describe, expect, it } from 'vitest';
import { clientSleep as realSleep } from './abort';
import { APP_ERRORS, AppError } from '@/lib/errors';
import { createFhirHttp } from './http';
import { BASE, bundleTotal, EOB, setUpHttpSandbox } from './http.test-support';
import { sandboxTokenSource, testClientConfig } from './client.test-support';

// The HTTP layer against the sandbox's handler passed in as `fetch` (docs/reliability.md #27–#30, #34);
// transport faults and bodies are in http-faults.test.ts.
const { sb, signedIn } = setUpHttpSandbox();

describe('retries (RELIABILITY 27, 28, 29)', () => {
  it('503, 503, 200: three requests, waits of backoffFactor * 2^(i-1)', async () => {
    const { http, waits } = await signedIn();
    await sb.control.script('eob', [{ status: 503, times: 2 }]);
    expect(bundleTotal(await http.getJson(EOB))).toBe(51);
    expect(await sb.control.count('eob')).toBe(3);
    expect(waits).toEqual([125, 250]);
  });

  it('500 on every attempt: 1 + total requests, then a typed error', async () => {
    const { http, waits } = await signedIn();
    await sb.control.script('eob', [{ status: 500, times: 10 }]);
    const error = await http.getJson(EOB).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'medicare_unavailable',
      status: 503,
      detail: { fault: 'http_status', upstreamStatus: 500, attempts: 4 },
    });
    expect(await sb.control.count('eob')).toBe(4);
    expect(waits).toEqual([125, 250, 500]);
  });

  it('respects statusForcelist', async () => {
    const { http } = await signedIn({ retry: { total: 2, backoffFactor: 1, statusForcelist: [503] } });
    await sb.control.script('eob', [{ status: 500 }]);
    await expect(http.getJson(EOB)).rejects.toMatchObject({ detail: { upstreamStatus: 500, attempts: 1 } });
    await sb.control.script('eob', [{ status: 503 }]);
    expect(bundleTotal(await http.getJson(EOB))).toBe(51);
    expect(await sb.control.count('eob')).toBe(3);
  });

  it('does not retry 400, 403 or 404, and names each', async () => {
    const { http, waits } = await signedIn({}, { shareDemographics: false });
    const typeError = http.getJson(`${EOB}&type=bogus`);
    const named = (upstreamStatus: number, upstreamCode: string) => ({
      code: 'medicare_unavailable',
      detail: { fault: 'http_status', upstreamStatus, upstreamCode },
    });
    await expect(typeError).rejects.toMatchObject(named(400, 'invalid_parameter'));
    const patient = http.getJson(`${BASE}/v2/fhir/Patient/`);
    await expect(patient).rejects.toMatchObject(named(403, 'permission_denied'));
    const unknown = `${BASE}/v2/fhir/ExplanationOfBenefit/carrier--1`;
    await expect(http.getJson(unknown)).rejects.toMatchObject(named(404, 'not_found'));
    await sb.control.script('coverage', [
      { status: 403, json: { detail: 'This application, X, is temporarily inactive.' } },
    ]);
    const coverage = http.getJson(`${BASE}/v2/fhir/Coverage/`);
    const inactive = await coverage.catch((e: unknown) => e);
    expect(inactive).toMatchObject({
      detail: { upstreamStatus: 403, upstreamCode: 'app_inactive', attempts: 1 },
    });
    // The message is the app's own: nothing of Blue Button's answer, not even its status.
    expect((inactive as AppError).message).toBe(
      'This app can’t reach Medicare right now because Medicare has paused its access. Please try again later.',
    );
    expect(await sb.control.counts()).toMatchObject({ eob: 2, patient: 1, coverage: 1 });
    expect(waits).toEqual([]);
  });

  it('gives each status not retried its own message, with the support contact where it helps', async () => {
    const { http } = await signedIn({ contactEmail: 'help@example.org' });
    const messageOf = async (step: object) => {
      await sb.control.script('eob', [step]);
      const error = await http.getJson(EOB).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      return (error as AppError).message;
    };
    expect(await messageOf({ status: 400, json: { detail: 'Invalid type parameter' } })).toBe(
      'Medicare could not answer this request for your information. Contact us at help@example.org.',
    );
    expect(await messageOf({ status: 403, json: { detail: 'You do not have permission.' } })).toBe(
      'Medicare did not let this app read this part of your information.',
    );
    expect(
      await messageOf({
        status: 403,
        json: { detail: 'This application, Zyx App, is temporarily inactive.' },
      }),
    ).toBe(
      'This app can’t reach Medicare right now because Medicare has paused its access. Contact us at help@example.org.',
    );
    expect(await messageOf({ status: 404, json: { detail: 'Not found.' } })).toBe(
      'Medicare could not find your records. If you joined Medicare recently, please try again later.',
    );
    expect(await messageOf({ status: 503, times: 4 })).toBe(APP_ERRORS.medicare_unavailable.message);
  });
});

describe('429 and Retry-After (RELIABILITY 30)', () => {
  const throttled = { detail: 'Request was throttled. Expected available in 1 seconds.' };

  it('waits the Retry-After seconds, then succeeds', async () => {
    const { http, waits } = await signedIn();
    await sb.control.script('eob', [{ status: 429, retryAfter: 1, json: throttled }]);
    expect(bundleTotal(await http.getJson(EOB))).toBe(51);
    expect(await sb.control.count('eob')).toBe(2);
    expect(waits).toEqual([1000]);
  });

  it('fails fast with the wait when Retry-After is beyond the budget', async () => {
    const { http, waits } = await signedIn();
    await sb.control.script('eob', [{ status: 429, retryAfter: 120, json: throttled }]);
    const error = await http.getJson(EOB).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'medicare_busy',
      status: 503,
      message: 'Medicare is busy right now. Please try again in a few minutes.',
      detail: { upstreamStatus: 429, upstreamCode: 'throttled', retryAfterMs: 120_000 },
    });
    expect(await sb.control.count('eob')).toBe(1);
    expect(waits).toEqual([]);
  });

  it('reads an HTTP-date Retry-After on 503', async () => {
    const { http, waits } = await signedIn();
    const far = new Date(Date.now() + 3_600_000).toUTCString();
    await sb.control.script('eob', [{ status: 503, retryAfter: far }]);
    await expect(http.getJson(EOB)).rejects.toMatchObject({
      code: 'medicare_unavailable',
      detail: { upstreamStatus: 503, attempts: 1 },
    });
    expect(waits).toEqual([]);
  });
});

describe('401: one refresh-and-replay', () => {
  it('replaces an expired token once and replays the request', async () => {
    const { http, source } = await signedIn();
    await sb.control.advanceClock(3601);
    expect(bundleTotal(await http.getJson(EOB))).toBe(51);
    expect(source.refreshes).toBe(1);
    expect(await sb.control.counts()).toMatchObject({ eob: 2, token: 1 });
    const [rejected, replayed] = await sb.control.requests('eob');
    expect(rejected?.status).toBe(401);
    expect(replayed?.status).toBe(200);
    expect(replayed?.headers.authorization).not.toBe(rejected?.headers.authorization);
  });

  it('gives the typed unauthorized error when the replay is refused too', async () => {
    const { http, source } = await signedIn();
    const denied = { status: 401, json: { detail: 'Authentication credentials were not provided.' } };
    await sb.control.script('eob', [{ ...denied, times: 2 }]);
    const error = await http.getJson(EOB).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'reconnect_required',
      reason: 'access_revoked',
      detail: { fault: 'unauthorized', upstreamCode: 'not_authenticated' },
    });
    expect(source.refreshes).toBe(1);
    expect(await sb.control.counts()).toMatchObject({ eob: 2, token: 1 });
  });

  it('does not spend a refresh on a deactivated app', async () => {
    const { http, source, tokens } = await signedIn();
    await sb.control.updateApp('dashboardLocalSandboxClient0000000000000', { active: false });
    await expect(http.getJson(EOB)).rejects.toMatchObject({
      code: 'reconnect_required',
      reason: 'app_inactive',
      detail: { fault: 'unauthorized', upstreamCode: 'app_inactive' },
    });
    expect(source.refreshes).toBe(0);
    expect(await sb.control.count('eob')).toBe(1);
    expect(tokens.access_token).toBeTruthy();
  });
});

describe('the one door', () => {
  it('sends the bearer token, asks for gzip and FHIR JSON', async () => {
    const { http, tokens } = await signedIn();
    await http.getJson(EOB);
    const [logged] = await sb.control.requests('eob');
    expect(logged?.method).toBe('GET');
    expect(logged?.headers).toMatchObject({
      authorization: `Bearer ${tokens.access_token}`,
      'accept-encoding': 'gzip',
      accept: 'application/fhir+json',
    });
  });

  it('never requests a URL off the configured origin (RELIABILITY 34)', async () => {
    const { http, fetched } = await signedIn();
    for (const url of [
      'https://evil.example/v2/fhir/ExplanationOfBenefit/',
      'http://localhost:8001/v2/fhir/ExplanationOfBenefit/',
      'http://user:pass@localhost:8000/v2/fhir/ExplanationOfBenefit/',
      '/v2/fhir/ExplanationOfBenefit/',
    ]) {
      await expect(http.getJson(url)).rejects.toMatchObject({
        code: 'medicare_unreadable',
        detail: { fault: 'off_origin_link' },
      });
    }
    expect(fetched).toEqual([]);
  });
});

describe('abort', () => {
  it('stops before the first request when already aborted', async () => {
    const { http, fetched } = await signedIn();
    await expect(http.getJson(EOB, AbortSignal.abort())).rejects.toMatchObject({ code: 'cancelled' });
    expect(fetched).toEqual([]);
  });

  it('stops a stalled request and any retry', async () => {
    const { http } = await signedIn();
    await sb.control.script('eob', [{ delayMs: 30_000 }]);
    const controller = new AbortController();
    const pending = http.getJson(EOB, controller.signal);
    while ((await sb.control.count('eob')) === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    expect(await sb.control.count('eob')).toBe(1);
  });

  it('stops during the backoff wait', async () => {
    const { tokens } = await signedIn();
    const controller = new AbortController();
    const http = createFhirHttp({
      config: testClientConfig(BASE),
      tokens: sandboxTokenSource(BASE, tokens, (i, init) => sb.fetch(i, init)),
      fetch: (i, init) => sb.fetch(i, init),
      sleep: (ms, signal) => {
        controller.abort();
        return realSleep(ms, signal);
      },
    });
    await sb.control.script('eob', [{ status: 503, times: 5 }]);
    await expect(http.getJson(EOB, controller.signal)).rejects.toMatchObject({ code: 'cancelled' });
    expect(await sb.control.count('eob')).toBe(1);
  });
});
