import { describe, expect, it } from 'vitest';
import expectedSummary from './__fixtures__/expected-v2-summary.json';
import { bundleEntries, localFixture, sample } from './__fixtures__/load.test-support';
import { AppError } from '../errors';
import { mapEob } from './map-eob';
import { normalize, type NormalizeIssue } from './normalize';
import { summarize } from './summarize';

type Json = Record<string, unknown>;
const MONEY_KEYS = new Set(['amount', 'usedMoney', 'valueMoney', 'totalCost']);

/** Calls `visit` on every object in a JSON tree, with the key it sits under. */
function walk(node: unknown, visit: (object: Json, key: string) => void, key = ''): void {
  if (Array.isArray(node)) node.forEach((child) => walk(child, visit, key));
  else if (typeof node === 'object' && node !== null) {
    visit(node as Json, key);
    for (const [childKey, child] of Object.entries(node)) walk(child, visit, childKey);
  }
}

function withMoney(bundle: Json, change: (money: Json) => void): Json {
  walk(bundle, (object, key) => {
    if (MONEY_KEYS.has(key) && typeof object.value === 'number') change(object);
  });
  return bundle;
}

const v2Eobs = () => sample('bfd-v2-eob-search-bundle-all-types.json');
const expectedTotals = expectedSummary.totals;

describe('tolerance of real-world layouts', () => {
  it('reads amounts sent as numeric strings', () => {
    const bundle = withMoney(v2Eobs(), (money) => (money.value = (money.value as number).toFixed(2)));
    expect(summarize(normalize([bundle])).totals).toEqual(expectedTotals);
  });

  it('reads amounts without currency (and STU3 system/code)', () => {
    const stripped = (name: string) =>
      withMoney(sample(name), (money) => {
        delete money.currency;
        delete money.system;
        delete money.code;
      });
    expect(summarize(normalize([stripped('bfd-v2-eob-search-bundle-all-types.json')])).totals).toEqual(
      expectedTotals,
    );
    expect(summarize(normalize([stripped('bfd-v1-eob-search-bundle-all-types.json')])).totals).toEqual(
      expectedTotals,
    );
  });

  it.each(['v1', 'v2'])('does not depend on coding order (%s)', (version) => {
    const bundle = sample(`bfd-${version}-eob-search-bundle-all-types.json`);
    walk(bundle, (object) => {
      if (Array.isArray(object.coding)) object.coding.reverse();
    });
    const { coverage: _, ...withoutCoverage } = expectedSummary;
    expect(summarize(normalize([bundle]))).toEqual(withoutCoverage);
  });

  it('reads a 2020-layout drug event: BB coding first, ValueSet system, integer and string amounts, days supply in quantity.extension', () => {
    const result = mapEob(localFixture('v2-pde-2020-layout.json'));
    if (!result.ok) throw new Error(result.message);
    expect(result.claim).toMatchObject({
      type: 'pde',
      billed: 72.5,
      medicarePaid: 60,
      youPaid: 12.5,
      month: '2020-03',
    });
    expect(result.prescription).toEqual({
      id: 'pde--3269834580',
      date: '2020-03-02',
      ndc: '00093013505',
      drugName: 'Atorvastatin Calcium - ATORVASTATIN CALCIUM',
      daysSupply: 30,
      refillNumber: 2,
      quantity: 30,
      totalCost: 72.5,
      planPaid: 60,
      youPaid: 12.5,
      pharmacy: { name: 'CVS PHARMACY', npi: '1902809042' },
      prescriber: { name: null, npi: '1982763210' },
      // ptnt_pay_amt sent as "12.5", lics_amt 0; no othr_troop_amt nor gdc_abv_oopt_amt, so 0.
      troop: { patientPaid: 12.5, otherTroop: 0, lowIncomeSubsidy: 0 },
      aboveOutOfPocketThreshold: 0,
    });
  });

  it('falls back to the earliest item date when billablePeriod is missing', () => {
    const outpatient = sample('bfd-v2-eob-outpatient.json');
    delete outpatient.billablePeriod;
    const carrier = sample('bfd-v2-eob-carrier-multiple-lines.json');
    delete carrier.billablePeriod;
    const [a, b] = normalize([outpatient, carrier]).claims;
    expect([a?.serviceStart, a?.serviceEnd, a?.month]).toEqual(['1942-01-03', '1942-01-03', '1942-01']);
    expect([b?.serviceStart, b?.month]).toEqual(['1999-10-27', '1999-10']);
  });

  it('keeps a claim without any service date in the totals but in no month', () => {
    const inpatient = sample('bfd-v2-eob-inpatient.json');
    delete inpatient.billablePeriod;
    const summary = summarize(normalize([inpatient]));
    expect(summary.totals).toEqual({ billed: 84999.37, medicarePaid: 7699.48, youPaid: 123 });
    expect(summary.byMonth).toEqual([]);
  });
});

