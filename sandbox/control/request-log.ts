/**
 * Per-endpoint call counters and the log of received requests (headers and form fields included)
 * that tests assert on: "exactly one refresh call", "Basic auth used", "no client_secret in the body".
 * Kept in memory for the control API only; never printed.
 */
import type { EndpointName, LoggedRequest } from './types';

const MAX_ENTRIES = 2000;

/** Counters and the bounded request log. */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private counts = new Map<EndpointName, number>();
  private seq = 0;

  /** Records a request and returns its entry (the caller fills in the status later). */
  record(entry: Omit<LoggedRequest, 'seq'>): LoggedRequest {
    const logged: LoggedRequest = { seq: ++this.seq, ...entry };
    this.entries.push(logged);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    this.counts.set(entry.endpoint, (this.counts.get(entry.endpoint) ?? 0) + 1);
    return logged;
  }

  /** Call counts per endpoint (endpoints never called are absent). */
  counters(): Partial<Record<EndpointName, number>> {
    return Object.fromEntries(this.counts);
  }

  /** Logged requests, optionally of one endpoint, oldest first. */
  list(endpoint?: EndpointName): LoggedRequest[] {
    return endpoint ? this.entries.filter((e) => e.endpoint === endpoint) : [...this.entries];
  }

  clear(): void {
    this.entries = [];
    this.counts = new Map();
  }
}
