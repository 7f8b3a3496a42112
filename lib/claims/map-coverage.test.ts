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
