/**
 * Errors BFD raises that BB2 passes on (docs/blue-button.md §8): a BFD 4xx with an OperationOutcome becomes
 * `400 {"detail":"An error occurred contacting the upstream server:<diagnostics>"}`.
 */
import { drfError } from './fhir-auth';

/** The BB2 response to a BFD `InvalidRequestException` with `diagnostics`. */
export function upstreamBadRequest(
  diagnostics: string,
  contentType: string,
  headers: Record<string, string> = {},
) {
  return drfError(
    400,
    `An error occurred contacting the upstream server:${diagnostics}`,
    contentType,
    headers,
  );
}

const JAVA_INT_MAX = 2_147_483_647n;
const JAVA_INT_MIN = -2_147_483_648n;

/** BFD's checks of `startIndex`/`_count` (`OffsetLinkBuilder`, `validateStartIndexSize`); a diagnostic or undefined. */
export function pagingDiagnostics(startIndex: bigint, count: number, total: number): string | undefined {
  if (startIndex > JAVA_INT_MAX || startIndex < JAVA_INT_MIN) {
    return 'Invalid argument in request URL: startIndex must be a number.';
  }
  if (startIndex < 0n) return `Value for startIndex cannot be negative: ${startIndex}`;
  if (total > 0 && startIndex >= BigInt(total)) {
    return `Value for startIndex (${startIndex}) must be less than than result size (${total})`;
  }
  if (count === 0) return "Invalid pageSize '0'";
  return undefined;
}
