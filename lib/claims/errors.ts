import { AppError } from '../errors';

/**
 * The claims layer's failures, as {@link AppError}s. Nothing from the input goes into them: no ids, names, codes
 * or amounts, only what kind of input was wrong and where in its structure. FHIR Bundle:
 * https://hl7.org/fhir/R4/bundle.html
 */

/** A search page that is not a FHIR Bundle the app can read: not an object, or `entry` is not an array. */
export function malformedBundle(problem: string): AppError {
  return new AppError('medicare_unreadable', { detail: { fault: 'not_bundle', problem } });
}

/** A file given to `npm run summarize` that is missing, not JSON or not a FHIR resource: `<file>: <problem>`. */
export function inputFileError(file: string, problem: string, cause?: unknown): AppError {
  return new AppError('input_file', { message: `${file}: ${problem}`, detail: { file, problem }, cause });
}
