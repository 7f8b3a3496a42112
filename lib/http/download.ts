import 'server-only';
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { NO_STORE, parseQuery } from './api-route';

/**
 * Downloads: the `format` parameter of the list routes, dated file names and the headers of an attachment
 * (`Content-Disposition`, RFC 6266: https://www.rfc-editor.org/rfc/rfc6266). See docs/exports.md.
 */

const formatSchema = z.object({
  format: z.enum(['json', 'csv'], { message: 'must be json or csv' }).default('json'),
});

/** The answer format a list route was asked for. */
export type ListFormat = z.infer<typeof formatSchema>['format'];

/**
 * `?format=` (default `json`). A CSV holds every matching row, so the paging parameters named in `paging`
 * are refused with it rather than silently ignored.
 */
export function parseFormat(request: NextRequest, paging: readonly string[] = []): ListFormat {
  const { format } = parseQuery(request, formatSchema);
  const params = request.nextUrl.searchParams;
  for (const name of format === 'csv' ? paging : []) {
    if (params.has(name)) {
      const message = `Invalid parameter ${name}: a CSV download holds every matching row and has no pages`;
      throw new AppError('bad_request', { message });
    }
  }
  return format;
}

/** A file name with today's date (UTC), e.g. `medicare-claims-2025-06-02.csv`. */
export function datedFileName(stem: string, extension: string, now = new Date()): string {
  return `${stem}-${now.toISOString().slice(0, 10)}.${extension}`;
}

/** The headers of a file to save: its type, its name, and never stored. `fileName` must be plain ASCII. */
export function attachmentHeaders(contentType: string, fileName: string): Record<string, string> {
  return {
    ...NO_STORE,
    'Content-Type': contentType,
    'Content-Disposition': `attachment; filename="${fileName}"`,
  };
}

/** A CSV file to save, with `headers` added (the `Data-*` headers of the data it came from). */
export function csvDownload(csv: string, stem: string, headers: Record<string, string> = {}): Response {
  const attachment = attachmentHeaders('text/csv; charset=utf-8', datedFileName(stem, 'csv'));
  return new Response(csv, { headers: { ...headers, ...attachment } });
}
