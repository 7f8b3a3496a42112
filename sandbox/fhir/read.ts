/**
 * FHIR reads, `GET /vN/fhir/<Type>/<id>` (docs/blue-button.md §5, §8): another beneficiary's or an unknown
 * resource is `404 {"detail":"Not found."}`; an id BFD cannot parse is BFD's 400 passed on by BB2.
 */
import type { RequestContext } from '../http/context';
import { rawJson } from '../http/responses';
import type { ResourceType } from '../oauth/scopes';
import { NOT_FOUND } from '../oauth/messages';
import { drfError } from './fhir-auth';
import { guardFhir } from './guard';
import { upstreamBadRequest } from './upstream-errors';

const ID_PATTERNS: Partial<Record<ResourceType, RegExp>> = {
  Coverage: /^([A-Za-z0-9]+-[A-Za-z0-9])-(-?\d+)$/,
  ExplanationOfBenefit: /^([A-Za-z]+)-(-?\d+)$/,
};

/** Handles a read of `resource`. */
export async function readEndpoint(ctx: RequestContext, resource: ResourceType): Promise<Response> {
  const guarded = guardFhir(ctx, resource, 'read');
  if (guarded instanceof Response) return guarded;
  const { contentType, headers, patientId } = guarded;
  const id = ctx.captures[0] ?? '';
  const notFound = () => drfError(404, NOT_FOUND, contentType, headers);
  if (resource === 'Patient' && id !== patientId) return notFound();
  const pattern = ID_PATTERNS[resource];
  if (pattern && !pattern.test(id)) {
    return upstreamBadRequest(
      `Failed to call access method: java.lang.IllegalArgumentException: Unsupported ID pattern: ${id}`,
      contentType,
      headers,
    );
  }
  const bene = (await ctx.core.beneficiaries()).get(guarded.auth.token.userNumber).data;
  let json: string | undefined;
  if (resource === 'Patient') json = bene.patientJson(ctx.version);
  else if (resource === 'Coverage') json = bene.coverage(ctx.version).find((c) => c.id === id)?.json;
  else json = bene.eobJson(id, ctx.version);
  return json === undefined ? notFound() : rawJson(json, 200, contentType, headers);
}
