// GET /api/summary — the summary contract's JSON over all of the signed-in beneficiary's claims and coverage.
import { summarize } from '@/lib/claims/summarize';
import { loadMedicareData } from '@/lib/data/medicare-data';
import { wantsFresh } from '@/lib/data/fresh-param';
import { apiRoute, json } from '@/lib/http/api-route';

export const GET = apiRoute(async (request) => {
  const { data } = await loadMedicareData({ fresh: wantsFresh(request), signal: request.signal });
  return json(summarize(data));
});
