// GET /api/prescriptions — every filled prescription, newest first, optionally by dates and drug.
import { wantsFresh } from '@/lib/data/fresh-param';
import { loadMedicareData } from '@/lib/data/medicare-data';
import { prescriptionQuerySchema, queryPrescriptions } from '@/lib/data/queries';
import { apiRoute, json, parseQuery } from '@/lib/http/api-route';

export const GET = apiRoute(async (request) => {
  const query = parseQuery(request, prescriptionQuerySchema);
  const { data } = await loadMedicareData({ fresh: wantsFresh(request), signal: request.signal });
  return json({ items: queryPrescriptions(data.prescriptions, query) });
});
