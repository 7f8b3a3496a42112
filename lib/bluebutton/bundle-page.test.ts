import { describe, expect, it } from 'vitest';
import { readBundlePage } from './bundle-page';

describe('readBundlePage', () => {
  it('reads total, entries and the next and self links of a search page', () => {
    const page = readBundlePage({
      resourceType: 'Bundle',
      type: 'searchset',
      total: 120,
      link: [
        { relation: 'self', url: 'https://x/v2/fhir/ExplanationOfBenefit/?_count=50' },
        { relation: 'next', url: 'https://x/v2/fhir/ExplanationOfBenefit/?_count=50&startIndex=50' },
        'not a link',
      ],
      entry: [{ resource: {} }, { resource: {} }],
    });
    expect(page).toMatchObject({ total: 120, entries: 2 });
    expect(page.next).toMatch(/startIndex=50$/);
    expect(page.self).toMatch(/_count=50$/);
  });

  it('leaves a total that is not a non-negative whole number unknown, and an empty search empty', () => {
    for (const total of [-1, 1.5, '10', null]) {
      expect(readBundlePage({ resourceType: 'Bundle', total }).total).toBeUndefined();
    }
    expect(readBundlePage({ resourceType: 'Bundle', total: 0 })).toMatchObject({ total: 0, entries: 0 });
  });

  it('refuses what is not a Bundle with an entry array, as Medicare data that cannot be read', () => {
    for (const body of [
      null,
      [],
      'text',
      { resourceType: 'OperationOutcome' },
      { resourceType: 'Bundle', entry: {} },
    ]) {
      expect(() => readBundlePage(body)).toThrow(
        expect.objectContaining({
          code: 'medicare_unreadable',
          detail: expect.objectContaining({ fault: 'not_bundle' }),
        }),
      );
    }
  });
});
