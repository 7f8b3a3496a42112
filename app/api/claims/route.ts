// GET /api/claims — claims filtered by type, service dates and text, sorted and paged.
import { wantsFresh } from '@/lib/data/fresh-param';
import { loadMedicareData } from '@/lib/data/medicare-data';
import { claimQuerySchema, queryClaims } from '@/lib/data/queries';
import { apiRoute, json, parseQuery } from '@/lib/http/api-route';

export const GET = apiRoute(async (request) => {
  const query = parseQuery(request, claimQuerySchema, ['type']);
  const { data } = await loadMedicareData({ fresh: wantsFresh(request), signal: request.signal });
  return json({ ...queryClaims(data.claims, query), unreadable: data.unreadable });
});
