import { describe, expect, it } from 'vitest';
import { bundleEntries, sample } from './__fixtures__/load.test-support';
import { mapCoverage } from './map-coverage';
import { mapPatient } from './map-patient';
import type { CoveragePart, Profile } from './types';

function coverageOf(resource: unknown): CoveragePart {
  const result = mapCoverage(resource);
  if (!result.ok) throw new Error(result.message);
  return result.coverage;
}

// Expected values read from the Coverage samples (docs/blue-button.md §14).
describe('mapCoverage', () => {
  it('maps the v2 Coverage search bundle: parts A–D from class[].value, status and period as sent', () => {
    const parts = bundleEntries('bfd-v2-coverage-search-bundle.json').map(coverageOf);
    expect(parts.map(({ id, part, status, start, end }) => ({ id, part, status, start, end }))).toEqual([
      { id: 'part-a-567834', part: 'A', status: 'cancelled', start: '2020-03-17', end: '2020-06-17' },
      { id: 'part-b-567834', part: 'B', status: 'active', start: '2021-07-17', end: '2022-08-17' },
      { id: 'part-c-567834', part: 'C', status: 'active', start: null, end: null },
      { id: 'part-d-567834', part: 'D', status: 'active', start: '2021-02-17', end: '2022-11-17' },
    ]);
  });

  it('reads the plan details: Medicare status, reference year, contracts and plan benefit packages', () => {
    const [a, , c, d] = bundleEntries('bfd-v2-coverage-search-bundle.json').map(coverageOf);
    expect(a).toMatchObject({
      medicareStatus: 'Disabled without ESRD',
      referenceYear: '2018',
      contractIds: [],
      planIds: [],
    });
    expect(c).toMatchObject({
      medicareStatus: null,
      referenceYear: '2018',
      contractIds: ['H1225'],
      planIds: ['003'],
    });
    expect(d).toMatchObject({ contractIds: ['S4607'], planIds: ['003'] });
  });

  it('maps the v1 Coverage search bundle, parts from grouping.subPlan', () => {
    const parts = bundleEntries('bfd-v1-coverage-search-bundle.json').map(coverageOf);
    expect(parts.map(({ part, status, start, end }) => ({ part, status, start, end }))).toEqual([
      { part: 'A', status: 'cancelled', start: '1963-10-03', end: null },
      { part: 'B', status: 'active', start: '1963-10-03', end: null },
      { part: 'C', status: 'active', start: null, end: null },
      { part: 'D', status: 'active', start: null, end: null },
    ]);
    expect(parts[2]).toMatchObject({ contractIds: ['H1225'] });
  });

  it('maps a single Coverage read', () => {
    expect(coverageOf(sample('bfd-v2-coverage-read.json'))).toMatchObject({
      id: 'part-a-567834',
      part: 'A',
      status: 'cancelled',
      start: '2020-03-17',
      end: '2020-06-17',
    });
  });

  // The samples (v1 and v2 alike) send `dual_01`…`dual_12` = `**` on every part and, on Part D only,
  // `cstshr01`…`cstshr12` = 00 00 01 01 05 06 07 08 01 02 00 00, with `rfrnc_yr` 2018.
  it('reads the months of dual eligibility and of a Part D low-income subsidy from the samples', () => {
    const parts = bundleEntries('bfd-v2-coverage-search-bundle.json').map(coverageOf);
    expect(parts.map((p) => p.dualEligibility)).toEqual([[], [], [], []]);
    expect(parts.map((p) => p.costSharing.length)).toEqual([0, 0, 0, 8]);
    expect(parts[3]?.costSharing).toEqual([
      { month: '2018-03', code: '01' },
      { month: '2018-04', code: '01' },
      { month: '2018-05', code: '05' },
      { month: '2018-06', code: '06' },
      { month: '2018-07', code: '07' },
      { month: '2018-08', code: '08' },
      { month: '2018-09', code: '01' },
      { month: '2018-10', code: '02' },
    ]);
    expect(coverageOf(sample('bfd-v2-coverage-read.json'))).toMatchObject({
      referenceYear: '2018',
      dualEligibility: [],
      costSharing: [],
    });
  });

  it('gives v1 and v2 the same reference year and months', () => {
    const months = (file: string) =>
      bundleEntries(file)
        .map(coverageOf)
        .map(({ part, referenceYear, dualEligibility, costSharing }) => ({
          part,
          referenceYear,
          dualEligibility,
          costSharing,
        }));
    expect(months('bfd-v1-coverage-search-bundle.json')).toEqual(
      months('bfd-v2-coverage-search-bundle.json'),
    );
  });

  describe('monthly codes, hand-worked', () => {
    const VARIABLES = 'https://bluebutton.cms.gov/resources/variables/';
    const coded = (variable: string, code: string) => ({
      url: `${VARIABLES}${variable}`,
      valueCoding: { system: `${VARIABLES}${variable}`, code },
    });
    const partD = (...extension: object[]) =>
      coverageOf({ resourceType: 'Coverage', id: 'part-d-1', status: 'active', extension });
    const year = { url: `${VARIABLES}rfrnc_yr`, valueDate: '2025' };

    it('keeps the months with a dual code, in month order, the year from rfrnc_yr', () => {
      const coverage = partD(
        coded('dual_06', '03'),
        coded('dual_01', '02'),
        year,
        coded('dual_02', '02'),
        coded('dual_03', 'NA'),
        coded('dual_04', 'na'),
        coded('dual_05', '00'),
        coded('dual_07', '**'),
        coded('dual_08', 'XX'),
        coded('dual_09', ' 08 '),
        coded('dual_10', '99'),
        coded('dual_11', ''),
        coded('dual_12', '07'),
      );
      expect(coverage.dualEligibility).toEqual([
        { month: '2025-01', code: '02' },
        { month: '2025-02', code: '02' },
        { month: '2025-06', code: '03' },
        { month: '2025-09', code: '08' },
        { month: '2025-10', code: '99' },
        { month: '2025-12', code: '07' },
      ]);
    });

    it('keeps the cost-sharing months with a subsidy, by the short or the long CCW name', () => {
      const coverage = partD(
        year,
        coded('cstshr01', '00'),
        coded('cstshr02', '01'),
        coded('cst_shr_grp_cd_03', '04'),
        coded('cstshr04', '09'),
        coded('cstshr05', '10'),
        coded('cstshr06', '11'),
        coded('cstshr07', '12'),
        coded('cstshr08', '13'),
        coded('cstshr09', '**'),
        coded('cstshr10', 'XX'),
        coded('cstshr11', '08'),
        coded('cst_shr_grp_cd_12', '14'),
      );
      expect(coverage.costSharing).toEqual([
        { month: '2025-02', code: '01' },
        { month: '2025-03', code: '04' },
        { month: '2025-11', code: '08' },
        { month: '2025-12', code: '14' },
      ]);
    });

    it('lets the first extension for a month decide, and reads no other variable', () => {
      const coverage = partD(
        year,
        coded('dual_01', '00'),
        coded('dual_01', '02'),
        coded('cstshr02', '03'),
        coded('cst_shr_grp_cd_02', '09'),
        coded('dual_13', '02'),
        coded('dual_1', '02'),
        coded('mdcr_dual_01', '02'),
        coded('cstshr00', '01'),
        { url: `${VARIABLES}dual_03`, valueCoding: { system: `${VARIABLES}dual_03` } },
        { url: '2025-4', valueCoding: { system: `${VARIABLES}dual_04`, code: '02' } },
      );
      expect(coverage.dualEligibility).toEqual([]);
      expect(coverage.costSharing).toEqual([{ month: '2025-02', code: '03' }]);
    });

    it('takes the year from a coded or dated rfrnc_yr, and gives no months without one', () => {
      const codedYear = partD(coded('rfrnc_yr', '2024'), coded('dual_05', '01'));
      expect(codedYear.dualEligibility).toEqual([{ month: '2024-05', code: '01' }]);
      const datedYear = partD(
        { url: `${VARIABLES}rfrnc_yr`, valueDate: '2023-01-01' },
        coded('dual_05', '01'),
      );
      expect(datedYear.dualEligibility).toEqual([{ month: '2023-05', code: '01' }]);
      const noYear = partD(coded('dual_05', '01'), coded('cstshr05', '01'));
      expect(noYear).toMatchObject({ referenceYear: null, dualEligibility: [], costSharing: [] });
    });
  });

  it('falls back to the id for the part, and refuses a Coverage whose part cannot be told', () => {
    expect(
      coverageOf({ resourceType: 'Coverage', id: 'part-c--20140000008325', status: 'active' }).part,
    ).toBe('C');
    const unknown = mapCoverage({ resourceType: 'Coverage', id: 'x-1', class: [{ value: 'Medicare' }] });
    expect(unknown.ok).toBe(false);
  });

  it('refuses a resource that is not a Coverage', () => {
    expect(mapCoverage({ resourceType: 'Patient', id: '1' }).ok).toBe(false);
    expect(mapCoverage({ resourceType: 'Coverage', id: 'part-a-1', period: 'soon' }).ok).toBe(false);
  });
});

// Expected values read from the Patient samples.
describe('mapPatient', () => {
  const john: Profile = {
    id: '567834',
    name: 'John A Doe',
    given: 'John A',
    family: 'Doe',
    birthDate: '1981-03-17',
    gender: 'male',
    state: 'MO',
    zip: '12345',
  };

  it.each(['bfd-v2-patient.json', 'bfd-v1-patient.json'])('maps %s', (file) => {
    expect(mapPatient(sample(file))).toEqual({ ok: true, profile: john });
  });

  it('maps the Patient of a search bundle', () => {
    const [patient] = bundleEntries('bfd-v2-patient-search-bundle.json');
    expect(mapPatient(patient)).toEqual({ ok: true, profile: john });
  });

  it('leaves out what was not shared', () => {
    expect(mapPatient({ resourceType: 'Patient', id: '-20140000008325' })).toEqual({
      ok: true,
      profile: { id: '-20140000008325' },
    });
  });

  it('refuses a Patient without an id', () => {
    expect(mapPatient({ resourceType: 'Patient', name: [{ family: 'Doe' }] }).ok).toBe(false);
  });
});
