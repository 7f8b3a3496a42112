/**
 * Typed errors of the claims layer. Messages never hold PHI: no ids, names, codes or amounts, only what kind of
 * input was wrong and where in its structure. FHIR Bundle: https://hl7.org/fhir/R4/bundle.html
 */

/** The codes a {@link ClaimsDataError} carries, stable for callers and API error envelopes. */
export type ClaimsErrorCode = 'malformed_bundle' | 'input_file';

/** The base class of the claims layer's errors. */
export class ClaimsDataError extends Error {
  readonly code: ClaimsErrorCode;

  constructor(code: ClaimsErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A search page that is not a FHIR Bundle the app can read: not an object, or `entry` is not an array. */
export class MalformedBundleError extends ClaimsDataError {
  constructor(reason: string) {
    super('malformed_bundle', `The FHIR Bundle could not be read: ${reason}.`);
  }
}

/** A file given to `npm run summarize` that is missing, not JSON or not a FHIR resource; names the file. */
export class InputFileError extends ClaimsDataError {
  readonly file: string;

  constructor(file: string, problem: string, options?: ErrorOptions) {
    super('input_file', `${file}: ${problem}`, options);
    this.file = file;
  }
}
