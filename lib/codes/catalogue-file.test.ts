import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCatalogue, readCatalogue } from './catalogue-file';

const TEXT = [
  '# name: Test codes',
  '# source: a test, https://example.org',
  '# version: FY2099',
  '# complete: no',
  'A00\tCholera',
  'A000\tCholera due to Vibrio cholerae 01, biovar cholerae',
  'B20\tHuman immunodeficiency virus [HIV] disease',
  'Z99\t',
  '',
].join('\n');

describe('parseCatalogue', () => {
  const catalogue = parseCatalogue(TEXT, 'fallback');

  it('reads the header', () => {
    expect(catalogue.info).toEqual({
      name: 'Test codes',
      source: 'a test, https://example.org',
      version: 'FY2099',
      complete: false,
      entries: 4,
    });
  });

  it('finds every code by exact match, and nothing else', () => {
    expect(catalogue.lookup('A00')).toBe('Cholera');
    expect(catalogue.lookup('A000')).toBe('Cholera due to Vibrio cholerae 01, biovar cholerae');
    expect(catalogue.lookup('B20')).toBe('Human immunodeficiency virus [HIV] disease');
    for (const missing of ['', 'A0', 'A001', 'A00 ', 'B2', 'Z98', 'ZZZ'])
      expect(catalogue.lookup(missing)).toBeNull();
  });

  it('gives null for an entry without a text', () => {
    expect(catalogue.lookup('Z99')).toBeNull();
  });

  it('rejects lines out of order, which binary search would miss', () => {
    expect(() => parseCatalogue('B00\tx\nA00\ty\n', 'bad')).toThrow(/out of order/);
    expect(() => parseCatalogue('A00\tx\nA00\ty\n', 'bad')).toThrow(/out of order/);
  });

  it('uses defaults for a file without a header', () => {
    expect(parseCatalogue('', 'Empty').info).toEqual({
      name: 'Empty',
      source: 'unknown',
      version: 'unknown',
      complete: true,
      entries: 0,
    });
  });
});

describe('readCatalogue', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads plain and gzipped files', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'codes-'));
    writeFileSync(path.join(dir, 'plain.tsv'), TEXT);
    writeFileSync(path.join(dir, 'packed.tsv.gz'), gzipSync(TEXT));
    expect(readCatalogue('plain.tsv', 'x', dir).lookup('A00')).toBe('Cholera');
    expect(readCatalogue('packed.tsv.gz', 'x', dir).lookup('A00')).toBe('Cholera');
  });

  it('gives an empty catalogue and a warning for a missing file', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const catalogue = readCatalogue('nowhere.tsv', 'Missing', tmpdir());
    expect(catalogue.info.entries).toBe(0);
    expect(catalogue.lookup('A00')).toBeNull();
    expect(warn).toHaveBeenCalledOnce();
  });
});
