// GET /api/summary — the summary contract's JSON over all of the signed-in beneficiary's claims and coverage.
import { summarize } from '@/lib/claims/summarize';
import { dataJson, loadForRequest } from '@/lib/data/request-data';
import { apiRoute } from '@/lib/http/api-route';

export const GET = apiRoute(async (request) => {
  const loaded = await loadForRequest(request);
  return dataJson(summarize(loaded.data), loaded);
});
