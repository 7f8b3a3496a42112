/**
 * `POST /vN/o/expire_authenticated_user/<patient_id>/` (WEB `ExpireDataAccessGrantView`;
 * docs/blue-button.md §3): a sandbox helper that deletes the calling app's grant for a beneficiary. The
 * client must authenticate (403 otherwise); the grant's app is the one in the Basic header.
 */
import type { RequestContext } from '../http/context';
import { emptyResponse, methodNotAllowed, textResponse } from '../http/responses';
import { userNumberFromPatientId } from '../data/users';
import { HTML_TYPE } from '../http/responses';
import { authenticateClient, pyB64decode } from './client-auth';

function basicClientId(header: string | null): string | undefined {
  const [scheme, credential] = (header ?? '').trim().split(/\s+/);
  if (scheme?.toLowerCase() !== 'basic' || !credential) return undefined;
  return pyB64decode(credential)?.toString('utf8').split(':')[0];
}

/** Handles the expire endpoint. */
export function expireUserEndpoint(ctx: RequestContext): Response {
  const header = ctx.request.headers.get('authorization');
  if (!authenticateClient(ctx.core, header, ctx.method === 'POST' ? ctx.form.fields : ctx.query)) {
    return emptyResponse(403);
  }
  if (ctx.method !== 'POST') return methodNotAllowed(['POST', 'OPTIONS']);
  const userNumber = userNumberFromPatientId(ctx.captures[0] ?? '');
  if (userNumber === undefined) {
    return textResponse('Patient was Not Found. Please check the id number and try again.', 404, HTML_TYPE);
  }
  const clientId = basicClientId(header);
  const grant = clientId === undefined ? undefined : ctx.core.store.grant(clientId, userNumber);
  if (!grant || clientId === undefined)
    return textResponse('Data Access Grant was Not Found.', 404, HTML_TYPE);
  ctx.core.store.deleteGrant(clientId, userNumber, ctx.core.now());
  return textResponse('success', 200, HTML_TYPE);
}
