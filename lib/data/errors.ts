import { ReconnectRequiredError, type ReconnectReason } from '@/lib/auth/reasons';
import {
  BlueButtonAbortedError,
  BlueButtonError,
  BlueButtonHttpError,
  BlueButtonUnauthorizedError,
} from '@/lib/bluebutton/errors';
import { OAuthEndpointError } from '@/lib/bluebutton/oauth-errors';
import { TokenRefreshUnavailableError } from '@/lib/auth/token-manager';
import { StoreUnavailableError } from '@/lib/store/kv';

/** The codes of the `{ "error": { "code", "message" } }` envelope and the HTTP status of each. */
export const DATA_ERROR_STATUS = {
  bad_request: 400,
  not_signed_in: 401,
  reconnect_required: 401,
  not_found: 404,
  medicare_busy: 503,
  medicare_unavailable: 503,
  medicare_unreadable: 502,
  too_much_data: 502,
  cancelled: 499,
  internal: 500,
} as const;
/** A code of the error envelope. */
export type DataErrorCode = keyof typeof DATA_ERROR_STATUS;

/** An error the data layer reports to pages and routes: a code, a plain-language message, no PHI. */
export class DataError extends Error {
  override name = 'DataError';
  constructor(
    readonly code: DataErrorCode,
    message: string,
    /** Why the beneficiary must reconnect, for `reconnect_required`. */
    readonly reason?: ReconnectReason,
  ) {
    super(message);
  }

  get status(): number {
    return DATA_ERROR_STATUS[this.code];
  }
}

const unavailable = 'Medicare data is temporarily unavailable. Please try again in a few minutes.';

/** Turns whatever the session or Blue Button layers threw into a {@link DataError}; unknown errors stay unknown. */
export function toDataError(error: unknown): DataError | null {
  if (error instanceof DataError) return error;
  if (error instanceof ReconnectRequiredError) {
    return new DataError('reconnect_required', 'Please connect to Medicare again.', error.reason);
  }
  if (error instanceof BlueButtonUnauthorizedError) {
    const reason =
      error.detailCode === 'app_inactive'
        ? 'app_inactive'
        : error.detailCode === 'access_timed_out'
          ? 'grant_expired'
          : 'access_revoked';
    return new DataError('reconnect_required', 'Please connect to Medicare again.', reason);
  }
  if (error instanceof OAuthEndpointError) {
    return error.terminal
      ? new DataError('reconnect_required', 'Please connect to Medicare again.', error.reason)
      : new DataError('medicare_unavailable', unavailable);
  }
  if (error instanceof BlueButtonAbortedError)
    return new DataError('cancelled', 'The request was cancelled.');
  if (error instanceof BlueButtonHttpError && error.status === 429) {
    return new DataError('medicare_busy', 'Medicare is busy right now. Please try again in a few minutes.');
  }
  if (error instanceof BlueButtonError) {
    if (error.code === 'malformed_response' || error.code === 'off_origin_link') {
      return new DataError(
        'medicare_unreadable',
        "We couldn't read your Medicare data. Please try again later.",
      );
    }
    if (error.code === 'too_many_pages') {
      return new DataError('too_much_data', 'There is more Medicare data than this app can show at once.');
    }
    return new DataError('medicare_unavailable', unavailable);
  }
  if (error instanceof TokenRefreshUnavailableError)
    return new DataError('medicare_unavailable', unavailable);
  if (error instanceof StoreUnavailableError) {
    return new DataError(
      'medicare_unavailable',
      'This service is temporarily unavailable. Please try again soon.',
    );
  }
  return null;
}
