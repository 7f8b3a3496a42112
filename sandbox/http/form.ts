/**
 * Request body parsing as Django fills `request.POST`: urlencoded and multipart bodies become
 * fields, other content types (JSON included) leave it empty. Malformed multipart is a 400 in Django.
 */
import { Params } from './params';

/** The parsed body of a request. */
export interface ParsedForm {
  fields: Params;
  /** True when the body claimed to be multipart but could not be parsed. */
  malformed: boolean;
  /** True for urlencoded and multipart bodies. */
  isForm: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

/** Parses a request body by its content type; never throws. */
export async function parseForm(contentType: string | null, body: Uint8Array): Promise<ParsedForm> {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/x-www-form-urlencoded') {
    return {
      fields: Params.fromSearch(new URLSearchParams(decoder.decode(body))),
      malformed: false,
      isForm: true,
    };
  }
  if (type === 'multipart/form-data') {
    try {
      const data = await new Response(new Uint8Array(body), {
        headers: { 'content-type': contentType ?? '' },
      }).formData();
      const entries: [string, string][] = [];
      data.forEach((value, key) => {
        entries.push([key, typeof value === 'string' ? value : value.name]);
      });
      return { fields: new Params(entries), malformed: false, isForm: true };
    } catch {
      return { fields: new Params(), malformed: body.length > 0, isForm: true };
    }
  }
  return { fields: new Params(), malformed: false, isForm: false };
}

/** Up to `limit` characters of a non-form body, for the request log. */
export function bodyPreview(body: Uint8Array, limit = 4096): string | undefined {
  if (body.length === 0) return undefined;
  return decoder.decode(body.subarray(0, limit));
}
