/**
 * `/mymedicare/login`: the sandbox's stand-in for the Medicare.gov (SLSx) sign-in. A correct
 * synthetic username and password open a consent page `/vN/o/authorize/<uuid>/` for that
 * beneficiary; wrong ones show the page again with an error (docs/blue-button.md §2.1, §15).
 */
import { checkCredentials } from '../data/users';
import type { RequestContext } from '../http/context';
import { Params } from '../http/params';
import { djangoBadRequest, htmlResponse, methodNotAllowed, redirectResponse } from '../http/responses';
import { checkAuthorizeApp, checkAuthorizeRequest } from './authorize-request';
import { errorPage } from './page-layout';
import { loginPage } from './login-page';

const NEXT_PATTERN = /^\/v([12])\/o\/authorize\/(?:\?(.*))?$/s;

/** A parsed `next`: the API version and the authorize query string. */
interface NextTarget {
  version: 1 | 2;
  queryString: string;
}

function parseNext(next: string | undefined): NextTarget | undefined {
  const m = next === undefined ? null : NEXT_PATTERN.exec(next);
  if (!m) return undefined;
  return { version: m[1] === '1' ? 1 : 2, queryString: m[2] ?? '' };
}

function badLink(): Response {
  return htmlResponse(
    errorPage(
      'This sign-in link is not valid',
      'Go back to the app you came from and start connecting again.',
    ),
    400,
  );
}

/** Handles the sign-in page (GET shows it, POST checks the credentials). */
export function loginEndpoint(ctx: RequestContext): Response {
  if (ctx.method !== 'GET' && ctx.method !== 'POST' && ctx.method !== 'HEAD') {
    return methodNotAllowed(['GET', 'POST', 'HEAD', 'OPTIONS']);
  }
  if (ctx.method === 'POST' && ctx.form.malformed) return djangoBadRequest();
  const fields = ctx.method === 'POST' ? ctx.form.fields : ctx.query;
  const next = fields.get('next') ?? ctx.query.get('next');
  const target = parseNext(next);
  if (!target || next === undefined) return badLink();
  const params = Params.fromSearch(new URLSearchParams(target.queryString));
  const app = checkAuthorizeApp(ctx.core, params);
  if (app instanceof Response) return app;
  if (ctx.method !== 'POST') return htmlResponse(loginPage({ next, appName: app.name }));

  const username = (fields.get('username') ?? '').trim();
  const userNumber = checkCredentials(username, fields.get('password') ?? '');
  if (userNumber === undefined) {
    return htmlResponse(loginPage({ next, appName: app.name, username, failed: true }));
  }
  const check = checkAuthorizeRequest(ctx.core, params);
  if (!check.ok) return check.response;
  const approval = ctx.core.approvals.create(app.clientId, userNumber, ctx.core.now());
  const query = target.queryString ? `?${target.queryString}` : '';
  return redirectResponse(`/v${target.version}/o/authorize/${approval.id}/${query}`);
}
