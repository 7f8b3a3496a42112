import { describe, expect, it } from 'vitest';
import { drfJson, pyJson } from './py-json';

describe('pyJson', () => {
  it('writes Python json.dumps separators and escapes non-ASCII', () => {
    expect(pyJson({ error: 'invalid_grant', n: 3, ok: true, list: [1, 'é'] })).toBe(
      '{"error": "invalid_grant", "n": 3, "ok": true, "list": [1, "\\u00e9"]}',
    );
    expect(pyJson({})).toBe('{}');
    expect(pyJson([])).toBe('[]');
  });

  it('drfJson is compact', () => {
    expect(drfJson({ detail: 'Not found.' })).toBe('{"detail":"Not found."}');
  });
});
