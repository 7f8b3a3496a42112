import { describe, expect, it } from 'vitest';
import { bundleEntries, sample, sampleFiles } from './__fixtures__/load.test-support';
import { AppError } from '../errors';
import { bundleResources, createNormalizer, normalize, type NormalizeIssue } from './normalize';

interface Outcome {
  claims?: number;
  prescriptions?: number;
  coverage?: number;
  profile?: boolean;
  unreadable?: number;
  otherResources?: number;
}

const ONE_CLAIM: Outcome = { claims: 1 };
const ONE_PRESCRIPTION: Outcome = { claims: 1, prescriptions: 1 };

// What each real sample holds, read from the files: a new sample fails the first test until it is listed here.
const SAMPLES: Record<string, Outcome> = {
  'bb2-bfd-operationoutcome-error.json': { otherResources: 1 },
  'bb2-v2-userinfo.json': { unreadable: 1 },
  'bfd-v1-coverage-search-bundle.json': { coverage: 4 },
  'bfd-v1-eob-carrier.json': ONE_CLAIM,
  'bfd-v1-eob-dme.json': ONE_CLAIM,
  'bfd-v1-eob-hha.json': ONE_CLAIM,
  'bfd-v1-eob-hospice.json': ONE_CLAIM,
  'bfd-v1-eob-inpatient.json': ONE_CLAIM,
  'bfd-v1-eob-outpatient.json': ONE_CLAIM,
  'bfd-v1-eob-pde.json': ONE_PRESCRIPTION,
  'bfd-v1-eob-search-bundle-all-types.json': { claims: 8, prescriptions: 1 },
  'bfd-v1-eob-snf.json': ONE_CLAIM,
  'bfd-v1-patient.json': { profile: true },
  'bfd-v2-coverage-read.json': { coverage: 1 },
  'bfd-v2-coverage-search-bundle.json': { coverage: 4 },
  'bfd-v2-eob-carrier-multiple-lines.json': ONE_CLAIM,
  'bfd-v2-eob-carrier.json': ONE_CLAIM,
  'bfd-v2-eob-dme.json': ONE_CLAIM,
  'bfd-v2-eob-hha.json': ONE_CLAIM,
  'bfd-v2-eob-hospice.json': ONE_CLAIM,
  'bfd-v2-eob-inpatient.json': ONE_CLAIM,
  'bfd-v2-eob-outpatient.json': ONE_CLAIM,
  'bfd-v2-eob-pde.json': ONE_PRESCRIPTION,
  'bfd-v2-eob-search-bundle-all-types.json': { claims: 8, prescriptions: 1 },
  'bfd-v2-eob-search-bundle-paged.json': { claims: 8, prescriptions: 1 },
  'bfd-v2-eob-snf.json': ONE_CLAIM,
  'bfd-v2-metadata-capabilitystatement.json': { otherResources: 1 },
  'bfd-v2-patient-search-bundle.json': { profile: true },
  'bfd-v2-patient.json': { profile: true },
};

describe('normalize on every sample file', () => {
  it('covers every file in fixtures/bluebutton', () => {
    expect(sampleFiles()).toEqual(Object.keys(SAMPLES).sort());
  });

  it.each(Object.entries(SAMPLES))('reads %s', (file, outcome) => {
    const data = normalize([sample(file)]);
    expect({
      claims: data.claims.length,
      prescriptions: data.prescriptions.length,
      coverage: data.coverage.length,
      profile: data.profile !== undefined,
      unreadable: data.unreadable,
      otherResources: data.skipped.otherResources,
    }).toEqual({
      claims: 0,
      prescriptions: 0,
      coverage: 0,
      profile: false,
      unreadable: 0,
      otherResources: 0,
      ...outcome,
    });
  });
});

