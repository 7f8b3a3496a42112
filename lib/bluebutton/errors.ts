import 'server-only';

/**
 * Typed errors of the Blue Button client. Messages never hold PHI, tokens or free text from Blue Button's
 * answers: only the HTTP status, a short stable code read from the body (DRF `detail` or FHIR
 * OperationOutcome `issue[0].code`, https://hl7.org/fhir/R4/valueset-issue-type.html), and counts.
 * Blue Button's error bodies: API-FACTS.md §4, §5, §8, §10.
 */

/** The stable codes of {@link BlueButtonError}, for callers and the JSON error envelope. */
export type BlueButtonErrorCode =
  | 'http_status'
  | 'timeout'
  | 'network'
  | 'malformed_response'
  | 'off_origin_link'
  | 'too_many_pages'
  | 'unauthorized'
  | 'demographics_not_shared'
  | 'aborted';

/** The base class of every error the Blue Button client throws. */
export class BlueButtonError extends Error {
  readonly code: BlueButtonErrorCode;

  constructor(code: BlueButtonErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A non-2xx answer that was not retried, or still failed after every retry. */
export class BlueButtonHttpError extends BlueButtonError {
  constructor(
    readonly status: number,
    /** A short code from the body (`permission_denied`, `not_found`, `processing`…), or null. */
    readonly detailCode: string | null,
    readonly attempts: number,
    /** The `Retry-After` wait Blue Button asked for, in ms, when it was too long to honour. */
    readonly retryAfterMs: number | null = null,
  ) {
    const detail = detailCode ? ` (${detailCode})` : '';
    super('http_status', `Blue Button answered ${status}${detail} after ${attempts} attempt(s).`);
  }
}

/** No answer within the per-attempt timeout, on every attempt. */
export class BlueButtonTimeoutError extends BlueButtonError {
  constructor(readonly attempts: number) {
    super('timeout', `Blue Button did not answer in time after ${attempts} attempt(s).`);
  }
}

/** The connection failed (refused, reset, dropped) on every attempt. */
export class BlueButtonNetworkError extends BlueButtonError {
  constructor(
    readonly attempts: number,
    /** The system error code of the last failure (`ECONNRESET`, `ECONNREFUSED`…), when there was one. */
    readonly causeCode: string | null = null,
  ) {
    super('network', `Blue Button could not be reached after ${attempts} attempt(s).`);
  }
}

/** Why a response could not be read. */
export type MalformedReason = 'truncated' | 'not_json' | 'not_bundle';

/** A 2xx body that is cut short, not JSON, or not the FHIR Bundle a search returns. */
export class MalformedResponseError extends BlueButtonError {
  constructor(readonly reason: MalformedReason) {
    const what = { truncated: 'was cut short', not_json: 'is not JSON', not_bundle: 'is not a FHIR Bundle' };
    super('malformed_response', `A Blue Button response ${what[reason]}.`);
  }
}

/** A link to another origin than the configured Blue Button host; it was never requested. */
export class OffOriginLinkError extends BlueButtonError {
  constructor() {
    super('off_origin_link', 'A Blue Button link points to another host; it was not followed.');
  }
}

/** A search needs more pages than the configured cap (`BB_MAX_PAGES`). */
export class TooManyPagesError extends BlueButtonError {
  constructor(
    readonly maxPages: number,
    readonly neededPages: number | null,
  ) {
    const needed = neededPages === null ? 'more' : String(neededPages);
    super('too_many_pages', `Blue Button search needs ${needed} pages; the limit is ${maxPages}.`);
  }
}

/** Still 401 after one refresh-and-replay (or a 401 a refresh cannot fix): the beneficiary must reconnect. */
export class BlueButtonUnauthorizedError extends BlueButtonError {
  constructor(readonly detailCode: string | null) {
    const detail = detailCode ? ` (${detailCode})` : '';
    super('unauthorized', `Blue Button did not accept the access token${detail}.`);
  }
}

/** 403 on Patient: the beneficiary chose not to share demographics (API-FACTS.md §5). */
export class DemographicsNotSharedError extends BlueButtonError {
  constructor() {
    super('demographics_not_shared', 'The beneficiary did not share demographic information.');
  }
}

/** The caller's AbortSignal fired. */
export class BlueButtonAbortedError extends BlueButtonError {
  constructor() {
    super('aborted', 'The Blue Button request was cancelled.');
  }
}
