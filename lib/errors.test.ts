import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { NextRequest } from 'next/server';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { apiRoute, errorEnvelope, errorResponse, type ErrorEnvelope } from '@/lib/http/api-route';
import {
  APP_ERRORS,
  AppError,
  contactSentence,
  UPSTREAM_STATUS_MESSAGES,
  upstreamStatusMessage,
  type AppErrorCode,
} from './errors';

// Every code of the one application error: its status, its default message, and what a route answers with it.

/** Each code's status and, where a beneficiary already sees it, the exact words (pages and e2e rely on them). */
const EXPECTED: Record<AppErrorCode, { status: number; message?: string }> = {
  bad_request: { status: 400 },
  not_signed_in: { status: 401, message: 'Please sign in with Medicare.' },
  reconnect_required: { status: 401, message: 'Please connect to Medicare again.' },
  forbidden: { status: 403, message: 'This request must come from this site.' },
  consent_required: {
    status: 403,
    message: 'Please tick the box that agrees to share your Medicare information, then connect.',
  },
  not_found: { status: 404 },
  cancelled: { status: 499, message: 'The request was cancelled.' },
  internal: { status: 500, message: 'Something went wrong.' },
  config_invalid: { status: 500 },
  input_file: { status: 500 },
  medicare_unreadable: {
    status: 502,
    message: "We couldn't read your Medicare data. Please try again later.",
  },
  too_much_data: { status: 502, message: 'There is more Medicare data than this app can show at once.' },
  medicare_busy: { status: 503, message: 'Medicare is busy right now. Please try again in a few minutes.' },
  medicare_unavailable: {
    status: 503,
    message: 'Medicare data is temporarily unavailable. Please try again in a few minutes.',
  },
  service_unavailable: {
    status: 503,
    message: 'This service is temporarily unavailable. Please try again soon.',
  },
};

const CODES = Object.keys(APP_ERRORS) as AppErrorCode[];

/** An error of `code` as a thrower makes it (a reconnect needs its reason). */
const make = (code: AppErrorCode): AppError =>
  code === 'reconnect_required' ? new AppError(code, { reason: 'grant_expired' }) : new AppError(code);

/** The correlation id proxy.ts gives the request. */
const REQUEST_ID = '6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
const request = {
  nextUrl: new URL('http://localhost/api/test'),
  headers: new Headers({ 'x-request-id': REQUEST_ID }),
} as unknown as NextRequest;

