/**
 * The real server's error texts (WEB `apps/constants.py`, `apps/dot_ext/constants.py`;
 * docs/blue-button.md §3, §4).
 */

/** Refresh by a ONE_TIME app (403). */
export const ONE_TIME_REFRESH_NOT_ALLOWED =
  'Your application is not allowed to refresh tokens. To refresh Medicare data, end user must re-authenticate and consent to share their data. If your application needs to refresh tokens, contact us at BlueButtonAPI@cms.hhs.gov.';

/** A 13-month grant that has expired (401 on refresh, `detail` on FHIR). */
export const GRANT_TIMED_OUT =
  'User access has timed out. To refresh Medicare data, end user must re-authenticate and consent to share their data.';

/** A grant that was deleted (403 on refresh). */
export const GRANT_NOT_FOUND =
  'User access cannot be found. To refresh Medicare data, end user must re-authenticate and consent to share their data.';

/** An app deactivated by CMS. */
export function appInactive(name: string): string {
  return `This application, ${name}, is temporarily inactive. If you are the app maintainer, please contact the Blue Button API team. If you are a Medicare Beneficiary and need assistance, please contact the support team for the application you are trying to access.`;
}

/** DRF `NotAuthenticated` default detail (docs/blue-button.md §4). */
export const NOT_AUTHENTICATED = 'Authentication credentials were not provided.';
/** DRF `PermissionDenied` default detail (docs/blue-button.md §5). */
export const PERMISSION_DENIED = 'You do not have permission to perform this action.';
/** DRF `NotFound` as BB2 raises it (docs/blue-button.md §4, §5). */
export const NOT_FOUND = 'Not found.';
/** `?access_token=` on a resource endpoint (docs/blue-button.md §4). */
export const QUERY_TOKEN_NOT_SUPPORTED =
  'Using the access token in the query parameters is not supported. Use the Authorization header instead';
