/** Reading JSON whose shape is not yet known: a parse that does not throw, and the object test. */

/** The parsed value of `text`, or `undefined` when it is not JSON (`JSON.parse` never returns `undefined`). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** True for a JSON object (not `null`, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
