import 'server-only';

/** How long the token manager waits between polls while another caller refreshes: short and jittered. */

/** The pause before poll number `attempt`: 25 ms growing to 250 ms, each randomised to 50–100 %. */
export function pollDelay(attempt: number): number {
  const base = Math.min(250, 25 * 1.5 ** attempt);
  return Math.round(base * (0.5 + Math.random() / 2));
}
