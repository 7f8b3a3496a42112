/**
 * Writes lib/codes/data/hcpcs.tsv from CMS's Alpha-Numeric HCPCS file, replacing the curated set with every
 * Level II code and its short descriptor (docs/codes.md).
 *
 *   npx tsx scripts/codes/generate-hcpcs.ts HCPC2026_JAN_ANWEB.txt [--version "2026 January"] [--out PATH]
 *   (or the workbook saved as CSV)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCatalogue } from './catalogue-writer';
import { parseHcpcsFile } from './hcpcs-files';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CMS_PAGE =
  'https://www.cms.gov/medicare/coding-billing/healthcare-common-procedure-system/quarterly-update';

function versionOf(file: string): string {
  const name = path.basename(file);
  const year = /(20\d\d)/.exec(name)?.[1];
  const month = /_(JAN|APR|JUL|OCT)_/i.exec(name)?.[1];
  return year ? `${year}${month ? ` ${month.toUpperCase()}` : ''} HCPCS` : 'unknown';
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { version: { type: 'string' }, out: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file) {
    console.error('usage: generate-hcpcs.ts HCPCYYYY_MMM_ANWEB.txt|.csv [--version TEXT] [--out PATH]');
    return 2;
  }
  const { layout, entries } = parseHcpcsFile(readFileSync(file, 'latin1'));
  const out = path.resolve(values.out ?? path.join(ROOT, 'lib', 'codes', 'data', 'hcpcs.tsv'));
  writeCatalogue(
    out,
    {
      name: 'HCPCS Level II codes',
      source: `CMS Alpha-Numeric HCPCS file (public), ${path.basename(file)}, short descriptors, ${CMS_PAGE}; no CPT (Level I) or CDT (D-code) text`,
      version: values.version ?? versionOf(file),
      // The full file has some 7,000 Level II codes; a smaller one is an extract.
      complete: entries.size >= 5_000,
    },
    entries,
  );
  console.log(`${path.relative(ROOT, out)}: ${entries.size} codes from a ${layout} file`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
