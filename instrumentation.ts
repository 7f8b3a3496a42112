/**
 * Runs once when a server instance starts: the configuration is validated here, so a bad setting stops
 * start-up with a message naming it instead of failing on the first sign-in.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getConfig } = await import('./lib/config');
  getConfig();
}
