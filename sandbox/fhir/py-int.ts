/**
 * Python `int(text)` for query values (voluptuous `Coerce(int)` in BB2's search schema,
 * docs/blue-button.md §8): surrounding whitespace, a sign, digits with single underscores between them.
 */
const PY_INT = /^\s*([+-]?)(\d(?:_?\d)*)\s*$/;

/** The integer Python would parse, or undefined where `int()` raises. */
export function pyInt(text: string): bigint | undefined {
  const m = PY_INT.exec(text);
  if (!m) return undefined;
  const value = BigInt((m[2] ?? '').replace(/_/g, ''));
  return m[1] === '-' ? -value : value;
}
