import 'server-only';
import { isRecord, parseJson } from '@/lib/json';
import type { ReconnectReason } from '@/lib/reconnect-reasons';

/**
 * Reduces a Blue Button error body to a short stable code, so no free text (which may echo request data)
 * travels further. DRF bodies `{"detail": "..."}` are matched against the texts Blue Button is known to
 * send (docs/blue-button.md §4, §5, §8, §10) and named like DRF's `default_code`s
 * (https://www.django-rest-framework.org/api-guide/exceptions/); FHIR OperationOutcomes give their
 * `issue[0].code` (https://hl7.org/fhir/R4/operationoutcome.html).
 */

const DETAIL_CODES: readonly (readonly [RegExp, string])[] = [
  [/^Authentication credentials were not provided/, 'not_authenticated'],
  [/is temporarily inactive/, 'app_inactive'],
  [/^User access has timed out/, 'access_timed_out'],
  [/^You do not have permission/, 'permission_denied'],
  [/^Not found\.?$/, 'not_found'],
  [/^Request was throttled/, 'throttled'],
  [/^A failure occurred contacting the upstream server/, 'upstream_failure'],
  [/^An error occurred contacting the upstream server/, 'upstream_error'],
  [/^Using the access token in the query parameters/, 'token_in_query'],
  [/ not allowed\.$/, 'method_not_allowed'],
  [/Accept header/, 'not_acceptable'],
  [/is not valid$|^value must be|^expected int/, 'invalid_parameter'],
];

/** 401 codes a token refresh cannot fix: replaying would only spend a refresh. */
export const UNREFRESHABLE_401_CODES: ReadonlySet<string> = new Set(['app_inactive', 'access_timed_out']);

/** Why the beneficiary must reconnect after a 401 that a refresh cannot fix (or did not), from its code. */
export function unauthorizedReason(code: string | null): ReconnectReason {
  if (code === 'app_inactive') return 'app_inactive';
  return code === 'access_timed_out' ? 'grant_expired' : 'access_revoked';
}

const ISSUE_CODE = /^[a-z][a-z-]{0,39}$/;

/** The code of a parsed error body: a known DRF `detail` text's code, or an OperationOutcome issue code. */
export function errorCodeOf(body: unknown): string | null {
  if (!isRecord(body)) return null;
  if (typeof body.detail === 'string') {
    const detail = body.detail;
    return DETAIL_CODES.find(([pattern]) => pattern.test(detail))?.[1] ?? 'unrecognised_detail';
  }
  if (body.resourceType === 'OperationOutcome' && Array.isArray(body.issue)) {
    const issue: unknown = body.issue[0];
    const code = isRecord(issue) ? issue.code : undefined;
    return typeof code === 'string' && ISSUE_CODE.test(code) ? code : null;
  }
  return null;
}

/** {@link errorCodeOf} for raw response text that may not be JSON at all (an HTML 502 page). */
export function errorCodeOfText(text: string): string | null {
  return errorCodeOf(parseJson(text));
}
