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
