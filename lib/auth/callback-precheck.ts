import type { ReconnectReason } from '@/lib/reconnect-reasons';

/**
 * The callback's query, checked before next-auth sees it (next-auth keeps only the last of repeated
 * parameters): a denial or a malformed answer ends here, without a token request.
 */
export function precheckCallback(query: URLSearchParams): ReconnectReason | null {
  const error = query.get('error');
  if (error !== null) return error === 'access_denied' ? 'access_denied' : 'unknown';
  if (query.getAll('state').length !== 1 || query.getAll('code').length !== 1) return 'state_mismatch';
  if (query.has('iss')) return 'state_mismatch';
  return null;
}
