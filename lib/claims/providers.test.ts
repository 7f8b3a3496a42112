import { describe, expect, it } from 'vitest';
import { claim } from './__fixtures__/build.test-support';
import { providerName, providerOf } from './providers';

describe('providerOf and providerName', () => {
  it('keeps a named provider', () => {
    const c = claim('c1', 'carrier', '2025-01-01', {}, { provider: { name: 'DR. A', npi: '1' } });
    expect(providerOf(c)).toEqual({ name: 'DR. A', npi: '1' });
  });

  it('names a provider given by NPI alone from the care team or the facility with the same NPI', () => {
    const careTeam = [
      { name: null, npi: '2', sequence: 1, role: 'performing' },
      { name: 'CITY INTERNAL MEDICINE GROUP', npi: '1', sequence: 2, role: 'primary' },
    ];
    const fromTeam = claim(
      'c1',
      'carrier',
      '2025-01-01',
      {},
      { provider: { name: null, npi: '1' }, careTeam },
    );
    expect(providerOf(fromTeam)).toEqual({ name: 'CITY INTERNAL MEDICINE GROUP', npi: '1' });
    const facility = { name: 'HEALTHMART PHARMACY', npi: '9', kind: 'Community/retail pharmacy' };
    const fromFacility = claim(
      'p1',
      'pde',
      '2025-01-01',
      {},
      { provider: { name: null, npi: '9' }, facility },
    );
    expect(providerName(fromFacility)).toBe('HEALTHMART PHARMACY');
  });

  it('falls back to the facility’s name, and to none', () => {
    const facility = { name: 'RIVERSIDE', npi: '5', kind: 'Hospital' };
    expect(providerName(claim('o1', 'outpatient', '2025-01-01', {}, { facility }))).toBe('RIVERSIDE');
    const unnamed = claim('c2', 'carrier', '2025-01-01', {}, { provider: { name: null, npi: '1' } });
    expect(providerOf(unnamed)).toEqual({ name: null, npi: '1' });
    expect(providerName(unnamed)).toBeNull();
  });
});
