import { describe, expect, it } from 'vitest';
import { addParamsToUri, javaFormEncode, pyQuotePlus } from './url-encoding';

describe('URL encodings', () => {
  it('encodes like Java URLEncoder for BFD links', () => {
    expect(javaFormEncode('application/json+fhir')).toBe('application%2Fjson%2Bfhir');
    expect(javaFormEncode('Patient/-2014')).toBe('Patient%2F-2014');
    expect(javaFormEncode('a b~*')).toBe('a+b%7E*');
  });

  it('encodes like Python quote_plus', () => {
    expect(pyQuotePlus('/v2/o/authorize/?a=b&c', '/')).toBe('/v2/o/authorize/%3Fa%3Db%26c');
    expect(pyQuotePlus('Missing response type.')).toBe('Missing+response+type.');
  });

  it('appends parameters to a redirect URI', () => {
    expect(
      addParamsToUri('http://x/cb', [
        ['code', 'abc'],
        ['state', 's'],
      ]),
    ).toBe('http://x/cb?code=abc&state=s');
    expect(addParamsToUri('http://x/cb?a=1#f', [['error', 'access_denied']])).toBe(
      'http://x/cb?a=1&error=access_denied#f',
    );
  });
});
