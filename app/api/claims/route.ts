// GET /api/claims — claims filtered by type, service dates and text, sorted and paged.
import { dataJson, loadForRequest } from '@/lib/data/request-data';
import { claimQuerySchema, queryClaims } from '@/lib/data/queries';
import { apiRoute, parseQuery } from '@/lib/http/api-route';

export const GET = apiRoute(async (request) => {
  const query = parseQuery(request, claimQuerySchema, ['type']);
  const loaded = await loadForRequest(request);
  return dataJson({ ...queryClaims(loaded.data.claims, query), unreadable: loaded.data.unreadable }, loaded);
});
