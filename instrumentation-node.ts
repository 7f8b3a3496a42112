import { getConfig } from './lib/config';
import { log } from './lib/log';

/**
 * The Node.js-only part of start-up (instrumentation.ts imports it under the Node.js runtime only, so the
 * Edge compile never sees `process.exit`; https://nextjs.org/docs/app/guides/instrumentation).
 */

/** Validates the configuration; a bad setting ends the process with the message naming it. */
export function checkConfiguration(): void {
  try {
    getConfig();
  } catch (error) {
    log.error('config.invalid', {
      configProblem: error instanceof Error ? error.message : String(error),
      requestId: null,
    });
    process.exit(1);
  }
}
