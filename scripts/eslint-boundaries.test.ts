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

  it.each(['app/page.tsx', 'components/chart.tsx', 'lib/data/claims.ts'])('rejects an import in %s', async (file) => {
    expect(await ruleIds(file)).toContain('no-restricted-imports');
  });

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
