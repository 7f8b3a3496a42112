/**
 * Plain descriptions for the codes on a claim: the claim's own display text where it has one, else a bundled
 * public catalogue (ICD-10-CM, HCPCS Level II, revenue centres, NDC drug names). CPT (HCPCS Level I) codes are
 * never described: the AMA licenses their descriptors, so they show as the code alone. Catalogues are read
 * from `lib/codes/data/` on first use and kept for the life of the process. See docs/codes.md.
 */
import 'server-only';
import type { CodeSystemKind } from '@/lib/claims/types';
import { readCatalogue, type Catalogue, type CatalogueInfo } from './catalogue-file';
import {
  isIcd10CmShape,
  normalizeIcd10,
  normalizeNdc,
  normalizeRevenueCenter,
  serviceCodeShape,
} from './code-forms';

export { readableText } from './readable-text';
export { formatIcd10, formatNdc, isCpt, normalizeIcd10, normalizeNdc } from './code-forms';

/** Where a description came from: the claim itself, or one of the bundled catalogues. */
export type DescriptionSource = 'data' | 'icd-10-cm' | 'hcpcs' | 'revenue-center' | 'ndc';

/**
 * A code and what to call it; text is null when nothing may or can be shown (CPT, unknown codes). `code` is
 * the canonical form: ICD-10 without the dot, HCPCS in upper case, NDC as 11 digits, revenue centre as 4
 * digits (`formatIcd10` and `formatNdc` give the forms people read).
 */
export interface Described {
  code: string;
  text: string | null;
  source: DescriptionSource | null;
}

type CatalogueKey = Exclude<DescriptionSource, 'data'>;

const FILES: Readonly<Record<CatalogueKey, { file: string; name: string }>> = {
  'icd-10-cm': { file: 'icd10cm.tsv.gz', name: 'ICD-10-CM diagnosis codes' },
  hcpcs: { file: 'hcpcs.tsv', name: 'HCPCS Level II codes' },
  'revenue-center': { file: 'revenue-center.tsv', name: 'Revenue centre codes' },
  ndc: { file: 'ndc.tsv', name: 'Drug names by NDC' },
};

const loaded = new Map<CatalogueKey, Catalogue>();

function catalogue(key: CatalogueKey): Catalogue {
  let found = loaded.get(key);
  if (!found) {
    found = readCatalogue(FILES[key].file, FILES[key].name);
    loaded.set(key, found);
  }
  return found;
}

function present(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

function fromCatalogue(key: CatalogueKey, code: string): Described {
  const text = catalogue(key).lookup(code);
  return { code, text, source: text === null ? null : key };
}

/**
 * A diagnosis or ICD procedure: the data's display when present, else the ICD-10-CM catalogue for ICD-10
 * diagnoses.
 */
export function describeDiagnosis(d: {
  code: string;
  system: CodeSystemKind;
  display: string | null;
}): Described {
  const code = d.system === 'icd-10' ? normalizeIcd10(d.code) : d.code.trim().toUpperCase();
  const display = present(d.display);
  if (display !== null) return { code, text: display, source: 'data' };
  if (d.system !== 'icd-10' || !isIcd10CmShape(code)) return { code, text: null, source: null };
  return fromCatalogue('icd-10-cm', code);
}

/**
 * A claim line's service code: HCPCS Level II from data or catalogue; CPT → text null and kind 'cpt'. An NDC
 * on the line is described as {@link describeDrug} does (kind 'ndc'); a line without a code has code '' and
 * kind null.
 */
export function describeService(line: {
  code: string | null;
  display: string | null;
}): Described & { kind: 'hcpcs' | 'cpt' | 'ndc' | 'other' | null } {
  const display = present(line.display);
  const raw = present(line.code);
  if (raw === null) return { code: '', text: display, source: display === null ? null : 'data', kind: null };
  const shape = serviceCodeShape(raw);
  const code = raw.toUpperCase();
  if (shape === 'cpt') return { code, text: null, source: null, kind: 'cpt' };
  // CDT dental codes are the ADA's, licensed like CPT: the code alone.
  if (shape === 'cdt') return { code, text: null, source: null, kind: 'other' };
  if (shape === 'ndc') return { ...describeDrug(raw, display)!, kind: 'ndc' };
  if (display !== null) return { code, text: display, source: 'data', kind: shape };
  if (shape === 'hcpcs') return { ...fromCatalogue('hcpcs', code), kind: 'hcpcs' };
  return { code, text: null, source: null, kind: 'other' };
}

/** A revenue centre code (4 digits, e.g. '0450' emergency room). */
export function describeRevenueCenter(code: string | null): Described | null {
  const raw = present(code);
  if (raw === null) return null;
  const plain = normalizeRevenueCenter(raw);
  return plain === null ? { code: raw, text: null, source: null } : fromCatalogue('revenue-center', plain);
}

/** A drug by NDC (11 digits, with or without dashes): the data's name when present, else the catalogue. */
export function describeDrug(ndc: string | null, name: string | null): Described | null {
  const raw = present(ndc);
  const display = present(name);
  if (raw === null) return display === null ? null : { code: '', text: display, source: 'data' };
  const plain = normalizeNdc(raw);
  if (display !== null) return { code: plain ?? raw, text: display, source: 'data' };
  return plain === null ? { code: raw, text: null, source: null } : fromCatalogue('ndc', plain);
}

/** One catalogue's name, version, source and size, as its file's header says. */
export type CodeCatalogueInfo = Pick<CatalogueInfo, 'name' | 'version' | 'source' | 'entries' | 'complete'>;

const KEYS = Object.keys(FILES) as CatalogueKey[];

/** The catalogues' names, versions, sources and sizes; reads each catalogue file (once) to tell. */
export function codeCatalogues(): CodeCatalogueInfo[] {
  return KEYS.map((key) => ({ ...catalogue(key).info }));
}

function lazyInfo(key: CatalogueKey): { name: string; version: string; source: string; entries: number } {
  return {
    get name() {
      return catalogue(key).info.name;
    },
    get version() {
      return catalogue(key).info.version;
    },
    get source() {
      return catalogue(key).info.source;
    },
    get entries() {
      return catalogue(key).info.entries;
    },
  };
}

/**
 * The catalogues' names, versions and sources, for the docs and the report. Each entry reads its catalogue
 * file the first time one of its fields is read; {@link codeCatalogues} returns the same as plain objects.
 */
export const CODE_CATALOGUES: readonly { name: string; version: string; source: string; entries: number }[] =
  Object.freeze(KEYS.map(lazyInfo));
