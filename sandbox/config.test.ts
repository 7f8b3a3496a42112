import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSandboxConfig, SandboxConfigError } from './config';
import { resolveApps } from './options';

describe('loadSandboxConfig', () => {
  it('defaults to port 8000 in development', () => {
    const c = loadSandboxConfig({});
    expect(c.listen).toEqual({ port: 8000 });
    expect(c.options.mode).toBe('development');
  });

  it('reads every variable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-'));
    const file = join(dir, 'apps.json');
    writeFileSync(
      file,
      JSON.stringify([
        {
          clientId: 'x'.repeat(40),
          clientSecret: 's',
          name: 'Other',
          redirectUris: ['https://a.example/cb'],
          dataAccessType: 'ONE_TIME',
        },
      ]),
    );
    const c = loadSandboxConfig({
      SANDBOX_PORT: '9001',
      SANDBOX_HOST: '0.0.0.0',
      SANDBOX_PUBLIC_URL: 'http://sandbox.test:9001',
      SANDBOX_MODE: 'test',
      SANDBOX_LATENCY_MS: '100',
      SANDBOX_TOKEN_LIFETIME: '30',
      SANDBOX_DATA_ANCHOR: '2025-06-02',
      SANDBOX_APPS_FILE: file,
      SANDBOX_REDIRECT_URIS: 'http://localhost:3001/cb, http://127.0.0.1:3000/api/auth/callback/bluebutton',
    });
    expect(c.listen).toEqual({ port: 9001, host: '0.0.0.0' });
    expect(c.options).toMatchObject({
      mode: 'test',
      latencyMs: 100,
      accessTokenLifetime: 30,
      dataAnchor: '2025-06-02',
    });
    const apps = resolveApps(c.options);
    expect(apps).toHaveLength(2);
    expect(apps[0]?.redirectUris).toContain('http://localhost:3001/cb');
    expect(apps[1]?.dataAccessType).toBe('ONE_TIME');
  });

  it('names the variable and the rule when a value is invalid', () => {
    expect(() => loadSandboxConfig({ SANDBOX_PORT: 'abc' })).toThrow(/SANDBOX_PORT/);
    expect(() => loadSandboxConfig({ SANDBOX_MODE: 'staging' })).toThrow(SandboxConfigError);
    expect(() => loadSandboxConfig({ SANDBOX_REDIRECT_URIS: 'not a url' })).toThrow(/SANDBOX_REDIRECT_URIS/);
    expect(() => loadSandboxConfig({ SANDBOX_APPS_FILE: '/nonexistent/apps.json' })).toThrow(
      /SANDBOX_APPS_FILE/,
    );
    expect(() =>
      resolveApps({
        apps: [{ clientId: 'short', clientSecret: 's', name: 'n', redirectUris: ['https://a/cb'] }],
      }),
    ).toThrow(/40 letters or digits/);
  });
});
