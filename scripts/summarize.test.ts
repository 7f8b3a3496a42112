import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import expected from '@/lib/claims/__fixtures__/expected-v2-summary.json';

const ROOT = path.resolve(import.meta.dirname, '..');
const SAMPLES = 'fixtures/bluebutton';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

// The real command, as `npm run summarize` runs it (tsx), in a child process.
function summarize(...files: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/summarize.ts', ...files],
      { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: '' } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const scratch = mkdtempSync(path.join(tmpdir(), 'summarize-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function scratchFile(name: string, content: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, content);
  return file;
}

describe('npm run summarize', { timeout: 30_000 }, () => {
  it('prints the contract JSON, 2-space indented, for the v2 samples', async () => {
    const run = await summarize(
      `${SAMPLES}/bfd-v2-eob-search-bundle-all-types.json`,
      `${SAMPLES}/bfd-v2-coverage-search-bundle.json`,
    );
    expect(run).toEqual({ code: 0, stdout: `${JSON.stringify(expected, null, 2)}\n`, stderr: '' });
  });

  it('prints the same claims for the v1 samples, without coverage', async () => {
    const { coverage: _, ...withoutCoverage } = expected;
    const run = await summarize(`${SAMPLES}/bfd-v1-eob-search-bundle-all-types.json`);
    expect(run).toEqual({ code: 0, stdout: `${JSON.stringify(withoutCoverage, null, 2)}\n`, stderr: '' });
  });

  it('counts a claim repeated across files once, and skips other resources', async () => {
    const run = await summarize(
      `${SAMPLES}/bfd-v2-eob-search-bundle-paged.json`,
      `${SAMPLES}/bfd-v2-eob-pde.json`,
      `${SAMPLES}/bfd-v2-patient.json`,
      `${SAMPLES}/bb2-bfd-operationoutcome-error.json`,
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ claims: { count: 8 }, totals: expected.totals });
  });

  const badInputs: [string, () => string, RegExp][] = [
    ['a missing file', () => path.join(scratch, 'missing.json'), /missing\.json: file not found$/],
    [
      'a file that is not JSON',
      () => scratchFile('notes.json', 'patient notes, not JSON'),
      /notes\.json: not valid JSON$/,
    ],
    [
      'JSON without a resourceType',
      () => `${SAMPLES}/bb2-v2-userinfo.json`,
      /bb2-v2-userinfo\.json: not a FHIR resource/,
    ],
    ['a JSON array', () => scratchFile('array.json', '[]'), /array\.json: not a FHIR resource/],
    [
      'a Bundle whose entry is not an array',
      () => scratchFile('bundle.json', '{"resourceType":"Bundle","entry":{}}'),
      /bundle\.json: The FHIR Bundle could not be read/,
    ],
  ];

  it.each(badInputs)(
    'fails on %s: one line on stderr naming the file, nothing on stdout',
    async (_, file, message) => {
      const run = await summarize(`${SAMPLES}/bfd-v2-eob-pde.json`, file());
      expect(run.code).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr.trimEnd()).toMatch(message);
    },
  );

  it('asks for files when given none', async () => {
    const run = await summarize();
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/usage/);
  });
});
