// GET /api/profile — the beneficiary's demographics, or that they chose not to share them.
import { dataJson, loadForRequest } from '@/lib/data/request-data';
import { apiRoute } from '@/lib/http/api-route';

export const GET = apiRoute(async (request) => {
  const loaded = await loadForRequest(request);
  const { data, demographics } = loaded;
  return dataJson(
    { demographics, profile: demographics === 'shared' ? (data.profile ?? null) : null },
    loaded,
  );
});
