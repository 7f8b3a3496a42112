// GET /api/coverage — the parts of Medicare that cover the beneficiary.
import { dataJson, loadForRequest } from '@/lib/data/request-data';
import { apiRoute } from '@/lib/http/api-route';

export const GET = apiRoute(async (request) => {
  const loaded = await loadForRequest(request);
  return dataJson({ items: loaded.data.coverage }, loaded);
});
