import 'server-only';
import { createBlueButtonClient, type ReceivedResource } from '@/lib/bluebutton/client';
import { AppError } from '@/lib/errors';
import { streamBundle } from '@/lib/export/fhir-bundle';
import { loadMedicareData, requireActiveSid } from './medicare-data';
import { sessionTokenSource } from './session-tokens';

/**
 * The FHIR downloads: the normalized cache holds no FHIR, so these read Blue Button again, through the client,
 * for the signed-in beneficiary only (docs/exports.md).
 */

/**
 * Everything Blue Button holds for the beneficiary as one FHIR collection Bundle, streamed while it is read.
 * Resolves once the first resource is in (a failure before that is thrown as it is); a later failure errors
 * the stream. `signal` (the request's) stops the reading.
 */
export async function streamFhirExport(signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const client = createBlueButtonClient({ tokens: sessionTokenSource(await requireActiveSid()) });
  return streamBundle(
    async (sink) => {
      await client.exportResources({ signal: sink.signal, ready: sink.ready, onResource: sink.write });
    },
    { timestamp: new Date().toISOString(), signal },
  );
}

/**
 * One of the beneficiary's claims as Blue Button sends it. An id that is not among the beneficiary's claims
 * (their normalized data) is `not_found` without asking Blue Button.
 */
export async function readClaimFhir(id: string, signal: AbortSignal): Promise<ReceivedResource> {
  const loaded = await loadMedicareData({ signal });
  if (!loaded.data.claims.some((claim) => claim.id === id))
    throw new AppError('not_found', { message: 'No claim with this id.' });
  const client = createBlueButtonClient({ tokens: sessionTokenSource(await requireActiveSid()) });
  return client.readClaim(id, signal);
}
