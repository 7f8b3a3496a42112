import 'server-only';
import type { LoggerInstance } from 'next-auth';

/**
 * next-auth's logger, reduced to event codes. next-auth passes error descriptions, profiles and token
 * responses as metadata; none of it is ever printed.
 */
export const authLogger: LoggerInstance = {
  error(code) {
    console.error(`[auth] error ${code}`);
  },
  warn(code) {
    console.warn(`[auth] warning ${code}`);
  },
  debug() {},
};
