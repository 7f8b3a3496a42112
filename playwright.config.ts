import { defineConfig, devices } from '@playwright/test';

// End-to-end runs use their own ports so they never collide with `npm run dev` (3000 and 8000); two runs on one
// machine can be kept apart with E2E_APP_PORT and E2E_SANDBOX_PORT.
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT) || 3100;
export const E2E_SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT) || 8100;
const appUrl = `http://localhost:${E2E_APP_PORT}`;
const sandboxUrl = `http://localhost:${E2E_SANDBOX_PORT}`;

/** The app's auth secret in end-to-end runs (tests forge check cookies with it). */
export const E2E_AUTH_SECRET = 'end-to-end-tests-only-secret-0123456789abcdef';

const executablePath = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE || undefined;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  use: {
    baseURL: appUrl,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: 'node --import tsx sandbox/main.ts',
      url: `${sandboxUrl}/v2/fhir/metadata`,
      env: {
        SANDBOX_PORT: String(E2E_SANDBOX_PORT),
        SANDBOX_MODE: 'test',
        SANDBOX_CANARY: '1',
        SANDBOX_REDIRECT_URIS: `${appUrl}/api/auth/callback/bluebutton`,
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `node --max-semi-space-size=32 node_modules/next/dist/bin/next start -p ${E2E_APP_PORT}`,
      url: appUrl,
      env: {
        NEXT_TELEMETRY_DISABLED: '1',
        BB_ENVIRONMENT: 'LOCAL',
        BB_BASE_URL: sandboxUrl,
        NEXTAUTH_URL: appUrl,
        NEXTAUTH_SECRET: E2E_AUTH_SECRET,
        // Short enough that the stalled-token-endpoint cases finish quickly.
        BB_TOKEN_TIMEOUT_MS: '2000',
        // Short enough that a test can wait out a refresh cooldown.
        DATA_REFRESH_COOLDOWN_SECONDS: '3',
      },
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
