/**
 * Writes lib/codes/data/icd10cm.tsv.gz, the ICD-10-CM catalogue behind lib/codes (docs/codes.md).
 *
 *   npx tsx scripts/codes/generate-icd10cm.ts FILE... [--version FY2026] [--out PATH]
 *     FILE: CDC's icd10cm-order-YYYY.txt (preferred: it has the 3-character categories) and/or
 *     icd10cm-codes-YYYY.txt, unzipped from https://www.cdc.gov/nchs/icd/icd-10-cm/files.html
 *   npx tsx scripts/codes/generate-icd10cm.ts --seed [--out PATH]
 *     without a CDC file: only the codes the local sandbox and the Blue Button fixtures carry, marked partial
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCatalogue, type CatalogueHeader } from './catalogue-writer';
import { parseIcd10CmFile, versionFromFileName } from './icd10cm-files';
import { seedEntries } from './icd10cm-seed';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DEFAULT_OUT = path.join(ROOT, 'lib', 'codes', 'data', 'icd10cm.tsv.gz');
const NAME = 'ICD-10-CM diagnosis codes';
const CDC_PAGE = 'https://www.cdc.gov/nchs/icd/icd-10-cm/files.html';

function fromCdcFiles(files: string[], version: string | undefined) {
  const entries = new Map<string, string>();
  let billable = 0;
  for (const file of files) {
    const parsed = parseIcd10CmFile(readFileSync(file, 'utf8'));
    // The first file named wins for a code both have (name the order file first).
    for (const [code, text] of parsed.entries) if (!entries.has(code)) entries.set(code, text);
    billable = Math.max(billable, parsed.billable);
    console.log(
      `${path.basename(file)}: ${parsed.layout} file, ${parsed.entries.size} codes, ${parsed.skipped} other lines`,
    );
  }
  const names = files.map((file) => path.basename(file)).join(', ');
  const header: CatalogueHeader = {
    name: NAME,
    source: `CDC NCHS ICD-10-CM (public domain), ${names}, ${CDC_PAGE}`,
    version: version ?? versionFromFileName(files[0]!) ?? 'unknown',
    complete: billable >= 70_000,
  };
  return { header, entries };
}

function fromSeed() {
  const header: CatalogueHeader = {
    name: NAME,
    source:
      'PARTIAL: only the ICD-10-CM codes of the local sandbox (sandbox/data/codes/icd10.ts) and the Blue Button ' +
      `fixtures (fixtures/bluebutton), with the upper-case CDC descriptions they carry; not a CDC file (${CDC_PAGE})`,
    version: 'partial (no CDC release)',
    complete: false,
  };
  return { header, entries: seedEntries() };
}

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { seed: { type: 'boolean' }, version: { type: 'string' }, out: { type: 'string' } },
  });
  if (!values.seed && positionals.length === 0) {
    console.error('usage: generate-icd10cm.ts FILE... [--version FYYYYY] [--out PATH] | --seed [--out PATH]');
    return 2;
  }
  const { header, entries } = values.seed ? fromSeed() : fromCdcFiles(positionals, values.version);
  const out = path.resolve(values.out ?? DEFAULT_OUT);
  writeCatalogue(out, header, entries);
  console.log(
    `${path.relative(ROOT, out)}: ${entries.size} codes, ${header.version}, complete: ${header.complete}`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
