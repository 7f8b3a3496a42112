// GET /api/coverage — the parts of Medicare that cover the beneficiary.
import { wantsFresh } from '@/lib/data/fresh-param';
import { loadMedicareData } from '@/lib/data/medicare-data';
import { apiRoute, json } from '@/lib/http/api-route';

export const GET = apiRoute(async (request) => {
  const { data } = await loadMedicareData({ fresh: wantsFresh(request), signal: request.signal });
  return json({ items: data.coverage });
});
