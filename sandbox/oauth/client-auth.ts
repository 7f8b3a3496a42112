/**
 * Which app a request is for, and whether it proved it. `findRequestApp` emulates BB2's
 * `validate_app_is_active` (WEB `apps/dot_ext/utils.py`), which runs before django-oauth-toolkit on
 * the token, revoke and introspect endpoints and yields the refresh error matrix of docs/blue-button.md §3;
 * `authenticateClient` is DOT's `authenticate_client` (HTTP Basic, then `client_secret_post`).
 */
import { CLIENT_ID_PATTERN, type RegisteredApp } from '../apps';
import type { SandboxCore } from '../core';
import type { Params } from '../http/params';
import { appInactive, GRANT_NOT_FOUND, GRANT_TIMED_OUT, ONE_TIME_REFRESH_NOT_ALLOWED } from './messages';
import { bb2Error } from './oauth-errors';

/** The real server raises (and answers Django's 500 page) on these inputs. */
export class ServerCrash extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ServerCrash';
  }
}

/** Python's lenient `base64.b64decode`: drops non-alphabet characters, insists on padding. */
export function pyB64decode(text: string): Buffer | undefined {
  const cleaned = text.replace(/[^A-Za-z0-9+/=]/g, '');
  if (cleaned.length % 4 !== 0) return undefined;
  return Buffer.from(cleaned, 'base64');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function lookupClient(core: SandboxCore, clientId: string, missing: () => Error): RegisteredApp {
  if (!CLIENT_ID_PATTERN.test(clientId)) throw bb2Error('invalid_client', 400, 'Invalid client_id format');
  const app = core.apps.get(clientId);
  if (!app) throw missing();
  return app;
}

/** `get_application_from_meta`: the app named by the Authorization header. */
function appFromHeader(core: SandboxCore, header: string | null): RegisteredApp | undefined {
  if (!header) return undefined;
  const credential = header.split(' ')[1];
  if (header.includes('Bearer')) {
    const at = credential === undefined ? undefined : core.store.accessTokens.get(credential);
    if (!at) throw new ServerCrash('AccessToken.DoesNotExist');
    return core.apps.get(at.clientId);
  }
  if (credential === undefined) throw new ServerCrash('IndexError');
  const bytes = pyB64decode(credential);
  const decoded = bytes && decodeUtf8(bytes);
  if (decoded === undefined) throw new ServerCrash('binascii.Error');
  const clientId = decoded.split(':')[0] ?? '';
  return lookupClient(core, clientId, () => bb2Error('invalid_client', 401, 'Application does not exist'));
}

/** `get_application_from_data`: the app named by `client_id`, `token` or `refresh_token`. */
function appFromData(core: SandboxCore, query: Params, form: Params): RegisteredApp | undefined {
  const clientId = query.get('client_id') || form.get('client_id');
  if (clientId) {
    return lookupClient(core, clientId, () =>
      bb2Error('invalid_client', 400, 'Application does not exist (client_id)'),
    );
  }
  const token = form.get('token');
  if (token) {
    const owner =
      core.store.accessTokens.get(token) ??
      (form.get('token_type_hint') === 'refresh_token' ? core.store.refreshTokens.get(token) : undefined);
    if (!owner) throw bb2Error('invalid_client', 400, 'Token not found.');
    return core.apps.get(owner.clientId);
  }
  const refresh = form.get('refresh_token');
  if (refresh) {
    const rt = core.store.refreshTokens.get(refresh);
    if (!rt) throw bb2Error('invalid_request', 400, 'Refresh token not found.');
    return core.apps.get(rt.clientId);
  }
  return undefined;
}

/** `get_application_from_request` + `validate_app_is_active` (docs/blue-button.md §3). */
export function findRequestApp(
  core: SandboxCore,
  header: string | null,
  query: Params,
  form: Params,
): RegisteredApp {
  const metaApp = appFromHeader(core, header);
  const dataApp = appFromData(core, query, form);
  if (metaApp && dataApp && metaApp.clientId !== dataApp.clientId) {
    throw bb2Error('invalid_request', 400, 'different app in headers than in request data');
  }
  const app = metaApp ?? dataApp;
  if (!app) throw bb2Error('invalid_client', 401, 'App id failed');
  if (!app.active) throw bb2Error('invalid_client', 403, appInactive(app.name));
  if (form.get('grant_type') === 'refresh_token') checkRefreshAllowed(core, app, form.get('refresh_token'));
  return app;
}

function checkRefreshAllowed(core: SandboxCore, app: RegisteredApp, refreshToken: string | undefined): void {
  if (app.dataAccessType === 'ONE_TIME') throw bb2Error('invalid_client', 403, ONE_TIME_REFRESH_NOT_ALLOWED);
  const rt = refreshToken ? core.store.refreshTokens.get(refreshToken) : undefined;
  if (!rt) {
    throw refreshToken
      ? bb2Error('invalid_request', 400, 'Refresh token not found.')
      : bb2Error('invalid_request', 400, 'Missing refresh token parameter');
  }
  const grant = core.store.grant(app.clientId, rt.userNumber);
  if (!grant) throw bb2Error('invalid_grant', 403, GRANT_NOT_FOUND);
  if (grant.expiresAt !== null && grant.expiresAt <= core.now())
    throw bb2Error('invalid_grant', 401, GRANT_TIMED_OUT);
}

function safeUnquotePlus(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** DOT `authenticate_client`: HTTP Basic first, then `client_id` + `client_secret` in the body. */
export function authenticateClient(
  core: SandboxCore,
  header: string | null,
  form: Params,
): RegisteredApp | undefined {
  const [scheme, credential] = (header ?? '').trim().split(/\s+/);
  if (scheme?.toLowerCase() === 'basic' && credential) {
    const bytes = pyB64decode(credential);
    const decoded = bytes && decodeUtf8(bytes);
    const colon = decoded?.indexOf(':') ?? -1;
    if (decoded !== undefined && colon >= 0) {
      const app = core.apps.get(safeUnquotePlus(decoded.slice(0, colon)));
      if (app && app.clientSecret === safeUnquotePlus(decoded.slice(colon + 1))) return app;
    }
  }
  const clientId = form.get('client_id');
  const secret = form.get('client_secret') ?? '';
  const app = clientId ? core.apps.get(clientId) : undefined;
  return app && secret && app.clientSecret === secret ? app : undefined;
}
