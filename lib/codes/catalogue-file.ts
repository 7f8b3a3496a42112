/**
 * A code catalogue file: UTF-8 text, optionally gzipped, `# key: value` header lines naming its source and
 * version, then one `code<TAB>description` line per code, sorted by code. The text is kept as one string with
 * the offsets of its lines, searched by binary search: about the file's size in memory, nothing per entry.
 * File format and regeneration: docs/codes.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { log } from '@/lib/log';

/** What a catalogue file says about itself in its header. */
export interface CatalogueInfo {
  name: string;
  version: string;
  source: string;
  /** False when the file says it holds only part of the code set (`# complete: no`). */
  complete: boolean;
  entries: number;
}

/** A loaded catalogue: its header and a look-up by exact (canonical) code. */
export interface Catalogue {
  info: CatalogueInfo;
  lookup(code: string): string | null;
}

/** Where the catalogue files are: `lib/codes/data/` under the app's root (traced in next.config.mjs). */
export const CATALOGUE_DIR = path.join(process.cwd(), 'lib', 'codes', 'data');

/** Parses a catalogue file's text; lines must be sorted by code (checked, as a bad sort breaks look-ups). */
export function parseCatalogue(text: string, fallbackName: string): Catalogue {
  const header: Record<string, string> = {};
  const starts: number[] = [];
  let previous = '';
  for (let start = 0; start < text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (text.startsWith('#', start)) {
      const match = /^#\s*([\w-]+):\s*(.*)$/.exec(text.slice(start, end).trimEnd());
      if (match) header[match[1]!.toLowerCase()] = match[2]!;
    } else if (end > start) {
      const tab = text.indexOf('\t', start);
      const code = tab === -1 || tab > end ? '' : text.slice(start, tab);
      if (!code || code <= previous)
        throw new Error(`${fallbackName}: line ${starts.length + 1} is out of order`);
      previous = code;
      starts.push(start);
    }
    start = end + 1;
  }
  const offsets = Uint32Array.from(starts);
  const info: CatalogueInfo = {
    name: header.name ?? fallbackName,
    version: header.version ?? 'unknown',
    source: header.source ?? 'unknown',
    complete: header.complete !== 'no',
    entries: offsets.length,
  };
  return { info, lookup: (code) => lookupIn(text, offsets, code) };
}

function lookupIn(text: string, offsets: Uint32Array, code: string): string | null {
  let low = 0;
  let high = offsets.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const start = offsets[middle]!;
    const tab = text.indexOf('\t', start);
    const found = text.slice(start, tab);
    if (found === code) {
      const newline = text.indexOf('\n', tab);
      const description = text.slice(tab + 1, newline === -1 ? text.length : newline).trim();
      return description || null;
    }
    if (found < code) low = middle + 1;
    else high = middle - 1;
  }
  return null;
}

/**
 * Reads `file` from {@link CATALOGUE_DIR} (gunzipping `.gz`). A missing file gives an empty catalogue and a
 * warning rather than a failed page: codes then show without a description.
 */
export function readCatalogue(file: string, fallbackName: string, dir: string = CATALOGUE_DIR): Catalogue {
  const full = path.join(dir, file);
  if (!existsSync(full)) {
    log.warn('codes.catalogue_missing', { file, requestId: null });
    return parseCatalogue('', fallbackName);
  }
  const bytes = readFileSync(full);
  const text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  return parseCatalogue(text, fallbackName);
}