/** What a route built with {@link apiRoute} answers when its handler throws `error`. */
async function answer(error: unknown, to: NextRequest = request) {
  const logged: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => void logged.push(String(line)));
  const route = apiRoute(async () => {
    throw error;
  });
  const response = await route(to, undefined);
  return {
    status: response.status,
    cacheControl: response.headers.get('cache-control'),
    body: (await response.json()) as ErrorEnvelope,
    logged,
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the code table', () => {
  it('has exactly the codes the app uses, each with its status', () => {
    expect(CODES.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(CODES)('%s: status, default message and detail', (code) => {
    const error = make(code);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AppError');
    expect(error.code).toBe(code);
    expect(error.status).toBe(EXPECTED[code].status);
    expect(error.message).toBe(APP_ERRORS[code].message);
    if (EXPECTED[code].message) expect(error.message).toBe(EXPECTED[code].message);
    expect(error.detail).toEqual({});
    expect(Object.isFrozen(error.detail)).toBe(true);
  });

  it.each(CODES)('%s: the default message is plain words, safe to show', (code) => {
    const { message } = APP_ERRORS[code];
    expect(message).toMatch(/^[A-Z][^{}<>[\]]*[.]$/);
    expect(message).not.toMatch(/\d/); // no ids, no statuses
    expect(message).not.toMatch(/token|secret|password|bearer|session id/i);
    expect(message).not.toMatch(/https?:|www\.|\/\/|@/);
    expect(message).not.toMatch(/FHIR|HTTP|OAuth|JSON|Bundle|Blue Button|undefined|null/);
  });

  it.each(CODES)('%s: carries a reason only where the beneficiary must reconnect', (code) => {
    expect(make(code).reason).toBe(code === 'reconnect_required' ? 'grant_expired' : undefined);
  });

  it('keeps the reason of a transient sign-in failure on medicare_unavailable, for the server', () => {
    expect(new AppError('medicare_unavailable', { reason: 'token_unavailable' }).reason).toBe(
      'token_unavailable',
    );
  });

  it('takes a message, detail and cause from the thrower', () => {
    const cause = new Error('ECONNRESET');
    const error = new AppError('medicare_unavailable', {
      message: 'Medicare did not answer.',
      detail: { fault: 'network', attempts: 4, systemCode: 'ECONNRESET' },
      cause,
    });
    expect(error).toMatchObject({ message: 'Medicare did not answer.', detail: { attempts: 4 }, cause });
  });
});

describe('the JSON envelope of a route (lib/http/api-route)', () => {
  it.each(CODES.filter((code) => EXPECTED[code].status !== 500))(
    '%s: { error: { code, message } } with its status, never stored',
    async (code) => {
      const { status, body, cacheControl } = await answer(make(code));
      expect(status).toBe(EXPECTED[code].status);
      expect(cacheControl).toBe('private, no-store');
      const reason = code === 'reconnect_required' ? { reason: 'grant_expired' } : {};
      expect(body).toEqual({ error: { code, message: APP_ERRORS[code].message, ...reason } });
    },
  );

  const internal = CODES.filter((code) => EXPECTED[code].status === 500) as ('internal' | 'config_invalid')[];
  it.each(internal)(
    '%s: a generic 500 whose reference is the request’s correlation id, logged by code only',
    async (code) => {
      const secret = new AppError(code, { message: 'Invalid configuration: BB_CLIENT_SECRET is required' });
      const { status, body, logged } = await answer(secret);
      expect(status).toBe(500);
      expect(body).toEqual({
        error: { code: 'internal', message: `Something went wrong. Reference: ${REQUEST_ID}` },
      });
      expect(logged).toHaveLength(1);
      expect(JSON.parse(logged[0]!)).toEqual({
        time: expect.any(String),
        level: 'error',
        event: 'api.failed',
        requestId: REQUEST_ID,
        route: '/api/test',
        errorClass: 'AppError',
        errorCode: code,
      });
    },
  );

  it('answers an unknown error with a generic 500 and a reference, logging its class only', async () => {
    const anonymous = { nextUrl: new URL('http://localhost/api/test'), headers: new Headers() };
    const { status, body, logged } = await answer(
      new TypeError('Zyx Canaryname, claim 1EG4-TE5-MK73'),
      anonymous as unknown as NextRequest,
    );
    expect(status).toBe(500);
    expect(body.error.code).toBe('internal');
    const id = /^Something went wrong\. Reference: ([0-9a-f-]{36})$/.exec(body.error.message)?.[1];
    expect(id).toBeDefined();
    expect(id).not.toBe(REQUEST_ID);
    expect(logged.join('\n')).not.toMatch(/Canary|1EG4/);
    expect(JSON.parse(logged[0]!)).toMatchObject({ requestId: id, errorClass: 'TypeError' });
  });

  it('shows a reason only with reconnect_required, and never the detail or the cause', async () => {
    const unavailable = new AppError('medicare_unavailable', {
      reason: 'token_unavailable',
      detail: {
        operation: 'refresh',
        upstreamStatus: 503,
        upstreamCode: 'server_error',
        retryAfterMs: 120_000,
      },
      cause: new Error('connect ECONNREFUSED 10.0.0.1:443'),
    });
    const { body } = await answer(unavailable);
    expect(body).toEqual({
      error: { code: 'medicare_unavailable', message: APP_ERRORS.medicare_unavailable.message },
    });
    expect(JSON.stringify(body)).not.toMatch(/server_error|120000|ECONNREFUSED|503|refresh/);
    expect(errorEnvelope(new AppError('reconnect_required', { reason: 'refresh_reused' })).error.reason).toBe(
      'refresh_reused',
    );
  });

  it('keeps a thrower’s safe message, e.g. the parameter a bad request names', async () => {
    const { body } = await answer(
      new AppError('bad_request', { message: 'Invalid parameter fresh: must be 1 or 0' }),
    );
    expect(body.error).toEqual({ code: 'bad_request', message: 'Invalid parameter fresh: must be 1 or 0' });
  });
});

describe('a route can only emit codes of the table', () => {
  it('is checked by the compiler', () => {
    expectTypeOf<ErrorEnvelope['error']['code']>().toEqualTypeOf<AppErrorCode>();
    expectTypeOf(errorResponse).parameter(0).toEqualTypeOf<AppError>();
    const _typeChecksOnly = () => [
      // @ts-expect-error: not a code of the table
      new AppError('teapot'),
      // @ts-expect-error: a reconnect needs its reason
      new AppError('reconnect_required'),
      // @ts-expect-error: only reconnect_required and medicare_unavailable carry a reason
      new AppError('not_found', { reason: 'unknown' }),
    ];
    expect(_typeChecksOnly).toBeTypeOf('function');
  });

  it('refuses an unknown code at run time too', () => {
    const code = 'teapot' as AppErrorCode;
    expect(() => new AppError(code as 'internal', { message: 'I am a teapot.' })).toThrow(TypeError);
  });

  it('has every error answer of app/ and lib/ built by lib/http/api-route', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) return sources(full);
        return /\.tsx?$/.test(name) && !/\.test\.tsx?$|\.test-support\.ts$/.test(name) ? [full] : [];
      });
    const builders = [...sources(path.join(root, 'app')), ...sources(path.join(root, 'lib'))]
      .filter((file) => /\berror:\s*\{\s*code\b/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(root, file));
    expect(builders).toEqual([path.join('lib', 'http', 'api-route.ts')]);
  });
});

