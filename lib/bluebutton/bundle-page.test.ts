import { describe, expect, it } from 'vitest';
import { peekTotal } from './bundle-page';

describe('peekTotal', () => {
  it('reads total from the head of a Blue Button search page', () => {
    const head =
      '{"resourceType":"Bundle","id":"7a3c","meta":{"lastUpdated":"2025-05-01T00:00:00.000+00:00"},"type":"searchset","total":1234,"link":[{"relation":"self","url":"https://x/v2/fhir/ExplanationOfBenefit?total=9"}],"entry":[{"resource":{"total":{"value":5}}}';
    expect(peekTotal(head)).toBe(1234);
    expect(peekTotal('{ "resourceType" : "Bundle", "type": "searchset", "total" : 0 }')).toBe(0);
  });

  it('says nothing when the prefix is not a Bundle head or total is not there yet', () => {
    expect(peekTotal('{"resourceType":"OperationOutcome","total":3}')).toBeUndefined();
    expect(peekTotal('{"resourceType":"Bundle","id":"x","meta":{"lastU')).toBeUndefined();
    expect(
      peekTotal('{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"total":7}}]}'),
    ).toBeUndefined();
    expect(peekTotal('<html>502 Bad Gateway</html>')).toBeUndefined();
    expect(peekTotal('{"resourceType":"Bundle","total":-1}')).toBeUndefined();
  });
});
