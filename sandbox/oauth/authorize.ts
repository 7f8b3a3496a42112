/**
 * `GET|POST /vN/o/authorize/` (docs/blue-button.md §2.1): validates the request and sends the anonymous
 * browser to the sign-in page, `302 /mymedicare/login?next=…`, like Django's `redirect_to_login`.
 */
import type { RequestContext } from '../http/context';
import { Params } from '../http/params';
import { djangoBadRequest, djangoJson, methodNotAllowed, redirectResponse } from '../http/responses';
import { pyQuote, pyUrlencode } from '../http/url-encoding';
import { checkAuthorizeRequest } from './authorize-request';

/** Methods the authorize views answer (Django's `Allow` order). */
export const AUTHORIZE_METHODS = ['GET', 'POST', 'HEAD', 'OPTIONS'] as const;

/** The query string of the authorize request: the URL's, plus the form fields of a POST. */
export function authorizeQuery(ctx: RequestContext): { params: Params; queryString: string } {
  const raw = ctx.url.search.replace(/^\?/, '');
  if (ctx.method !== 'POST') return { params: ctx.query, queryString: raw };
  const posted = pyUrlencode(ctx.form.fields.entries);
  return { params: ctx.query.concat(ctx.form.fields), queryString: raw ? `${raw}&${posted}` : posted };
}

/** The sign-in URL that returns to `next` (Django `redirect_to_login`). */
export function loginUrl(next: string): string {
  return `/mymedicare/login?next=${pyQuote(next, '/')}`;
}

/** Handles the base authorize endpoint. */
export function authorizeEndpoint(ctx: RequestContext): Response {
  if (!(AUTHORIZE_METHODS as readonly string[]).includes(ctx.method))
    return methodNotAllowed(AUTHORIZE_METHODS);
  if (ctx.method === 'OPTIONS') return methodNotAllowed(AUTHORIZE_METHODS);
  if (ctx.method === 'POST') {
    if (ctx.form.malformed) return djangoBadRequest();
    if (!ctx.form.fields.get('state')) {
      return djangoJson({ status_code: 401, message: 'State required in POST body.' }, 401);
    }
  }
  const { params, queryString } = authorizeQuery(ctx);
  const check = checkAuthorizeRequest(ctx.core, params);
  if (!check.ok) return check.response;
  return redirectResponse(loginUrl(`/v${ctx.version}/o/authorize/?${queryString}`));
}
