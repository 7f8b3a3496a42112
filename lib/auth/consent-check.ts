import 'server-only';
import { appOrigin, getConfig } from '@/lib/config';
import { hasConsent } from '@/lib/consent';
import { AppError } from '@/lib/errors';
import { errorEnvelope, NO_STORE } from '@/lib/http/api-route';

/** The sign-in start's form fields (next-auth accepts a form or JSON); the request itself stays unread. */
async function readForm(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get('content-type') ?? '';
  const text = await request
    .clone()
    .text()
    .catch(() => '');
  if (type.includes('application/x-www-form-urlencoded')) return new URLSearchParams(text);
  if (type.includes('application/json')) {
    try {
      const body: unknown = JSON.parse(text);
      if (body && typeof body === 'object' && !Array.isArray(body)) {
        const fields = Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string');
        return new URLSearchParams(fields);
      }
    } catch {
      // Not JSON: no consent.
    }
  }
  return new URLSearchParams();
}

/**
 * The refusal of a sign-in start (next-auth's POST `/api/auth/signin/<provider>`) that does not carry the
 * beneficiary's consent, or null when it does. No state or PKCE cookie is set and Medicare is never contacted.
 * next-auth's client asks for JSON and goes to `url`: it gets a 403 with the error envelope and the page that
 * explains; a plain form POST is sent to that page.
 */
export async function refuseWithoutConsent(request: Request): Promise<Response | null> {
  const form = await readForm(request);
  if (hasConsent(form)) return null;
  const page = new URL('/auth/error', appOrigin(getConfig()));
  page.searchParams.set('reason', 'consent_required');
  if (form.get('json') === 'true') {
    const body = { ...errorEnvelope(new AppError('consent_required')), url: page.toString() };
    return Response.json(body, { status: 403, headers: NO_STORE });
  }
  return new Response(null, { status: 303, headers: { ...NO_STORE, Location: page.toString() } });
}
