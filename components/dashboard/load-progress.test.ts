import { describe, expect, it } from 'vitest';
import { progressText } from './load-progress';

describe('progressText', () => {
  it('says how many claims have loaded once the totals are known', () => {
    expect(progressText({ state: 'loading', pages: 12, claims: 250, expectedClaims: 1400 })).toBe(
      'Loaded 250 of 1,400 claims',
    );
  });

  it('says it is asking before any total is known, and waits politely otherwise', () => {
    expect(progressText({ state: 'loading', pages: 0, claims: 0, expectedClaims: null })).toBe(
      'Asking Medicare for your claims…',
    );
    expect(progressText(null)).toBe('Getting your claims from Medicare…');
    expect(progressText({ state: 'idle' })).toBe('Getting your claims from Medicare…');
  });

  it('passes on the plain message of a failed load', () => {
    expect(progressText({ state: 'failed', message: 'Medicare is busy right now.' })).toBe(
      'Medicare is busy right now.',
    );
  });
});