describe('normalize', () => {
  it('reads the claims of a bundle in bundle order', () => {
    const data = normalize([sample('bfd-v2-eob-search-bundle-all-types.json')]);
    expect(data.claims.map((c) => c.type)).toEqual([
      'outpatient',
      'dme',
      'hha',
      'inpatient',
      'snf',
      'pde',
      'carrier',
      'hospice',
    ]);
  });

  it('counts the same EOB id once across two bundles and single resources', () => {
    const data = normalize([
      sample('bfd-v2-eob-search-bundle-all-types.json'),
      sample('bfd-v2-eob-search-bundle-paged.json'),
      sample('bfd-v2-eob-pde.json'),
    ]);
    expect(data.claims).toHaveLength(8);
    expect(data.prescriptions).toHaveLength(1);
    expect(data.skipped.duplicates).toBe(9);
  });

  it('counts the same Coverage once', () => {
    const data = normalize([
      sample('bfd-v2-coverage-search-bundle.json'),
      sample('bfd-v2-coverage-read.json'),
    ]);
    expect(data.coverage.map((c) => c.part)).toEqual(['A', 'B', 'C', 'D']);
    expect(data.skipped.duplicates).toBe(1);
  });

  it('normalizes page by page with createNormalizer', () => {
    const normalizer = createNormalizer({ version: 'v2' });
    for (const resource of bundleEntries('bfd-v2-eob-search-bundle-all-types.json')) normalizer.add(resource);
    normalizer.add(sample('bfd-v2-patient.json'));
    const data = normalizer.result();
    expect(data.claims).toHaveLength(8);
    expect(data.profile?.name).toBe('John A Doe');
  });

  it('takes search pages with addBundle, and refuses a page that is not a Bundle', () => {
    const normalizer = createNormalizer();
    normalizer.addBundle(sample('bfd-v2-eob-search-bundle-paged.json'));
    expect(normalizer.result().claims).toHaveLength(8);
    expect(() => normalizer.addBundle('<html>Bad gateway</html>')).toThrowError(AppError);
    expect(() => normalizer.addBundle(sample('bfd-v2-eob-pde.json'))).toThrowError(AppError);
  });

  it('reads an empty search result (a Bundle without entry)', () => {
    const data = normalize([{ resourceType: 'Bundle', type: 'searchset', total: 0 }]);
    expect(data).toMatchObject({ claims: [], prescriptions: [], coverage: [], unreadable: 0 });
    expect(data.profile).toBeUndefined();
  });

  it('skips resources other than EOB, Coverage and Patient without reporting them', () => {
    const issues: NormalizeIssue[] = [];
    const data = normalize(
      [sample('bb2-bfd-operationoutcome-error.json'), { resourceType: 'Organization', id: 'o' }],
      {
        onIssue: (issue) => issues.push(issue),
      },
    );
    expect(data.skipped.otherResources).toBe(2);
    expect(issues).toEqual([]);
  });
});

describe('bundleResources', () => {
  it('unwraps entry[].resource', () => {
    const resources = bundleResources(sample('bfd-v2-coverage-search-bundle.json'));
    expect(resources.map((r) => (r as { id: string }).id)).toEqual([
      'part-a-567834',
      'part-b-567834',
      'part-c-567834',
      'part-d-567834',
    ]);
  });

  it.each([
    ['not an object', 42],
    ['an array', [sample('bfd-v2-eob-pde.json')]],
    ['not a Bundle', sample('bfd-v2-eob-pde.json')],
    ['a Bundle whose entry is not an array', { resourceType: 'Bundle', entry: { resource: {} } }],
  ])('throws a typed error for a page that is %s', (_, page) => {
    expect(() => bundleResources(page)).toThrowError(AppError);
    try {
      bundleResources(page);
    } catch (error) {
      expect(error).toMatchObject({ code: 'medicare_unreadable', detail: { fault: 'not_bundle' } });
      // The problem names the structure only, never a value from the page.
      expect((error as AppError).detail.problem).toMatch(/^it(s)? /);
    }
  });
});
