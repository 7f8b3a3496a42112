/**
 * JSON bodies byte-for-byte as the real server writes them.
 *
 * Django's `JsonResponse` and oauthlib both call Python's `json.dumps` with its defaults
 * (`", "` / `": "` separators, `ensure_ascii=True`), while Django REST framework's `JSONRenderer`
 * writes compact UTF-8 JSON. docs/blue-button.md §2–§4 bodies come from the first kind, FHIR bodies (§8) from
 * the second.
 */

/** A JSON value as the sandbox writes it. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

const NON_ASCII = /[\u0080-\uffff]/g;

function pyString(text: string): string {
  return JSON.stringify(text).replace(
    NON_ASCII,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Python `json.dumps(value)` with default arguments (Django `JsonResponse`, oauthlib errors). */
export function pyJson(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return pyString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(pyJson).join(', ')}]`;
  const parts = Object.entries(value).map(([k, v]) => `${pyString(k)}: ${pyJson(v)}`);
  return `{${parts.join(', ')}}`;
}

/** DRF `JSONRenderer` output: compact, non-ASCII kept (`UNICODE_JSON`). */
export function drfJson(value: JsonValue): string {
  return JSON.stringify(value);
}
