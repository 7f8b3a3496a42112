/**
 * Writes lib/codes/data/ndc.tsv, the drug names behind `describeDrug` (docs/codes.md): every NDC the local
 * sandbox emits (sandbox/data/codes/drugs.ts), named as BFD names drugs, "Proprietary - NONPROPRIETARY".
 *
 *   npx tsx scripts/codes/generate-ndc.ts [--out PATH]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { normalizeNdc } from '@/lib/codes/code-forms';
import { PART_B_DRUGS, PART_D_DRUGS } from '@/sandbox/data/codes/drugs';
import { writeCatalogue } from './catalogue-writer';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The sandbox's drugs by 11-digit NDC. */
export function sandboxDrugs(): Map<string, string> {
  const entries = new Map<string, string>();
  for (const { ndc, display } of [...Object.values(PART_D_DRUGS), ...Object.values(PART_B_DRUGS)]) {
    const plain = normalizeNdc(ndc);
    if (plain === null) throw new Error(`sandbox NDC ${ndc} is not 11 digits`);
    entries.set(plain, display);
  }
  return entries;
}

function main(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' } } });
  const out = path.resolve(values.out ?? path.join(ROOT, 'lib', 'codes', 'data', 'ndc.tsv'));
  const entries = sandboxDrugs();
  writeCatalogue(
    out,
    {
      name: 'Drug names by NDC',
      source:
        'the drugs of the local sandbox (sandbox/data/codes/drugs.ts), named from the FDA NDC Directory ' +
        '(https://www.fda.gov/drugs/drug-approvals-and-databases/national-drug-code-directory); labeler codes are ' +
        "real, some generics' product and package codes are representative",
      version: 'sandbox drug list',
      complete: false,
    },
    entries,
  );
  console.log(`${path.relative(ROOT, out)}: ${entries.size} drugs`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  process.exitCode = main(process.argv.slice(2));
}
