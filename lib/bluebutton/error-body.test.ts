import { describe, expect, it } from 'vitest';
import { errorCodeOf, errorCodeOfText, unauthorizedReason } from './error-body';

describe('errorCodeOf', () => {
  it.each([
    ['Authentication credentials were not provided.', 'not_authenticated'],
    ['You do not have permission to perform this action.', 'permission_denied'],
    ['Not found.', 'not_found'],
    ['Request was throttled. Expected available in 2 seconds.', 'throttled'],
    [
      'User access has timed out. To refresh Medicare data, end user must re-authenticate.',
      'access_timed_out',
    ],
    ['This application, Demo, is temporarily inactive. If you are the app maintainer…', 'app_inactive'],
    ['An error occurred contacting the upstream server:Unsupported ID pattern: x', 'upstream_error'],
    ['A failure occurred contacting the upstream server', 'upstream_failure'],
    ['the type parameter value is not valid', 'invalid_parameter'],
    ['Method "POST" not allowed.', 'method_not_allowed'],
  ])('names the DRF detail %j', (detail, code) => {
    expect(errorCodeOf({ detail })).toBe(code);
  });

  it('never passes on unknown free text', () => {
    expect(errorCodeOf({ detail: 'Zyx Canaryname was not found in 1EG4-TE5-MK73' })).toBe(
      'unrecognised_detail',
    );
  });

  it('reads the first OperationOutcome issue code only when it is a plain code', () => {
    const outcome = (code: unknown) => ({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code, diagnostics: 'Unsupported ID pattern: -1234' }],
    });
    expect(errorCodeOf(outcome('processing'))).toBe('processing');
    expect(errorCodeOf(outcome('not a code; patient -1234'))).toBeNull();
    expect(errorCodeOf(outcome(42))).toBeNull();
  });

  it('gives null for bodies without a code', () => {
    expect(errorCodeOfText('<html><body>Bad Gateway</body></html>')).toBeNull();
    expect(errorCodeOfText('{')).toBeNull();
    expect(errorCodeOf([])).toBeNull();
    expect(errorCodeOf({ error: 'invalid_grant' })).toBeNull();
  });
});

describe('unauthorizedReason', () => {
  it.each([
    ['app_inactive', 'app_inactive'],
    ['access_timed_out', 'grant_expired'],
    ['not_authenticated', 'access_revoked'],
    [null, 'access_revoked'],
  ])('names why a 401 with code %s needs a reconnect: %s', (code, reason) => {
    expect(unauthorizedReason(code)).toBe(reason);
  });
});
