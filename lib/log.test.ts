import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from './errors';
import { log, logRecord, REDACTED, routeOf, type LogFields } from './log';

// The logger prints only the fields it knows, each checked against its kind: what follows is everything a
// careless call could hand it, and none of it may reach the output.

const REQUEST_ID = '0b6f5a1e-2c3d-4e5f-9a8b-7c6d5e4f3a2b';

/** Values of the kind the sandbox issues with SANDBOX_CANARY=1, and a beneficiary's facts. */
const SECRETS = {
  accessToken: 'CANARY_AT_q8Xb2LmN4pR7sT1vW3yZ5aC7eG9iK0',
  refreshToken: 'CANARY_RT_h3Jk5Lm7Np9Qr1St3Uv5Wx7Yz9Ab1',
  code: 'CANARY_CODE_m2N4p6R8t0V2x4Z6b8D0f2H4',
  clientSecret: 'localSandboxSecretNotForProductionUse000',
  authorization: 'Bearer eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0',
  basic: 'Basic ZGFzaGJvYXJkTG9jYWxTYW5kYm94Q2xpZW50',
  cookie: 'next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..abc',
  name: 'Zyx Canaryname',
  birthDate: '1950-03-14',
  patient: '-10000000029999',
  mbi: '1EG4TE5MK73',
  claim: 'carrier--10000000123456',
  verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
};

function printed(fields: LogFields): string {
  return JSON.stringify(logRecord('error', 'test.event', fields));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the logger prints only the fields it knows', () => {
  it('drops every unknown field and counts them', () => {
    const record = logRecord('info', 'test.event', { requestId: REQUEST_ID, ...SECRETS } as LogFields);
    expect(record).toEqual({
      level: 'info',
      event: 'test.event',
      requestId: REQUEST_ID,
      droppedFields: Object.keys(SECRETS).length,
    });
  });

  it.each(Object.entries(SECRETS))('redacts %s put in a known field of any kind', (_name, secret) => {
    const fields = [
      'errorCode',
      'errorClass',
      'reason',
      'action',
      'fault',
      'operation',
      'source',
      'method',
      'route',
      'file',
      'digest',
      'requestId',
      'count',
    ];
    for (const field of fields) expect(printed({ [field]: secret }), field).not.toContain(secret);
  });

  it('keeps the one free-text field, the configuration problem, free of tokens, ids and dates', () => {
    const { name: _name, ...detectable } = SECRETS; // a name in free text cannot be told from other words
    for (const secret of Object.values(detectable)) {
      const out = printed({ configProblem: `Invalid configuration: value ${secret} is not allowed` });
      expect(out).not.toContain(secret);
      expect(JSON.parse(out).configProblem).toBe(REDACTED);
    }
    const problem = 'Invalid configuration: BB_CLIENT_SECRET (client_secret) is required';
    expect(JSON.parse(printed({ configProblem: problem })).configProblem).toBe(problem);
  });

  it('prints an error as its class and code, never its message, stack or cause', () => {
    const error = new AppError('medicare_unavailable', {
      message: `Medicare failed for ${SECRETS.name}`,
      detail: { fault: 'http_status', upstreamStatus: 503, operation: 'refresh', problem: SECRETS.birthDate },
      cause: new Error(SECRETS.authorization),
    });
    const out = printed({ error });
    expect(JSON.parse(out)).toEqual({
      level: 'error',
      event: 'test.event',
      errorClass: 'AppError',
      errorCode: 'medicare_unavailable',
      fault: 'http_status',
      operation: 'refresh',
      upstreamStatus: 503,
    });
    const plain = JSON.parse(printed({ error: new TypeError(`${SECRETS.patient} ${SECRETS.name}`) }));
    expect(plain).toEqual({ level: 'error', event: 'test.event', errorClass: 'TypeError' });
  });

  it('keeps the values it is meant to print', () => {
    const record = logRecord('warn', 'auth.leave_failed', {
      requestId: REQUEST_ID,
      action: 'sign-out',
      errorCode: 'medicare_unavailable',
      reason: 'token_unavailable',
      count: 3,
      status: 503,
      digest: '2353456788',
      file: 'icd10-cm.tsv.gz',
      source: 'react-server-components',
      method: 'GET',
    });
    expect(record).toMatchObject({
      requestId: REQUEST_ID,
      action: 'sign-out',
      errorCode: 'medicare_unavailable',
      reason: 'token_unavailable',
      count: 3,
      status: 503,
      digest: '2353456788',
      file: 'icd10-cm.tsv.gz',
      source: 'react-server-components',
      method: 'GET',
    });
  });

  it('keeps next-auth’s event codes', () => {
    expect(logRecord('error', 'auth.error', { errorCode: 'OAUTH_CALLBACK_ERROR' }).errorCode).toBe(
      'OAUTH_CALLBACK_ERROR',
    );
  });

  it('refuses a value of the wrong type, and a malformed request id', () => {
    expect(logRecord('info', 'x', { count: '3' as unknown as number }).count).toBe(REDACTED);
    expect(logRecord('info', 'x', { requestId: 'abc\n{"level":"info"}' }).requestId).toBe(REDACTED);
    expect(logRecord('info', 'x', { reason: 'a\nb' }).reason).toBe(REDACTED);
    expect(logRecord('info', 'Bad event name!').event).toBe('invalid_event_name');
  });
});

describe('routes', () => {
  it('keep the words of a path and lose its ids and query', () => {
    expect(routeOf('/api/auth/callback/bluebutton?code=CANARY_CODE_x&state=abc')).toBe(
      '/api/auth/callback/bluebutton',
    );
    expect(routeOf(`/dashboard/claims/${SECRETS.claim}`)).toBe('/dashboard/claims/:id');
    expect(routeOf('/api/claims/pde-12345/fhir')).toBe('/api/claims/:id/fhir');
    expect(routeOf(`/api/claims/${SECRETS.mbi}`)).toBe('/api/claims/:id');
    expect(routeOf('/dashboard/prescriptions?q=metformin')).toBe('/dashboard/prescriptions');
  });
});

describe('the output', () => {
  it('is one JSON line on stderr for errors, with the time first', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: unknown) => void lines.push(String(line)));
    log.error('api.failed', { requestId: REQUEST_ID, route: '/api/summary', error: new Error('x') });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    const record = JSON.parse(lines[0]!);
    expect(Object.keys(record).slice(0, 4)).toEqual(['time', 'level', 'event', 'requestId']);
    expect(record).toMatchObject({ level: 'error', event: 'api.failed', route: '/api/summary' });
    expect(Number.isNaN(Date.parse(record.time))).toBe(false);
  });

  it('prints info on stdout and warnings on stderr', () => {
    const out = vi.spyOn(console, 'log').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    log.info('a.b', { requestId: null });
    log.warn('c.d', { requestId: null });
    expect(out).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('looks the request id up when none is given, and prints the line without one outside a request', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((line: unknown) => void lines.push(String(line)));
    log.warn('data.unreadable_resources', { count: 2 });
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    expect(JSON.parse(lines[0]!)).toEqual({
      time: expect.any(String),
      level: 'warn',
      event: 'data.unreadable_resources',
      count: 2,
    });
  });
});
