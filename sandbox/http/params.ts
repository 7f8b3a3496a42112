/**
 * A multi-valued parameter list with Django `QueryDict` semantics: `get` returns the last value,
 * repeated keys keep every value in order (docs/blue-button.md §8 relies on `getlist` for repeatable params).
 */
export class Params {
  constructor(readonly entries: ReadonlyArray<readonly [string, string]> = []) {}

  static fromSearch(search: URLSearchParams): Params {
    return new Params([...search.entries()]);
  }

  /** The last value for `key` (Django `QueryDict.get`). */
  get(key: string): string | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i];
      if (entry && entry[0] === key) return entry[1];
    }
    return undefined;
  }

  getAll(key: string): string[] {
    return this.entries.filter(([k]) => k === key).map(([, v]) => v);
  }

  has(key: string): boolean {
    return this.entries.some(([k]) => k === key);
  }

  count(key: string): number {
    return this.entries.reduce((n, [k]) => (k === key ? n + 1 : n), 0);
  }

  /** Keys in first-seen order. */
  keys(): string[] {
    return [...new Set(this.entries.map(([k]) => k))];
  }

  /** A plain object for logs: single values as strings, repeated ones as arrays. */
  toRecord(): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const key of this.keys()) {
      const values = this.getAll(key);
      out[key] = values.length === 1 ? (values[0] ?? '') : values;
    }
    return out;
  }

  concat(other: Params): Params {
    return new Params([...this.entries, ...other.entries]);
  }
}
