/**
 * A small least-recently-used map, sized by entry count or by a weight such as string length.
 */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  private weight = 0;

  /** `limit` in entries, or in the units `weigh` returns. */
  constructor(
    private readonly limit: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  /** The value, marked as most recently used. */
  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  /** Stores a value, evicting the least recently used ones past the limit. */
  set(key: K, value: V): void {
    const old = this.map.get(key);
    if (old !== undefined) {
      this.map.delete(key);
      this.weight -= this.weigh(old);
    }
    this.map.set(key, value);
    this.weight += this.weigh(value);
    for (const [oldest, oldValue] of this.map) {
      if (this.weight <= this.limit || this.map.size <= 1) break;
      this.map.delete(oldest);
      this.weight -= this.weigh(oldValue);
    }
  }

  /** Number of entries. */
  get size(): number {
    return this.map.size;
  }

  /** Drops everything. */
  clear(): void {
    this.map.clear();
    this.weight = 0;
  }
}
