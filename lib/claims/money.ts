/**
 * Money arithmetic for the summary contract: amounts are added as integer micro-dollars, so sums are exact
 * whatever the number of claims, and rounded to cents only at the end (docs/money.md "Output shape").
 */

/** An amount in integer millionths of a US dollar. */
export type Micros = number;

const MICROS_PER_DOLLAR = 1_000_000;
const MICROS_PER_CENT = 10_000;

/** The exact micro-dollars of a FHIR decimal amount in dollars (BFD amounts have at most two decimals). */
export function toMicros(dollars: number): Micros {
  return Math.round(dollars * MICROS_PER_DOLLAR);
}

/** Dollars for micro-dollars, unrounded: `toMicros(fromMicros(m)) === m` for any realistic amount. */
export function fromMicros(micros: Micros): number {
  return micros / MICROS_PER_DOLLAR;
}

/** Dollars rounded to cents, half away from zero, for output (docs/money.md: "rounded to cents only at the end"). Never -0. */
export function roundToCents(micros: Micros): number {
  const cents = Math.round(Math.abs(micros) / MICROS_PER_CENT);
  return (micros < 0 ? -cents : cents) / 100 + 0;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A FHIR decimal sent as a JSON number or as a numeric string (`"12.50"`); undefined for anything else.
 * https://hl7.org/fhir/R4/datatypes.html#decimal
 */
export function parseDecimal(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : undefined;
}