describe('recognizing an AppError', () => {
  it('holds for an AppError made by another copy of this module, as another bundle of the server makes it', async () => {
    vi.resetModules();
    const copy = await import('./errors');
    expect(copy.AppError).not.toBe(AppError);
    const foreign = new copy.AppError('medicare_busy');
    expect(foreign instanceof AppError).toBe(true);
    expect(new AppError('not_found') instanceof copy.AppError).toBe(true);
  });

  it('does not hold for other errors or look-alikes', () => {
    expect(new Error('medicare_busy') instanceof AppError).toBe(false);
    expect({ name: 'AppError', code: 'medicare_busy' } instanceof AppError).toBe(false);
    expect(AppError[Symbol.hasInstance](null)).toBe(false);
  });
});

describe('messages for statuses not worth retrying (RELIABILITY 29)', () => {
  const contact = 'help@example.org';

  it('names each case in plain words, with the support contact where it helps', () => {
    expect(upstreamStatusMessage({ upstreamStatus: 400, upstreamCode: 'invalid_parameter' }, contact)).toBe(
      'Medicare could not answer this request for your information. Contact us at help@example.org.',
    );
    expect(upstreamStatusMessage({ upstreamStatus: 403, upstreamCode: 'permission_denied' }, contact)).toBe(
      'Medicare did not let this app read this part of your information.',
    );
    expect(upstreamStatusMessage({ upstreamStatus: 403, upstreamCode: 'app_inactive' }, contact)).toBe(
      'This app can’t reach Medicare right now because Medicare has paused its access. Contact us at help@example.org.',
    );
    expect(upstreamStatusMessage({ upstreamStatus: 404, upstreamCode: 'not_found' }, contact)).toBe(
      'Medicare could not find your records. If you joined Medicare recently, please try again later.',
    );
  });

  it('without a configured contact, asks to try again later', () => {
    expect(upstreamStatusMessage({ upstreamStatus: 403, upstreamCode: 'app_inactive' })).toBe(
      'This app can’t reach Medicare right now because Medicare has paused its access. Please try again later.',
    );
    expect(contactSentence(undefined)).toBe(' Please try again later.');
  });

  it('keeps the code’s own message for other statuses and when no answer came', () => {
    expect(upstreamStatusMessage({ upstreamStatus: 500, upstreamCode: null }, contact)).toBeUndefined();
    expect(
      upstreamStatusMessage({ upstreamStatus: 429, upstreamCode: 'throttled' }, contact),
    ).toBeUndefined();
    expect(upstreamStatusMessage({ upstreamStatus: null }, contact)).toBeUndefined();
    expect(upstreamStatusMessage({}, contact)).toBeUndefined();
  });

  it('never passes on text from Medicare’s answer: every message is the table’s', () => {
    for (const message of Object.values(UPSTREAM_STATUS_MESSAGES)) {
      expect(message).not.toMatch(/Blue Button|\d{3}/);
    }
  });
});
