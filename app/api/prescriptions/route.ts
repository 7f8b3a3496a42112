// GET /api/prescriptions — every filled prescription, newest first, optionally by dates and drug.
import { dataJson, loadForRequest } from '@/lib/data/request-data';
import { prescriptionQuerySchema, queryPrescriptions } from '@/lib/data/queries';
import { apiRoute, parseQuery } from '@/lib/http/api-route';

export const GET = apiRoute(async (request) => {
  const query = parseQuery(request, prescriptionQuerySchema);
  const loaded = await loadForRequest(request);
  return dataJson({ items: queryPrescriptions(loaded.data.prescriptions, query) }, loaded);
});
