import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { sample } from '@/lib/claims/__fixtures__/load.test-support';
import { CLAIM_TYPE_CATALOGUE } from '@/lib/claims/catalogue';
import { normalize } from '@/lib/claims/normalize';
import { claimQuerySchema, queryClaims, queryPrescriptions } from '@/lib/data/queries';
import { claimsCsv, claimsCsvHref, prescriptionsCsv } from './tables';

// Real CMS sample claims, one of each of the eight types, through the CSV tables and back through a parser.
const data = normalize([sample('bfd-v2-eob-search-bundle-all-types.json')]);
const read = (csv: string) =>
  parse(csv, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];

describe('claimsCsv', () => {
  it('has every matching claim, in the list order, with plain-word columns and plain amounts', () => {
    const query = claimQuerySchema.parse({ sort: 'billed-desc', pageSize: '2' });
    const rows = read(claimsCsv(data.claims, query));
    const all = queryClaims(data.claims, { ...query, pageSize: 100 }).items;
    expect(rows).toHaveLength(data.claims.length);
    expect(rows.map((r) => r['Claim id'])).toEqual(all.map((c) => c.id));
    expect(Object.keys(rows[0]!)).toEqual([
      'Date',
      'Kind of care',
      'Provider',
      'What it was for',
      'Billed',
      'Paid by Medicare',
      'You may have paid',
      'Claim id',
    ]);
    rows.forEach((row, i) => {
      const claim = all[i]!;
      expect(row['Date']).toBe(claim.serviceStart ?? '');
      expect(row['Date']).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
      expect(row['Kind of care']).toBe(CLAIM_TYPE_CATALOGUE[claim.type].label);
      expect(Number(row['Billed'])).toBe(claim.billed);
      expect(Number(row['Paid by Medicare'])).toBe(claim.medicarePaid);
      expect(Number(row['You may have paid'])).toBe(claim.youPaid);
      expect(row['Billed']).toMatch(/^-?\d+(\.\d+)?$/);
    });
  });

  it('applies the filters of the list', () => {
    const query = claimQuerySchema.parse({ type: ['pde,carrier'] });
    const rows = read(claimsCsv(data.claims, query));
    expect(rows.map((r) => r['Kind of care']).sort()).toEqual(
      [CLAIM_TYPE_CATALOGUE.carrier.label, CLAIM_TYPE_CATALOGUE.pde.label].sort(),
    );
    expect(read(claimsCsv(data.claims, claimQuerySchema.parse({ q: 'no such thing' })))).toEqual([]);
    expect(claimsCsv([], claimQuerySchema.parse({}))).toBe(
      'Date,Kind of care,Provider,What it was for,Billed,Paid by Medicare,You may have paid,Claim id\r\n',
    );
  });
});

describe('prescriptionsCsv', () => {
  it('has one row per fill with its drug, pharmacy and amounts', () => {
    const fills = queryPrescriptions(data.prescriptions, {});
    const rows = read(prescriptionsCsv(fills));
    expect(rows).toHaveLength(fills.length);
    expect(Object.keys(rows[0]!)).toEqual([
      'Date',
      'Drug',
      'NDC',
      'Days supply',
      'Quantity',
      'Refill number',
      'Pharmacy',
      'Total cost',
      'Plan paid',
      'You paid',
      'Claim id',
    ]);
    const [fill] = fills;
    expect(rows[0]).toEqual({
      Date: fill!.date ?? '',
      Drug: fill!.drugName ?? '',
      NDC: fill!.ndc ?? '',
      'Days supply': String(fill!.daysSupply ?? ''),
      Quantity: String(fill!.quantity ?? ''),
      'Refill number': String(fill!.refillNumber ?? ''),
      Pharmacy: fill!.pharmacy?.name ?? '',
      'Total cost': String(fill!.totalCost),
      'Plan paid': String(fill!.planPaid),
      'You paid': String(fill!.youPaid),
      'Claim id': fill!.id,
    });
  });
});

describe('claimsCsvHref', () => {
  it('carries the filters and order of the list, and no page', () => {
    const query = claimQuerySchema.parse({
      type: ['carrier', 'pde'],
      from: '2024-01-01',
      to: '2024-12-31',
      q: 'a & b',
      sort: 'date-asc',
      page: '3',
    });
    const href = new URL(claimsCsvHref(query), 'http://localhost');
    expect(href.pathname).toBe('/api/claims');
    expect(href.searchParams.get('format')).toBe('csv');
    expect(href.searchParams.has('page')).toBe(false);
    const raw = Object.fromEntries(href.searchParams);
    expect(claimQuerySchema.parse({ ...raw, type: href.searchParams.getAll('type') })).toEqual({
      ...query,
      page: 1,
    });
    expect(claimsCsvHref(claimQuerySchema.parse({}))).toBe('/api/claims?format=csv&sort=date-desc');
  });
});
