/**
 * The sandbox's clock: wall time plus a shift that tests set through the control API, so that
 * access tokens (3600 s), codes (60 s) and 13-month grants (docs/blue-button.md §2.4, §3) expire on demand.
 */
export class SandboxClock {
  private offsetMs = 0;

  constructor(private readonly base: () => number = Date.now) {}

  /** Milliseconds since the epoch, shifted. */
  now(): number {
    return this.base() + this.offsetMs;
  }

  /** Moves the clock forward (or back, for a negative value). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Sets the shift from wall time. */
  setOffset(ms: number): void {
    this.offsetMs = ms;
  }

  /** The current shift from wall time. */
  offset(): number {
    return this.offsetMs;
  }
}

/**
 * `now + months` with Python `relativedelta` semantics: calendar months in UTC, the day clamped to
 * the last day of the target month (docs/blue-button.md §3: grants end 13 months after authorization).
 */
export function addCalendarMonths(ms: number, months: number): number {
  const d = new Date(ms);
  const targetMonth = d.getUTCMonth() + months;
  const year = d.getUTCFullYear() + Math.floor(targetMonth / 12);
  const month = ((targetMonth % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d.getUTCDate(), lastDay);
  return Date.UTC(
    year,
    month,
    day,
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
}

/** `%Y-%m-%dT%H:%M:%SZ`, the `access_grant_expiration` format (docs/blue-button.md §2.3). */
export function formatGrantExpiration(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}
