import { describe, expect, it } from 'vitest';
import { sample } from '@/lib/claims/__fixtures__/load.test-support';
import { normalize } from '@/lib/claims/normalize';
import { CLAIM_TYPES } from '@/lib/claims/types';
import { claimQuerySchema, prescriptionQuerySchema, queryClaims, queryPrescriptions } from './queries';

// Real CMS sample claims: one of each of the eight types.
const data = normalize([sample('bfd-v2-eob-search-bundle-all-types.json')]);
const query = (raw: Record<string, unknown>) => claimQuerySchema.parse(raw);

describe('claimQuerySchema', () => {
  it('accepts comma lists and repeated types, in any case, and applies defaults', () => {
    expect(query({ type: ['Carrier,pde', 'dme'] })).toMatchObject({
      type: ['carrier', 'pde', 'dme'],
      sort: 'date-desc',
      page: 1,
      pageSize: 25,
    });
  });

  it.each([
    [{ type: ['carrier,dentist'] }, 'type'],
    [{ from: '2024-13' }, 'from'],
    [{ from: '2024-02-01', to: '2024-01-01' }, 'from'],
    [{ sort: 'price' }, 'sort'],
    [{ page: '0' }, 'page'],
    [{ pageSize: '1000' }, 'pageSize'],
    [{ q: 'x'.repeat(101) }, 'q'],
  ])('refuses %o, naming %s', (raw, name) => {
    const result = claimQuerySchema.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join('.')).toContain(name);
  });
});

describe('queryClaims', () => {
  it('lists every claim by default, newest first, with list fields only', () => {
    const page = queryClaims(data.claims, query({}));
    expect(page.total).toBe(CLAIM_TYPES.length);
    const starts = page.items.map((c) => c.serviceStart ?? '');
    expect(starts).toEqual([...starts].sort().reverse());
    expect(Object.keys(page.items[0]!).sort()).toEqual(
      [
        'billed',
        'id',
        'medicarePaid',
        'provider',
        'serviceEnd',
        'serviceStart',
        'summary',
        'type',
        'youPaid',
      ].sort(),
    );
  });

  it('filters by type and pages through the result without losing or repeating a claim', () => {
    expect(
      queryClaims(data.claims, query({ type: ['pde,carrier'] }))
        .items.map((c) => c.type)
        .sort(),
    ).toEqual(['carrier', 'pde']);
    const seen = [1, 2, 3].flatMap(
      (page) => queryClaims(data.claims, query({ pageSize: '3', page: String(page) })).items,
    );
    expect(seen.map((c) => c.id).sort()).toEqual(data.claims.map((c) => c.id).sort());
  });

  it('filters by service dates and by text in diagnoses and providers', () => {
    const dated = data.claims
      .filter((c) => c.serviceStart)
      .sort((a, b) => a.serviceStart!.localeCompare(b.serviceStart!));
    const first = dated[0]!.serviceStart!;
    const onlyFirst = queryClaims(data.claims, query({ from: first, to: first }));
    expect(onlyFirst.items.every((c) => c.serviceStart === first)).toBe(true);
    expect(onlyFirst.total).toBeGreaterThan(0);

    const withDiagnosis = data.claims.find((c) => c.diagnoses.some((d) => d.code))!;
    const code = withDiagnosis.diagnoses.find((d) => d.code)!.code;
    expect(queryClaims(data.claims, query({ q: code.toLowerCase() })).items.map((c) => c.id)).toContain(
      withDiagnosis.id,
    );
    expect(queryClaims(data.claims, query({ q: 'no such thing anywhere' })).total).toBe(0);
  });

  it('sorts by money with a stable tie-break', () => {
    const billed = queryClaims(data.claims, query({ sort: 'billed-desc' })).items.map((c) => c.billed);
    expect(billed).toEqual([...billed].sort((a, b) => b - a));
  });
});

describe('queryPrescriptions', () => {
  it('finds a prescription by drug name and by dates', () => {
    const [prescription] = data.prescriptions;
    expect(prescription?.drugName).toBeTruthy();
    const word = prescription!.drugName!.split(/\s+/)[0]!.toLowerCase();
    expect(queryPrescriptions(data.prescriptions, prescriptionQuerySchema.parse({ q: word }))).toHaveLength(
      1,
    );
    const after = prescriptionQuerySchema.parse({ from: '2999-01-01' });
    expect(queryPrescriptions(data.prescriptions, after)).toHaveLength(0);
  });
});
