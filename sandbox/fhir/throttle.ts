/**
 * DRF `TokenRateThrottle` keyed by access token, and the `X-RateLimit-*` headers its middleware
 * sets (docs/blue-button.md §10): Limit, Remaining and Reset (seconds, a Python float), "None" where the
 * throttle did not run (non-FHIR views, requests refused before throttling).
 */

/** The `X-RateLimit-*` headers of a response that was not throttled. */
export const RATE_LIMIT_NONE: Record<string, string> = {
  'X-RateLimit-Limit': 'None',
  'X-RateLimit-Remaining': 'None',
  'X-RateLimit-Reset': 'None',
};

/** The outcome of a throttle check. */
export interface ThrottleResult {
  allowed: boolean;
  headers: Record<string, string>;
  /** Seconds until a request would be allowed again (only when refused). */
  wait: number;
}

const WINDOW_MS = 1000;

function pyFloat(seconds: number): string {
  const rounded = Math.round(seconds * 1e6) / 1e6;
  return Number.isInteger(rounded) ? `${rounded}.0` : String(rounded);
}

/** Sliding one-second windows per token (`TOKEN_THROTTLE_RATE`, default 100000/s). */
export class TokenThrottle {
  private history = new Map<string, number[]>();

  check(token: string, limit: number, now: number): ThrottleResult {
    const kept = (this.history.get(token) ?? []).filter((t) => t > now - WINDOW_MS);
    const allowed = kept.length < limit;
    if (allowed) kept.unshift(now);
    this.history.set(token, kept);
    const oldest = kept[kept.length - 1] ?? now;
    const reset = (WINDOW_MS - (now - oldest)) / 1000;
    return {
      allowed,
      wait: allowed ? 0 : Math.max(1, Math.ceil(reset)),
      headers: {
        'X-RateLimit-Limit': String(limit),
        'X-RateLimit-Remaining': String(Math.max(0, limit - kept.length)),
        'X-RateLimit-Reset': pyFloat(reset),
      },
    };
  }

  clear(): void {
    this.history.clear();
  }
}
