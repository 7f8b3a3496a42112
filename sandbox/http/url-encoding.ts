/**
 * URL encodings of the two stacks the sandbox imitates: Python's `quote_plus`/`urlencode` (oauthlib
 * redirects, Django `redirect_to_login`) and Java's form encoding (`URLEncoder`, Apache `URIBuilder`)
 * that BFD uses for paging links (docs/blue-button.md §9).
 */

function encodeWith(text: string, safe: RegExp, spaceAsPlus: boolean): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const ch = String.fromCharCode(byte);
    if (byte < 0x80 && safe.test(ch)) out += ch;
    else if (byte === 0x20 && spaceAsPlus) out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Python `urllib.parse.quote_plus(text, safe=extraSafe)`. */
export function pyQuotePlus(text: string, extraSafe = ''): string {
  const escaped = extraSafe.replace(/[\\\]^-]/g, '\\$&');
  return encodeWith(text, new RegExp(`[A-Za-z0-9_.~${escaped}-]`), true);
}

/** Python `urllib.parse.urlencode(pairs)`. */
export function pyUrlencode(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([k, v]) => `${pyQuotePlus(k)}=${pyQuotePlus(v)}`).join('&');
}

/** Java `URLEncoder.encode(text, UTF_8)` / Apache `URLEncodedUtils` form encoding. */
export function javaFormEncode(text: string): string {
  return encodeWith(text, /[A-Za-z0-9_.*-]/, true);
}

/** oauthlib `add_params_to_uri`: appends parameters to a URI's query, keeping its fragment. */
export function addParamsToUri(uri: string, pairs: ReadonlyArray<readonly [string, string]>): string {
  const hashAt = uri.indexOf('#');
  const base = hashAt >= 0 ? uri.slice(0, hashAt) : uri;
  const fragment = hashAt >= 0 ? uri.slice(hashAt) : '';
  const query = pyUrlencode(pairs);
  if (!query) return uri;
  const sep = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
  return `${base}${sep}${query}${fragment}`;
}

/** Python `urllib.parse.quote(text, safe=extraSafe)` (spaces as `%20`). */
export function pyQuote(text: string, extraSafe = '/'): string {
  const escaped = extraSafe.replace(/[\\\]^-]/g, '\\$&');
  return encodeWith(text, new RegExp(`[A-Za-z0-9_.~${escaped}-]`), false);
}
