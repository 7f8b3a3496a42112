/**
 * In-memory OAuth state with django-oauth-toolkit 2.2.0 semantics (docs/blue-button.md §2.4, §3):
 * access tokens are deleted when revoked, refresh tokens are marked revoked and kept, deleting a
 * DataAccessGrant deletes the pair's access tokens and revokes its refresh tokens.
 */

/** An issued access token. */
export interface AccessTokenRecord {
  token: string;
  clientId: string;
  userNumber: number;
  scopes: string[];
  expiresAt: number;
}

/** An issued refresh token; `accessToken` is null once its access token is gone. */
export interface RefreshTokenRecord {
  token: string;
  clientId: string;
  userNumber: number;
  accessToken: string | null;
  revokedAt: number | null;
}

/** An authorization code (60 s, single use; docs/blue-button.md §2.1). */
export interface AuthCodeRecord {
  code: string;
  clientId: string;
  userNumber: number;
  redirectUri: string;
  codeChallenge: string;
  scopes: string[];
  expiresAt: number;
}

/** A DataAccessGrant; `expiresAt` null means no expiry. */
export interface GrantRecord {
  clientId: string;
  userNumber: number;
  expiresAt: number | null;
}

const pairKey = (clientId: string, userNumber: number) => `${clientId}|${userNumber}`;

/** Tokens, codes and grants of one sandbox. */
export class OAuthStore {
  readonly accessTokens = new Map<string, AccessTokenRecord>();
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  readonly codes = new Map<string, AuthCodeRecord>();
  readonly grants = new Map<string, GrantRecord>();

  clear(): void {
    this.accessTokens.clear();
    this.refreshTokens.clear();
    this.codes.clear();
    this.grants.clear();
  }

  grant(clientId: string, userNumber: number): GrantRecord | undefined {
    return this.grants.get(pairKey(clientId, userNumber));
  }

  putGrant(grant: GrantRecord): void {
    this.grants.set(pairKey(grant.clientId, grant.userNumber), grant);
  }

  /** Deletes an access token (DOT `AccessToken.revoke`); its refresh token loses its access token. */
  deleteAccessToken(token: string): void {
    this.accessTokens.delete(token);
    for (const rt of this.refreshTokens.values()) if (rt.accessToken === token) rt.accessToken = null;
  }

  /** DOT `RefreshToken.revoke`: deletes its access token and marks it revoked. */
  revokeRefreshToken(rt: RefreshTokenRecord, now: number): void {
    if (rt.accessToken) this.accessTokens.delete(rt.accessToken);
    rt.accessToken = null;
    rt.revokedAt ??= now;
  }

  /** `remove_application_user_pair_tokens_data_access`: deletes the pair's access and refresh tokens. */
  removePairTokens(clientId: string, userNumber: number): void {
    for (const [k, at] of this.accessTokens)
      if (at.clientId === clientId && at.userNumber === userNumber) this.accessTokens.delete(k);
    for (const [k, rt] of this.refreshTokens)
      if (rt.clientId === clientId && rt.userNumber === userNumber) this.refreshTokens.delete(k);
  }

  /** Deletes a DataAccessGrant and, like the `revoke_associated_tokens` signal, the pair's tokens. */
  deleteGrant(clientId: string, userNumber: number, now: number): boolean {
    const existed = this.grants.delete(pairKey(clientId, userNumber));
    for (const [k, at] of this.accessTokens)
      if (at.clientId === clientId && at.userNumber === userNumber) this.accessTokens.delete(k);
    for (const rt of this.refreshTokens.values()) {
      if (rt.clientId === clientId && rt.userNumber === userNumber) this.revokeRefreshToken(rt, now);
    }
    return existed;
  }

  /** Drops expired codes when the map grows (codes are only valid for 60 s anyway). */
  sweepCodes(now: number): void {
    if (this.codes.size < 1000) return;
    for (const [k, c] of this.codes) if (c.expiresAt <= now) this.codes.delete(k);
  }
}
