import { describe, expect, it } from 'vitest';
import { javaHash, javaHashMapOrder, pagingLinks } from './links';

describe('BFD paging links', () => {
  it('hashes like java.lang.String', () => {
    expect(javaHash('patient')).toBe(-791418107);
    expect(javaHash('')).toBe(0);
  });

  it('orders parameters like the real sandbox capture (docs/blue-button.md §9)', () => {
    expect(javaHashMapOrder(['startIndex', '_count', '_format', 'patient'])).toEqual([
      '_format',
      'startIndex',
      '_count',
      'patient',
    ]);
  });

  it('reproduces page 2 of 6 of the observed capture', () => {
    const links = pagingLinks(
      'https://sandbox.bluebutton.cms.gov/v2/fhir',
      'ExplanationOfBenefit',
      [
        ['startIndex', ['10']],
        ['_count', ['10']],
        ['_format', ['application/json+fhir']],
        ['patient', ['-19990000000001']],
      ],
      { startIndex: 10, count: 10, total: 52 },
    );
    const p = 'patient=-19990000000001';
    const b = 'https://sandbox.bluebutton.cms.gov/v2/fhir/ExplanationOfBenefit';
    expect(links).toEqual([
      ['first', `${b}?_format=application%2Fjson%2Bfhir&startIndex=0&_count=10&${p}`],
      ['next', `${b}?_format=application%2Fjson%2Bfhir&startIndex=20&_count=10&${p}`],
      ['previous', `${b}?_format=application%2Fjson%2Bfhir&startIndex=0&_count=10&${p}`],
      ['last', `${b}?_format=application%2Fjson%2Bfhir&startIndex=50&_count=10&${p}`],
      ['self', `${b}/?_count=10&_format=application%2Fjson%2Bfhir&${p}&startIndex=10`],
    ]);
  });

  it('gives an empty result first and last at 0', () => {
    const links = pagingLinks(
      'http://h/v2/fhir',
      'Coverage',
      [
        ['startIndex', ['0']],
        ['_count', ['10']],
      ],
      {
        startIndex: 0,
        count: 10,
        total: 0,
      },
    );
    expect(links.map(([rel]) => rel)).toEqual(['first', 'last', 'self']);
    expect(links[1]?.[1]).toContain('startIndex=0');
  });
});
