import { describe, expect, it } from 'vitest';
import { negotiateFhirType } from './negotiate';

describe('negotiateFhirType', () => {
  it('follows DRF: specific types win, renderer order breaks ties', () => {
    expect(negotiateFhirType(null)).toBe('application/fhir+json');
    expect(negotiateFhirType('*/*')).toBe('application/fhir+json');
    expect(negotiateFhirType('application/json')).toBe('application/json');
    expect(negotiateFhirType('application/json, text/plain, */*')).toBe('application/json');
    expect(negotiateFhirType('application/fhir+json, application/json')).toBe('application/fhir+json');
    expect(negotiateFhirType('application/*')).toBe('application/fhir+json');
    expect(negotiateFhirType('text/html')).toBeNull();
  });
});
