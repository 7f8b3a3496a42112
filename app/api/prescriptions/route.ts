// GET /api/prescriptions — every filled prescription, newest first, optionally by dates and drug; `format=csv`:
// the same fills as a CSV file (docs/exports.md).
import { prescriptionsCsv } from '@/lib/export/tables';
import { dataHeaders, dataJson, loadForRequest } from '@/lib/data/request-data';
import { prescriptionQuerySchema, queryPrescriptions } from '@/lib/data/queries';
import { apiRoute, parseQuery } from '@/lib/http/api-route';
import { csvDownload, parseFormat } from '@/lib/http/download';

export const GET = apiRoute(async (request) => {
  const format = parseFormat(request);
  const query = parseQuery(request, prescriptionQuerySchema);
  const loaded = await loadForRequest(request);
  const items = queryPrescriptions(loaded.data.prescriptions, query);
  if (format === 'csv')
    return csvDownload(prescriptionsCsv(items), 'medicare-prescriptions', dataHeaders(loaded));
  return dataJson({ items }, loaded);
});
