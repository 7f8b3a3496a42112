import { describe, expect, it } from 'vitest';
import { durationWords, POLICY_DATE, retentionWords } from './legal';

describe('durationWords', () => {
  it.each([
    [600, '10 minutes'],
    [60, '1 minute'],
    [90, '2 minutes'],
    [1800, '30 minutes'],
    [3600, '1 hour'],
    [5400, '90 minutes'],
    [43_200, '12 hours'],
    [86_400, '1 day'],
    [172_800, '2 days'],
    [45, '45 seconds'],
    [1, '1 second'],
  ])('says %i seconds as %s', (seconds, words) => {
    expect(durationWords(seconds)).toBe(words);
  });
});

describe('retentionWords', () => {
  it('states the defaults: 10 minutes of cached data, 30 minutes idle, 12 hours at most', () => {
    expect(retentionWords({ dataCacheTtlSeconds: 600, sessionIdleMinutes: 30, sessionMaxHours: 12 })).toEqual(
      {
        cache: '10 minutes',
        idle: '30 minutes',
        max: '12 hours',
      },
    );
  });

  it('says nothing is cached when the cache is off', () => {
    expect(retentionWords({ dataCacheTtlSeconds: 0, sessionIdleMinutes: 15, sessionMaxHours: 1 })).toEqual({
      cache: null,
      idle: '15 minutes',
      max: '1 hour',
    });
  });
});

describe('POLICY_DATE', () => {
  it('is the consent version in words', () => {
    expect(POLICY_DATE).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/);
  });
});
