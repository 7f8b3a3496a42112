#!/usr/bin/env node
// `npm audit --omit=dev` for CI: fails on any high or critical advisory in the production dependencies that the
// README's "Dependency audit" section has not triaged (by its GHSA id). When the registry's advisory endpoint
// cannot be reached (an offline mirror answers 405), it says so and does not fail: there is nothing to judge.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SEVERE = new Set(['high', 'critical']);

/** The GHSA ids listed in the README's "Dependency audit" section (up to the next heading of its level or above). */
export function triagedIds(readme) {
  const start = readme.search(/^#{2,3} Dependency audit\b/m);
  if (start < 0) return new Set();
  const rest = readme.slice(start + 1);
  const end = rest.search(/^#{2,3} /m);
  const section = end < 0 ? rest : rest.slice(0, end);
  return new Set(section.match(/GHSA-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}/gi) ?? []);
}

/**
 * Judges `npm audit --json` output: `{ status: 'unreachable', message }` when it is not an audit report (the
 * endpoint answered an error: `{ error }`, or the HTTP failure itself with `message` and `statusCode`), else
 * `{ status: 'ok' | 'failed', findings }` with every high or critical advisory and whether it was triaged.
 */
export function judge(report, triaged) {
  if (report.auditReportVersion === undefined) {
    const message = report.error?.summary || report.error?.code || report.message || 'no audit report';
    return { status: 'unreachable', message: String(message) };
  }
  const findings = [];
  for (const vulnerability of Object.values(report.vulnerabilities ?? {})) {
    for (const via of vulnerability.via ?? []) {
      if (typeof via !== 'object' || !SEVERE.has(via.severity)) continue;
      const id = String(via.url ?? '').match(/GHSA-[0-9a-z-]+/i)?.[0] ?? String(via.source);
      findings.push({
        package: vulnerability.name,
        severity: via.severity,
        id,
        title: via.title,
        triaged: triaged.has(id),
      });
    }
  }
  return { status: findings.every((f) => f.triaged) ? 'ok' : 'failed', findings };
}

function main() {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  let output;
  try {
    output = execFileSync('npm', ['audit', '--omit=dev', '--json'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    // npm audit exits non-zero when it finds something, or when the endpoint fails; the JSON tells which.
    output = error.stdout ?? '';
  }
  let report;
  try {
    report = JSON.parse(output || '{}');
  } catch {
    report = { message: 'npm audit printed no JSON' };
  }
  const result = judge(report, triagedIds(readFileSync(path.join(root, 'README.md'), 'utf8')));
  if (result.status === 'unreachable') {
    console.log(`audit: the advisory endpoint could not be reached (${result.message}); not judged`);
    return 0;
  }
  for (const f of result.findings) {
    console.log(
      `audit: ${f.severity} ${f.id} in ${f.package}: ${f.title}${f.triaged ? ' (triaged in README)' : ''}`,
    );
  }
  const open = result.findings.filter((f) => !f.triaged).length;
  console.log(`audit: ${result.findings.length} high or critical advisories, ${open} not triaged`);
  return result.status === 'ok' ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(main());
