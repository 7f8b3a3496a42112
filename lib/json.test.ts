import { describe, expect, it } from 'vitest';
import { isRecord, parseJson } from './json';

describe('JSON helpers', () => {
  it('parses JSON and gives undefined for anything else', () => {
    expect(parseJson('{"a":1}')).toEqual({ a: 1 });
    expect(parseJson('null')).toBeNull();
    expect(parseJson('<html>')).toBeUndefined();
  });

  it('tells objects from null, arrays and scalars', () => {
    expect(isRecord({})).toBe(true);
    expect([null, [], 'x', 1].map(isRecord)).toEqual([false, false, false, false]);
  });
});
