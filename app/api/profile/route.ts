// GET /api/profile — the beneficiary's demographics, or that they chose not to share them. Medicare's patient id
// is left out: the app never shows it, so it never leaves the server here.
import type { Profile } from '@/lib/claims/types';
import { dataJson, loadForRequest } from '@/lib/data/request-data';
import { apiRoute } from '@/lib/http/api-route';

const withoutId = ({ id: _id, ...shown }: Profile) => shown;

export const GET = apiRoute(async (request) => {
  const loaded = await loadForRequest(request);
  const { data, demographics } = loaded;
  const profile = demographics === 'shared' && data.profile ? withoutId(data.profile) : null;
  return dataJson({ demographics, profile }, loaded);
});
