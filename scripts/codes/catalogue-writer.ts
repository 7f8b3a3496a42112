/**
 * Writing code catalogue files in the format lib/codes/catalogue-file.ts reads: `# key: value` header lines,
 * then `code<TAB>description` lines sorted by code, gzipped when the name ends in `.gz`. See docs/codes.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The header of a catalogue file. */
export interface CatalogueHeader {
  name: string;
  source: string;
  version: string;
  complete: boolean;
}

/** The file's text: header, then the entries sorted by code, one line each (tabs and newlines flattened). */
export function catalogueText(header: CatalogueHeader, entries: ReadonlyMap<string, string>): string {
  const clean = (text: string) => text.replace(/[\t\r\n]+/g, ' ').trim();
  const lines = [
    `# name: ${clean(header.name)}`,
    `# source: ${clean(header.source)}`,
    `# version: ${clean(header.version)}`,
    `# complete: ${header.complete ? 'yes' : 'no'}`,
  ];
  // Sorted as JavaScript compares strings, which is how the reader's binary search compares them.
  const codes = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const code of codes) lines.push(`${code}\t${clean(entries.get(code)!)}`);
  return `${lines.join('\n')}\n`;
}

/** Writes the catalogue to `file` (gzipped for `.gz`, which gives the same bytes for the same input). */
export function writeCatalogue(file: string, header: CatalogueHeader, entries: ReadonlyMap<string, string>) {
  const text = catalogueText(header, entries);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, file.endsWith('.gz') ? gzipSync(text, { level: 9 }) : text);
}
