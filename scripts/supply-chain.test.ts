import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryFiles, root } from './repository-files.test-support';

// docs/reliability.md #49: the dependency and version guard. next-auth is pinned to a vetted 4.24.x, Next is a
// 16.x no older than package.json asks for, the committed lockfile (v3) resolves every dependency, and no file
// of the repository holds a private key, a cloud or chat token, or a client secret other than the local
// sandbox's. Failures name file:line. The `npm audit` half of #49 is scripts/audit.mjs, run by .ci/run.

type PackageJson = {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
type Lockfile = {
  lockfileVersion?: number;
  packages?: Record<string, { version?: string; dependencies?: Record<string, string> } & PackageJson>;
};

const packageText = readFileSync(path.join(root, 'package.json'), 'utf8');
const packageJson = JSON.parse(packageText) as PackageJson;
const lockPath = path.join(root, 'package-lock.json');
const lockText = existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : '';
const lock = (lockText ? JSON.parse(lockText) : {}) as Lockfile;

/** `file:line` of the first line of a file's text holding the needle (line 1 when it is absent). */
function at(file: string, text: string, needle: string): string {
  const index = text.indexOf(needle);
  return `${file}:${index < 0 ? 1 : text.slice(0, index).split('\n').length}`;
}

/** The version the lockfile installs for a top-level package. */
function locked(name: string): string | undefined {
  return lock.packages?.[`node_modules/${name}`]?.version;
}

/** [major, minor, patch] of a version, or of the lower bound of a `^`, `~` or `>=` range. */
function parts(version: string): [number, number, number] | undefined {
  const match = version.trim().match(/^(?:\^|~|>=)?\s*v?(\d+)\.(\d+)\.(\d+)/);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function atLeast(version: [number, number, number], floor: [number, number, number]): boolean {
  for (let i = 0; i < 3; i++) if (version[i] !== floor[i]) return version[i]! > floor[i]!;
  return true;
}

describe('versions and lockfile (#49)', () => {
  it('pins next-auth to an exact 4.24.x, and the lockfile resolves that version', () => {
    const where = at('package.json', packageText, '"next-auth"');
    const spec = packageJson.dependencies?.['next-auth'];
    expect(spec, `${where}: next-auth must be an exact 4.24.x, without ^ or ~`).toMatch(/^4\.24\.\d+$/);
    expect(locked('next-auth'), `${at('package-lock.json', lockText, '"node_modules/next-auth"')}`).toBe(
      spec,
    );
  });

  it('resolves next to a 16.x no older than package.json asks for', () => {
    const where = at('package.json', packageText, '"next"');
    const spec = packageJson.dependencies?.next ?? '';
    const floor = parts(spec);
    expect(floor, `${where}: next's range "${spec}" has no lower bound`).toBeDefined();
    expect(floor![0], `${where}: next must be a 16.x`).toBe(16);
    const version = locked('next') ?? '';
    const resolved = parts(version);
    const lockWhere = at('package-lock.json', lockText, '"node_modules/next"');
    expect(resolved?.[0], `${lockWhere}: the lockfile's next ${version} is not a 16.x`).toBe(16);
    expect(atLeast(resolved!, floor!), `${lockWhere}: next ${version} is older than ${spec}`).toBe(true);
  });

  it('has a committed lockfile v3 that holds every dependency of package.json', () => {
    expect(existsSync(lockPath), 'package-lock.json is missing').toBe(true);
    expect(lock.lockfileVersion, at('package-lock.json', lockText, '"lockfileVersion"')).toBe(3);
    const rootEntry = lock.packages?.[''] ?? {};
    const missing: string[] = [];
    for (const field of ['dependencies', 'devDependencies'] as const) {
      for (const [name, spec] of Object.entries(packageJson[field] ?? {})) {
        const where = at('package.json', packageText, `"${name}"`);
        if (!locked(name)) missing.push(`${where}: ${name} is not installed by package-lock.json`);
        if (rootEntry[field]?.[name] !== spec)
          missing.push(`${where}: package-lock.json has ${name} ${rootEntry[field]?.[name]}, not ${spec}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

// The secret scan.

/** The local sandbox's registered app secret (sandbox/apps.ts, .env.example): public by design. */
const SANDBOX_SECRET = 'localSandboxSecretNotForProductionUse000';

/**
 * Client secret values that are not secrets: the sandbox's; a shell variable (`$BB_SECRET`); a placeholder such as `<your secret>`,
 * `...` or `xxxx`; in tests, a plain lowercase word such as `'secret'` or `'file-secret'`.
 */
export function isAllowedSecretValue(file: string, value: string): boolean {
  if (value === SANDBOX_SECRET || value === '' || /^\$\{?[A-Za-z_]/.test(value)) return true;
  if (/^<[^>]*>$|^(\.{3}|…|\*+|x+|X+)$/.test(value)) return true;
  const isTest = /\.(test|spec)\.tsx?$|(^|\/)e2e\//.test(file);
  return isTest && value.length <= 24 && /^[a-z]+(-[a-z]+)*$/.test(value);
}

const TOKEN_PATTERNS: [string, RegExp][] = [
  ['a private key', /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/],
  ['an AWS access key', /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/],
  ['a GitHub token', /\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,})/],
  ['a Slack token', /\bxox[abeoprs]-[A-Za-z0-9-]{10,}/],
  ['a Slack webhook', /hooks\.slack\.com\/services\/T[A-Za-z0-9]+\/B[A-Za-z0-9]+\/[A-Za-z0-9]+/],
];

/**
 * A quoted client secret in code or JSON: `client_secret: '…'`, `BB_CLIENT_SECRET: "…"`, `clientSecret = '…'`.
 * A quoted value with a space in it is a message, not a secret.
 */
const QUOTED_SECRET = /\b(?:BB_CLIENT_SECRET|client_secret|clientSecret)["']?\s*[:=]\s*(["'`])([^"'`\s]*)\1/g;
/** An unquoted one: `BB_CLIENT_SECRET=…` anywhere (.env, shell, docs); `client_secret: …` in a config file. */
const ENV_SECRET = /\bBB_CLIENT_SECRET=(<[^>\n]*>|\$\{[^}\n]*\}|[^\s"'`#,{}]*)/g;
const BARE_SECRET = /^\s*["']?client_secret["']?\s*[:=][ \t]*([^\s"'`#,{}]+)/;
const CONFIG_FILE = /(^|\/)\.env[^/]*$|\.(ya?ml|env|sh|toml|ini|cfg|conf)$/;

/** Every secret-looking value in a file's text, as `file:line: what`. */
export function findSecrets(file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    for (const [what, pattern] of TOKEN_PATTERNS) if (pattern.test(line)) found.push(`${where}: ${what}`);
    const values = [...line.matchAll(QUOTED_SECRET)].map((m) => m[2]!);
    values.push(...[...line.matchAll(ENV_SECRET)].map((m) => m[1]!));
    const bare = CONFIG_FILE.test(file) ? line.match(BARE_SECRET) : null;
    if (bare) values.push(bare[1]!);
    if (values.some((value) => !isAllowedSecretValue(file, value))) found.push(`${where}: a client secret`);
  });
  return found;
}

describe('secret scan (#49)', () => {
  // Examples are built at run time so that this file holds none of them.
  const key = ['-----BEGIN', 'RSA PRIVATE', 'KEY-----'].join(' ');
  const aws = 'AKIA' + 'Q'.repeat(16);
  const github = 'ghp' + '_' + 'a1'.repeat(18);
  const slack = 'xox' + 'b-' + '1234567890-abcdef';

  it('finds private keys, AWS keys, GitHub and Slack tokens, and client secrets, by file:line', () => {
    const text = ['ok', key, `const id = '${aws}';`, `token: ${github}`, `SLACK=${slack}`].join('\n');
    expect(findSecrets('lib/x.ts', text)).toEqual([
      'lib/x.ts:2: a private key',
      'lib/x.ts:3: an AWS access key',
      'lib/x.ts:4: a GitHub token',
      'lib/x.ts:5: a Slack token',
    ]);
    const real = 'k' + '9Zq'.repeat(12);
    expect(findSecrets('.env.production', `BB_CLIENT_SECRET=${real}`)).toEqual([
      '.env.production:1: a client secret',
    ]);
    expect(findSecrets('config.yaml', `client_secret: ${real}`)).toEqual(['config.yaml:1: a client secret']);
    expect(findSecrets('lib/config.ts', `  clientSecret: '${real}',`)).toEqual([
      'lib/config.ts:1: a client secret',
    ]);
    expect(findSecrets('README.md', `run with BB_CLIENT_SECRET=${real} npm start`)).toEqual([
      'README.md:1: a client secret',
    ]);
    // A word is a placeholder only in tests.
    expect(findSecrets('lib/config.ts', "client_secret: 'production-secret'")).toHaveLength(1);
  });

  it('allows the sandbox secret, placeholders and secrets read from variables', () => {
    expect(findSecrets('.env.example', `BB_CLIENT_SECRET=${SANDBOX_SECRET}`)).toEqual([]);
    expect(findSecrets('.env.example', 'BB_CLIENT_SECRET=')).toEqual([]);
    expect(findSecrets('notes.md', 'BB_CLIENT_SECRET=<your client secret>')).toEqual([]);
    expect(findSecrets('config.yaml', 'client_secret: xxxx')).toEqual([]);
    expect(findSecrets('lib/config.test.ts', "  BB_CLIENT_SECRET: 'registered-secret',")).toEqual([]);
    expect(findSecrets('lib/config.ts', 'clientSecret: env.BB_CLIENT_SECRET ?? file.client_secret,')).toEqual(
      [],
    );
    expect(findSecrets('sandbox/oauth/token.test.ts', '      client_secret: SECRET,')).toEqual([]);
  });

  it('finds no secret in any file of the repository', () => {
    const found: string[] = [];
    const files = repositoryFiles();
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const full = path.join(root, file);
      if (!existsSync(full) || !statSync(full).isFile() || statSync(full).size > 8 * 1024 * 1024) continue;
      const bytes = readFileSync(full);
      if (bytes.subarray(0, 8000).includes(0)) continue; // binary: images, fonts
      found.push(...findSecrets(file, bytes.toString('utf8')));
    }
    expect(found).toEqual([]);
  });
});
