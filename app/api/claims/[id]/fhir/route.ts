// GET /api/claims/:id/fhir — one claim's ExplanationOfBenefit as received from Blue Button, as a file
// (docs/exports.md).
import { readClaimFhir } from '@/lib/data/fhir-export';
import { claimIdSchema } from '@/lib/data/queries';
import { AppError } from '@/lib/errors';
import { apiRoute } from '@/lib/http/api-route';
import { attachmentHeaders, datedFileName } from '@/lib/http/download';

export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const { id } = await params;
  if (!claimIdSchema.safeParse(id).success)
    throw new AppError('bad_request', { message: 'Invalid parameter id: not a claim id' });
  const eob = await readClaimFhir(id, request.signal);
  const headers = attachmentHeaders('application/fhir+json', datedFileName(`medicare-claim-${id}`, 'json'));
  return new Response(JSON.stringify(eob), { headers });
});
