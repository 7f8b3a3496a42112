import type { Instrumentation } from 'next';
import { log } from './lib/log';
import { REQUEST_ID_HEADER } from './lib/request-id';

/**
 * Runs once when a server instance starts: the configuration is validated here, so a bad setting stops
 * start-up with a message naming it instead of failing on the first sign-in. Next.js compiles this file for
 * the Edge runtime too: the check is imported only under Node.js, from instrumentation-node.ts.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { checkConfiguration } = await import('./instrumentation-node');
    checkConfiguration();
  }
}

/**
 * Every error a page, RSC request or route handler did not handle: one log line tying the request's
 * correlation id to the digest `error.tsx` shows, with the error's class only
 * (https://nextjs.org/docs/app/api-reference/file-conventions/instrumentation#onrequesterror-optional).
 */
export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const requestId = request.headers[REQUEST_ID_HEADER];
  log.error('request.failed', {
    requestId: typeof requestId === 'string' ? requestId : null,
    method: request.method,
    route: request.path,
    source: context.routeType,
    digest: (error as { digest?: string }).digest,
    error,
  });
};
