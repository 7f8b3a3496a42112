import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  oauthError,
  readErrorBody,
  revokeErrorReason,
  tokenErrorReason,
  userinfoErrorReason,
} from './oauth-errors';

const ONE_TIME =
  'Your application is not allowed to refresh tokens. To refresh Medicare data, end user must re-authenticate and consent to share their data. If your application needs to refresh tokens, contact us at BlueButtonAPI@cms.hhs.gov.';
const TIMED_OUT =
  'User access has timed out. To refresh Medicare data, end user must re-authenticate and consent to share their data.';
const NOT_FOUND =
  'User access cannot be found. To refresh Medicare data, end user must re-authenticate and consent to share their data.';
const INACTIVE =
  'This application, Medicare Claims Dashboard, is temporarily inactive. If you are the app maintainer, please contact the Blue Button API team.';

// The bodies of docs/blue-button.md §2.3 and §3, as BB2 sends them.
describe('tokenErrorReason', () => {
  it.each([
    ['refresh', 400, { error: 'invalid_grant' }, 'refresh_reused'],
    [
      'refresh',
      400,
      { status_code: 400, error: 'invalid_request', error_description: 'Refresh token not found.' },
      'refresh_reused',
    ],
    [
      'refresh',
      401,
      { status_code: 401, error: 'invalid_grant', error_description: TIMED_OUT },
      'grant_expired',
    ],
    [
      'refresh',
      400,
      { error: 'invalid_grant', error_description: 'The authorization for accessing user data has expired.' },
      'grant_expired',
    ],
    [
      'refresh',
      403,
      { status_code: 403, error: 'invalid_grant', error_description: NOT_FOUND },
      'access_revoked',
    ],
    [
      'refresh',
      403,
      { status_code: 403, error: 'invalid_client', error_description: ONE_TIME },
      'one_time_app',
    ],
    [
      'refresh',
      403,
      { status_code: 403, error: 'invalid_client', error_description: INACTIVE },
      'app_inactive',
    ],
    [
      'refresh',
      400,
      {
        status_code: 400,
        error: 'invalid_client',
        error_description: 'Application does not exist (client_id)',
      },
      'invalid_client',
    ],
    ['refresh', 401, { error: 'invalid_client' }, 'invalid_client'],
    [
      'refresh',
      502,
      { status_code: 502, message: 'Failed to retrieve data from data source.' },
      'token_unavailable',
    ],
    ['refresh', 503, {}, 'token_unavailable'],
    ['refresh', 429, {}, 'token_unavailable'],
    ['refresh', 400, { error: 'invalid_scope' }, 'unknown'],
    ['exchange', 400, { error: 'invalid_grant' }, 'callback_replay'],
    [
      'exchange',
      400,
      { error: 'invalid_request', error_description: 'Code verifier required.' },
      'pkce_mismatch',
    ],
    ['exchange', 400, { error: null, error_description: 'code_challenge does not match' }, 'pkce_mismatch'],
    [
      'exchange',
      400,
      { error: 'invalid_grant', error_description: 'Code verifier is invalid' },
      'pkce_mismatch',
    ],
    ['exchange', 401, { error: 'invalid_client' }, 'invalid_client'],
    [
      'exchange',
      403,
      { status_code: 403, error: 'invalid_client', error_description: INACTIVE },
      'app_inactive',
    ],
    [
      'exchange',
      400,
      { error: 'invalid_request', error_description: 'Mismatching redirect URI.' },
      'unknown',
    ],
    ['exchange', 500, '<html>Server Error</html>', 'token_unavailable'],
  ] as const)('%s %i %j → %s', (operation, status, body, reason) => {
    const { error, description } = readErrorBody(typeof body === 'string' ? body : JSON.stringify(body));
    expect(tokenErrorReason(operation, status, error, description)).toBe(reason);
  });
});

describe('other endpoints', () => {
  it('maps userinfo and revocation failures', () => {
    expect(userinfoErrorReason(401, 'Authentication credentials were not provided.')).toBe('token_expired');
    expect(userinfoErrorReason(401, TIMED_OUT)).toBe('grant_expired');
    expect(userinfoErrorReason(401, INACTIVE)).toBe('app_inactive');
    expect(userinfoErrorReason(503, null)).toBe('token_unavailable');
    expect(revokeErrorReason(401, 'invalid_client', null)).toBe('invalid_client');
    expect(revokeErrorReason(403, 'invalid_client', INACTIVE)).toBe('app_inactive');
    expect(revokeErrorReason(500, null, null)).toBe('token_unavailable');
  });

  it('reads error bodies leniently', () => {
    expect(readErrorBody('{')).toEqual({ error: null, description: null });
    expect(readErrorBody('null')).toEqual({ error: null, description: null });
    expect(readErrorBody('{"detail":"Not found."}')).toEqual({ error: null, description: 'Not found.' });
  });
});

describe('oauthError', () => {
  it('makes a terminal reason reconnect_required, with status and error code but no description', () => {
    const { error, description } = readErrorBody(
      JSON.stringify({ status_code: 401, error: 'invalid_grant', error_description: TIMED_OUT }),
    );
    const reason = tokenErrorReason('refresh', 401, error, description);
    const failure = oauthError('refresh', reason, 401, error);
    expect(failure).toMatchObject({
      code: 'reconnect_required',
      status: 401,
      reason: 'grant_expired',
      message: 'Please connect to Medicare again.',
      detail: { operation: 'refresh', upstreamStatus: 401, upstreamCode: 'invalid_grant' },
    });
    for (const printed of [failure.message, String(failure), inspect(failure), JSON.stringify(failure)]) {
      expect(printed).not.toContain('timed out');
    }
  });

  it('makes a transient reason medicare_unavailable, keeping the reason', () => {
    const failure = oauthError('exchange', 'token_unavailable', null);
    expect(failure).toMatchObject({
      code: 'medicare_unavailable',
      status: 503,
      reason: 'token_unavailable',
      detail: { operation: 'exchange', upstreamStatus: null, upstreamCode: null },
    });
    expect(oauthError('refresh', 'token_garbage', 200)).toMatchObject({
      code: 'medicare_unavailable',
      reason: 'token_garbage',
    });
  });

  it('leaves a reason that is neither terminal nor transient worth trying again, as today', () => {
    expect(oauthError('refresh', 'unknown', 400, 'invalid_scope')).toMatchObject({
      code: 'medicare_unavailable',
      reason: 'unknown',
    });
    expect(oauthError('exchange', 'callback_replay', 400, 'invalid_grant').reason).toBe('callback_replay');
  });
});
