// GET /api/claims — claims filtered by type, service dates and text, sorted and paged; `format=csv`: every
// matching claim as a CSV file (docs/exports.md).
import { claimsCsv } from '@/lib/export/tables';
import { dataHeaders, dataJson, loadForRequest } from '@/lib/data/request-data';
import { claimQuerySchema, queryClaims } from '@/lib/data/queries';
import { apiRoute, parseQuery } from '@/lib/http/api-route';
import { csvDownload, parseFormat } from '@/lib/http/download';

export const GET = apiRoute(async (request) => {
  const format = parseFormat(request, ['page', 'pageSize']);
  const query = parseQuery(request, claimQuerySchema, ['type']);
  const loaded = await loadForRequest(request);
  const { claims, unreadable } = loaded.data;
  if (format === 'csv') return csvDownload(claimsCsv(claims, query), 'medicare-claims', dataHeaders(loaded));
  return dataJson({ ...queryClaims(claims, query), unreadable }, loaded);
});
