// GET /api/profile — the beneficiary's demographics, or that they chose not to share them.
import { wantsFresh } from '@/lib/data/fresh-param';
import { loadMedicareData } from '@/lib/data/medicare-data';
import { apiRoute, json } from '@/lib/http/api-route';

export const GET = apiRoute(async (request) => {
  const { data, demographics } = await loadMedicareData({
    fresh: wantsFresh(request),
    signal: request.signal,
  });
  return json({ demographics, profile: demographics === 'shared' ? (data.profile ?? null) : null });
});
