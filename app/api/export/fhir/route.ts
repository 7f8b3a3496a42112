// GET /api/export/fhir — all of the beneficiary's Medicare data as received from Blue Button, one FHIR
// collection Bundle streamed as a file (docs/exports.md).
import { streamFhirExport } from '@/lib/data/fhir-export';
import { apiRoute } from '@/lib/http/api-route';
import { attachmentHeaders, datedFileName } from '@/lib/http/download';

export const GET = apiRoute(async (request) => {
  const bundle = await streamFhirExport(request.signal);
  const headers = attachmentHeaders('application/fhir+json', datedFileName('medicare-data', 'json'));
  return new Response(bundle, { headers });
});