describe('resources that are not counted', () => {
  it('counts an EOB without a Blue Button claim type nowhere, and says so without PHI', () => {
    const noType = sample('bfd-v2-eob-carrier.json');
    (noType.type as { coding: Json[] }).coding = [
      { system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' },
    ];
    const unknownType = sample('bfd-v2-eob-dme.json');
    (unknownType.type as { coding: Json[] }).coding = [
      { system: 'https://bluebutton.cms.gov/resources/codesystem/eob-type', code: 'FOO' },
    ];
    const issues: NormalizeIssue[] = [];
    const data = normalize([noType, unknownType, sample('bfd-v2-eob-pde.json')], {
      onIssue: (i) => issues.push(i),
    });
    expect(data.claims.map((c) => c.id)).toEqual(['pde-89']);
    expect(data.skipped.withoutClaimType).toBe(2);
    expect(data.unreadable).toBe(0);
    expect(issues.map((i) => i.problem)).toEqual(['no-claim-type', 'no-claim-type']);
    expect(summarize(data).claims.count).toBe(1);
  });

  it('counts malformed resources as unreadable and reads the rest; messages carry no PHI', () => {
    const bundle = v2Eobs() as { entry: { resource?: Json }[] };
    const resources = bundle.entry.map((e) => e.resource as Json);
    resources.find((r) => r.id === 'carrier-9991831999')!.item = 'oops';
    const dme = resources.find((r) => r.id === 'dme-2188888888')!;
    (dme.payment as { amount: Json }).amount.value = 'abc';
    bundle.entry.push({}, { resource: { id: 'inpatient-1', billablePeriod: { start: '2020-01-01' } } });
    const issues: NormalizeIssue[] = [];
    const data = normalize([bundle, 'not a resource', null], { onIssue: (i) => issues.push(i) });
    expect(data.unreadable).toBe(6);
    expect(data.claims.map((c) => c.type).sort()).toEqual([
      'hha',
      'hospice',
      'inpatient',
      'outpatient',
      'pde',
      'snf',
    ]);
    expect(issues).toHaveLength(6);
    for (const issue of issues) {
      expect(issue.problem).toBe('unreadable');
      expect(issue.message).not.toMatch(/carrier-|dme-|inpatient-1|oops|abc|777\.75|2020-01-01|567834/);
    }
    expect(issues.map((i) => i.message)).toEqual([
      'ExplanationOfBenefit could not be read: payment.amount.value: not a number',
      'ExplanationOfBenefit could not be read: item: expected array',
      'A resource without a resourceType could not be read',
      'A resource without a resourceType could not be read',
      'A resource without a resourceType could not be read',
      'A resource without a resourceType could not be read',
    ]);
  });

  it('throws a typed error for a Bundle whose entry is not an array', () => {
    const page = { resourceType: 'Bundle', entry: 'nope' };
    expect(() => normalize([sample('bfd-v2-eob-pde.json'), page])).toThrowError(AppError);
    expect(() => normalize([page])).toThrow(
      expect.objectContaining({
        code: 'medicare_unreadable',
        detail: { fault: 'not_bundle', problem: 'its entry is not an array' },
      }),
    );
  });

  it('reads the entries of a Bundle given resource by resource', () => {
    const data = normalize(bundleEntries('bfd-v1-eob-search-bundle-all-types.json'));
    expect(data.claims).toHaveLength(8);
  });
});
