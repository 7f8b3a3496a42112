/**
 * Runs once when a server instance starts: the configuration is validated here, so a bad setting stops
 * start-up with a message naming it instead of failing on the first sign-in.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { ConfigError, getConfig } = await import('./lib/config');
  try {
    getConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
