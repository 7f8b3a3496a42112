import { describe, expect, it } from 'vitest';
import { fromMicros, parseDecimal, roundToCents, toMicros } from './money';

describe('money', () => {
  it('reads FHIR decimals sent as numbers or numeric strings', () => {
    expect(parseDecimal(60)).toBe(60);
    expect(parseDecimal(126.99)).toBe(126.99);
    expect(parseDecimal('235.85')).toBe(235.85);
    expect(parseDecimal(' 12 ')).toBe(12);
    expect(parseDecimal('-3.5')).toBe(-3.5);
    expect(parseDecimal('1e2')).toBe(100);
  });

  it.each([
    ['abc'],
    [''],
    ['12,50'],
    ['$5'],
    [null],
    [undefined],
    [{}],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
  ])('refuses %j', (value) => {
    expect(parseDecimal(value)).toBeUndefined();
  });

  it('holds cents exactly as micro-dollars', () => {
    expect(toMicros(84999.37)).toBe(84_999_370_000);
    expect(toMicros(0.07)).toBe(70_000);
    expect(fromMicros(toMicros(102391.02))).toBe(102391.02);
  });

  it('rounds to cents half away from zero, never to -0', () => {
    expect(roundToCents(toMicros(1.005))).toBe(1.01);
    expect(roundToCents(toMicros(0.004999))).toBe(0);
    expect(roundToCents(toMicros(-1.005))).toBe(-1.01);
    expect(Object.is(roundToCents(toMicros(-0.001)), 0)).toBe(true);
  });
});
