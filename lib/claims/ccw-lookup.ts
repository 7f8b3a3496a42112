/**
 * Looking claim money up by CCW variable name, as docs/money.md "Looking values up" defines it: a
 * category or type coding whose `code` ends with `/<variable>`, never an array position or a coding order.
 * Variables: https://bluebutton.cms.gov/resources/variables/ ; codings: docs/blue-button.md §13.2.
 */
import { decimalOf, type CodeOnlyConcept, type Money } from './fhir-common';
import type { Eob, EobItem } from './fhir-eob-schema';
import { toMicros, type Micros } from './money';

/** Line amounts of one item, by CCW variable name, in micro-dollars. */
export type LineAmounts = ReadonlyMap<string, Micros>;

function codedAs(concept: CodeOnlyConcept | undefined, variable: string): boolean {
  const suffix = `/${variable}`;
  return concept?.coding?.some((coding) => coding.code?.endsWith(suffix)) ?? false;
}

/** A Money's amount in micro-dollars; undefined when it has none. */
export function amountMicros(money: Money | undefined): Micros | undefined {
  const value = decimalOf(money?.value);
  return value === undefined ? undefined : toMicros(value);
}

/**
 * Claim value V: the first amount found in `total[]`, then `benefitBalance[].financial[]`, then
 * `extension[]` (v1 keeps claim money there). Undefined when the claim does not carry V.
 */
export function claimValue(eob: Eob, variable: string): Micros | undefined {
  for (const total of eob.total ?? []) {
    const amount = codedAs(total.category, variable) ? amountMicros(total.amount) : undefined;
    if (amount !== undefined) return amount;
  }
  for (const balance of eob.benefitBalance ?? []) {
    for (const financial of balance.financial ?? []) {
      const amount = codedAs(financial.type, variable) ? amountMicros(financial.usedMoney) : undefined;
      if (amount !== undefined) return amount;
    }
  }
  const suffix = `/${variable}`;
  for (const extension of eob.extension ?? []) {
    const amount = extension.url?.endsWith(suffix) ? amountMicros(extension.valueMoney) : undefined;
    if (amount !== undefined) return amount;
  }
  return undefined;
}

/** The sum of several claim values, missing ones counting 0 (docs/money.md "A missing value is 0"). */
export function claimValues(eob: Eob, variables: readonly string[]): Micros {
  return variables.reduce((sum, variable) => sum + (claimValue(eob, variable) ?? 0), 0);
}

/**
 * An item's adjudication amounts by CCW variable: the part of each category code after its last `/`, which is
 * the same as "ends with `/V`". Entries without an amount add nothing; an entry counts once per variable.
 */
export function lineAmounts(item: EobItem): LineAmounts {
  const amounts = new Map<string, Micros>();
  for (const adjudication of item.adjudication ?? []) {
    const value = amountMicros(adjudication.amount);
    if (value === undefined) continue;
    const codings = adjudication.category?.coding ?? [];
    const counted: string[] = [];
    for (const coding of codings) {
      const slash = coding.code?.lastIndexOf('/') ?? -1;
      if (slash < 0) continue;
      const variable = (coding.code as string).slice(slash + 1);
      if (codings.length > 1 && counted.includes(variable)) continue;
      if (codings.length > 1) counted.push(variable);
      amounts.set(variable, (amounts.get(variable) ?? 0) + value);
    }
  }
  return amounts;
}

/** An item's amount for the variables given, summed; null when the item carries none of them. */
export function lineValue(amounts: LineAmounts, variables: readonly string[]): Micros | null {
  let sum: Micros | null = null;
  for (const variable of variables) {
    const value = amounts.get(variable);
    if (value !== undefined) sum = (sum ?? 0) + value;
  }
  return sum;
}

/**
 * Line sum V (over every item), for each variable given, added together; 0 when no line carries them.
 * docs/money.md "Looking values up".
 */
export function lineSum(lines: readonly LineAmounts[], variables: readonly string[]): Micros {
  return lines.reduce((sum, amounts) => sum + (lineValue(amounts, variables) ?? 0), 0);
}
