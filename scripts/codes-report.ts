/**
 * `npm run codes [-- --users N --from FIRST --anchor YYYY-MM-DD --fhir v1|v2]`: the share of the local
 * sandbox's diagnosis codes and HCPCS Level II line codes that the claim detail page shows with a description,
 * for synthetic users BBUser00000… (200 by default), against the targets in lib/codes/coverage.test-support.ts;
 * exits with 1 below a target. Also what the catalogues alone cover, and the catalogues' sources. See
 * docs/codes.md "The report".
 */
import { register } from 'node:module';
import { parseArgs } from 'node:util';
import type { Tally } from '@/lib/codes/coverage.test-support';

/** lib/codes is `server-only`; this is a server process, so resolve it as Next.js does for server code. */
function allowServerOnly(): void {
  const hook = `export async function resolve(specifier, context, next) {
    if (specifier !== 'server-only') return next(specifier, context);
    return next(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`, import.meta.url);
}

const percent = (value: number) => `${(value * 100).toFixed(2)} %`;

function line(label: string, t: Tally, share: (t: Tally) => number, target?: number): string {
  const sources = Object.entries(t.bySource)
    .map(([source, n]) => `${source} ${n}`)
    .join(', ');
  const goal = target === undefined ? '' : `  (target ≥ ${percent(target)})`;
  return `${label.padEnd(42)} ${percent(share(t)).padStart(9)}  ${t.described}/${t.total}, ${t.distinct.size} distinct${sources ? `; ${sources}` : ''}${goal}`;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv[0] === '--' ? argv.slice(1) : argv,
    options: {
      users: { type: 'string' },
      from: { type: 'string' },
      anchor: { type: 'string' },
      fhir: { type: 'string' },
    },
  });
  allowServerOnly();
  const { COVERAGE_TARGETS, REPORT_ANCHOR, measureCodeCoverage, share } =
    await import('@/lib/codes/coverage.test-support');
  const { codeCatalogues } = await import('@/lib/codes');
  const count = Number(values.users ?? 200);
  const from = Number(values.from ?? 0);
  const anchor = values.anchor ?? REPORT_ANCHOR;
  const users = Array.from({ length: count }, (_, i) => from + i);
  const started = performance.now();
  const version = values.fhir === 'v1' ? 'v1' : 'v2';
  const result = measureCodeCoverage(users, { anchor, version });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);

  console.log(`Code descriptions on the sandbox's claims (docs/codes.md)`);
  console.log(
    `users BBUser${String(from).padStart(5, '0')}…${String(from + count - 1).padStart(5, '0')}, data day ${anchor}, ${version} EOBs, ${result.claims} claims, ${seconds} s\n`,
  );
  console.log(line('diagnoses, shown with a text', result.diagnoses, share, COVERAGE_TARGETS.diagnoses));
  console.log(line('HCPCS Level II, shown with a text', result.hcpcs, share, COVERAGE_TARGETS.hcpcs));
  console.log(line('diagnoses, ICD-10-CM catalogue alone', result.diagnosesByCatalogue, share));
  console.log(line('HCPCS Level II, catalogue alone', result.hcpcsByCatalogue, share));
  console.log(line('revenue centres, catalogue', result.revenueCenters, share));
  console.log(line('NDCs (fills, drug lines), catalogue alone', result.drugsByCatalogue, share));
  console.log(
    `CPT lines (code only, by design)            ${result.cpt.total}, ${result.cpt.distinct.size} distinct codes`,
  );
  for (const [label, t] of [
    ['diagnoses', result.diagnoses],
    ['HCPCS Level II', result.hcpcs],
    ['revenue centres', result.revenueCenters],
  ] as const) {
    if (t.undescribed.size > 0)
      console.log(`${label} without a text: ${[...t.undescribed].sort().join(' ')}`);
  }

  console.log('\nCatalogues');
  for (const c of codeCatalogues()) {
    console.log(
      `- ${c.name}: ${c.entries} entries, ${c.version}${c.complete ? '' : ' (partial)'}; ${c.source}`,
    );
  }

  const missed = [
    share(result.diagnoses) < COVERAGE_TARGETS.diagnoses ? 'diagnoses' : null,
    share(result.hcpcs) < COVERAGE_TARGETS.hcpcs ? 'HCPCS Level II' : null,
  ].filter((name) => name !== null);
  if (missed.length > 0) {
    console.log(`\nBelow target: ${missed.join(', ')}`);
    return 1;
  }
  console.log('\nBoth targets met.');
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
