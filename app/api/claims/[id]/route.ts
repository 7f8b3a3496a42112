// GET /api/claims/:id — one claim with its lines, diagnoses, procedures and providers.
import { AppError } from '@/lib/errors';
import { loadMedicareData } from '@/lib/data/medicare-data';
import { claimIdSchema } from '@/lib/data/queries';
import { dataJson } from '@/lib/data/request-data';
import { apiRoute } from '@/lib/http/api-route';

export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const { id } = await params;
  if (!claimIdSchema.safeParse(id).success)
    throw new AppError('bad_request', { message: 'Invalid parameter id: not a claim id' });
  const loaded = await loadMedicareData({ signal: request.signal });
  const claim = loaded.data.claims.find((c) => c.id === id);
  if (!claim) throw new AppError('not_found', { message: 'No claim with this id.' });
  return dataJson(claim, loaded);
});
