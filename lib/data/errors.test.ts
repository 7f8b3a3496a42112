import { describe, expect, it } from 'vitest';
import { ReconnectRequiredError } from '@/lib/auth/reasons';
import {
  BlueButtonHttpError,
  BlueButtonTimeoutError,
  BlueButtonUnauthorizedError,
  MalformedResponseError,
  OffOriginLinkError,
  TooManyPagesError,
} from '@/lib/bluebutton/errors';
import { OAuthEndpointError } from '@/lib/bluebutton/oauth-errors';
import { TokenRefreshUnavailableError } from '@/lib/auth/token-manager';
import { StoreUnavailableError } from '@/lib/store/kv';
import { toDataError } from './errors';

describe('toDataError', () => {
  it.each([
    [new ReconnectRequiredError('grant_expired'), 'reconnect_required', 401, 'grant_expired'],
    [new BlueButtonUnauthorizedError('app_inactive'), 'reconnect_required', 401, 'app_inactive'],
    [new BlueButtonUnauthorizedError('access_timed_out'), 'reconnect_required', 401, 'grant_expired'],
    [new BlueButtonUnauthorizedError(null), 'reconnect_required', 401, 'access_revoked'],
    [new BlueButtonHttpError(429, 'throttled', 1, 120_000), 'medicare_busy', 503, undefined],
    [new BlueButtonHttpError(500, null, 4), 'medicare_unavailable', 503, undefined],
    [new BlueButtonTimeoutError(4), 'medicare_unavailable', 503, undefined],
    [new MalformedResponseError('not_json'), 'medicare_unreadable', 502, undefined],
    [new OffOriginLinkError(), 'medicare_unreadable', 502, undefined],
    [new TooManyPagesError(400, 500), 'too_much_data', 502, undefined],
    [
      new OAuthEndpointError('refresh', 'refresh_reused', 400, 'invalid_grant'),
      'reconnect_required',
      401,
      'refresh_reused',
    ],
    [new OAuthEndpointError('refresh', 'token_unavailable', 503), 'medicare_unavailable', 503, undefined],
    [
      new TokenRefreshUnavailableError('token_unavailable', 'wait-timeout'),
      'medicare_unavailable',
      503,
      undefined,
    ],
    [new StoreUnavailableError('get', 'ECONNREFUSED'), 'medicare_unavailable', 503, undefined],
  ])('maps %s to %s', (error, code, status, reason) => {
    const mapped = toDataError(error);
    expect(mapped?.code).toBe(code);
    expect(mapped?.status).toBe(status);
    expect(mapped?.reason).toBe(reason);
  });

  it('leaves unknown errors alone, so they become a generic 500', () => {
    expect(toDataError(new TypeError('boom'))).toBeNull();
    expect(toDataError('a string')).toBeNull();
  });

  it('never copies an error message from Blue Button into its own', () => {
    const mapped = toDataError(new BlueButtonHttpError(500, 'unrecognised_detail', 4));
    expect(mapped?.message).not.toMatch(/unrecognised_detail|500/);
  });
});
