import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The sandbox stands in for CMS's servers; the app must reach it over HTTP only, like the real API.
describe('the lint rule that keeps the sandbox out of the app', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const code = "import { createSandbox } from '@/sandbox/server';\nexport const s = createSandbox;\n";

  async function ruleIds(filePath: string, source = code) {
    const [result] = await eslint.lintText(source, { filePath });
    return (result?.messages ?? []).map((m) => m.ruleId);
  }

  it.each(['app/page.tsx', 'components/chart.tsx', 'lib/data/claims.ts'])(
    'rejects an import in %s',
    async (file) => {
      expect(await ruleIds(file)).toContain('no-restricted-imports');
    },
  );

  it('rejects a relative import of the sandbox', async () => {
    const relative = "import { x } from '../../sandbox/data/users';\nexport const y = x;\n";
    expect(await ruleIds('app/api/thing/route.ts', relative)).toContain('no-restricted-imports');
  });

  it('allows the sandbox in tests, scripts and the sandbox itself', async () => {
    expect(await ruleIds('scripts/bench.ts')).not.toContain('no-restricted-imports');
    expect(await ruleIds('sandbox/main.ts')).not.toContain('no-restricted-imports');
    expect(await ruleIds('lib/bluebutton/client.int.test.ts')).not.toContain('no-restricted-imports');
  });
});

// Test helpers are `<name>.test-support.ts` next to what they support, fixtures live in `__fixtures__/` and the
// Playwright specs in `e2e/`: none of it may end up in the app (or in the sandbox server).
describe('the lint rule that keeps test code out of product code', () => {
  const eslint = new ESLint({ cwd: process.cwd() });

  async function ruleIds(filePath: string, specifier: string) {
    const source = `import { x } from '${specifier}';\nexport const y = x;\n`;
    const [result] = await eslint.lintText(source, { filePath });
    return (result?.messages ?? []).map((m) => m.ruleId);
  }

  it.each([
    ['lib/data/queries.ts', '@/lib/bluebutton/client.test-support'],
    ['lib/store/index.ts', './redis-server.test-support'],
    ['lib/auth/tokens.ts', './tokens.test-support.ts'],
    ['app/dashboard/page.tsx', '@/lib/claims/__fixtures__/expected-claims'],
    ['components/claims/summary-overview.tsx', '../../e2e/support'],
    ['lib/claims/summarize.ts', './summarize.test'],
    ['proxy.ts', '@/e2e/http-client'],
    ['sandbox/server.ts', './harness.test-support'],
  ])('rejects an import in %s of %s', async (file, specifier) => {
    expect(await ruleIds(file, specifier)).toContain('no-restricted-imports');
  });

  it('allows test helpers in tests, in other test helpers, in scripts and in e2e', async () => {
    const helper = '@/lib/bluebutton/client.test-support';
    expect(await ruleIds('lib/bluebutton/paging.test.ts', helper)).not.toContain('no-restricted-imports');
    expect(await ruleIds('lib/bluebutton/http.test-support.ts', helper)).not.toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds('scripts/bench/data-layer.ts', helper)).not.toContain('no-restricted-imports');
    expect(await ruleIds('e2e/home.spec.ts', './support')).not.toContain('no-restricted-imports');
  });

  it('allows ordinary modules whose names only look alike', async () => {
    expect(await ruleIds('lib/claims/summarize.ts', './testing-dates')).not.toContain(
      'no-restricted-imports',
    );
    expect(await ruleIds('lib/data/queries.ts', '@/lib/claims/test-results')).not.toContain(
      'no-restricted-imports',
    );
  });
});
