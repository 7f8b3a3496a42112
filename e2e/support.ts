import { createHash, randomBytes } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { E2E_APP_PORT, E2E_SANDBOX_PORT } from '../playwright.config';

export const appUrl = `http://localhost:${E2E_APP_PORT}`;
export const sandboxUrl = `http://localhost:${E2E_SANDBOX_PORT}`;
export const callbackUrl = `${appUrl}/api/auth/callback/bluebutton`;

/** The local sandbox's default registered app (see .env.example). */
export const localApp = {
  clientId: 'dashboardLocalSandboxClient0000000000000',
  clientSecret: 'localSandboxSecretNotForProductionUse000',
};

export function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const state = randomBytes(32).toString('base64url');
  return { verifier, challenge, state };
}

/** Records every request the page makes that does not go to one of the allowed origins. */
export function recordForeignRequests(page: Page, allowedOrigins: string[]): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (!allowedOrigins.includes(url.origin)) foreign.push(request.url());
  });
  return foreign;
}

export async function expectNoForeignRequests(foreign: string[]) {
  expect(foreign, 'requests to third parties').toEqual([]);
}
