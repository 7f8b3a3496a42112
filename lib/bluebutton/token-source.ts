import 'server-only';

/**
 * Where the Blue Button client gets its bearer tokens. The session layer implements it: it refreshes a
 * minute before expiry through its single-flight path and knows which beneficiary the tokens belong to.
 * The client only asks for the current token, and once per 401 for a replacement (RFC 6750 §3.1,
 * https://www.rfc-editor.org/rfc/rfc6750#section-3.1; Blue Button's 401s: docs/blue-button.md §4).
 */
export interface TokenSource {
  /** The access token to send now; may refresh first when it is about to expire. */
  getAccessToken(signal?: AbortSignal): Promise<string>;
  /**
   * Called once after Blue Button answered 401 to `rejected`. Returns a token to replay the request
   * with: a fresh one, or the current one when another request already replaced `rejected`. Throws
   * the session layer's own error when no token can be had (the caller then reconnects).
   */
  replaceAfterUnauthorized(rejected: string, signal?: AbortSignal): Promise<string>;
}
