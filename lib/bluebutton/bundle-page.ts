import 'server-only';
import { AppError } from '@/lib/errors';

/**
 * The parts of a FHIR searchset Bundle the pager reads (https://hl7.org/fhir/R4/bundle.html,
 * docs/blue-button.md §9): `total`, the number of entries and the `next` and `self` links. Anything else is
 * left to the claims normalizer, which gets the Bundle as it is.
 */

/** A search page that passed the shape check. */
export interface BundlePage {
  /** The parsed Bundle, handed to the normalizer once and not kept. */
  raw: Record<string, unknown>;
  /** `Bundle.total` when it is a non-negative integer. */
  total: number | undefined;
  entries: number;
  next: string | undefined;
  self: string | undefined;
}

function linkUrl(links: unknown[], relation: string): string | undefined {
  for (const link of links) {
    if (typeof link !== 'object' || link === null) continue;
    const { relation: rel, url } = link as { relation?: unknown; url?: unknown };
    if (rel === relation && typeof url === 'string') return url;
  }
  return undefined;
}

/** Checks that `body` is a Bundle whose `entry` (when present) is an array; else `medicare_unreadable`. */
export function readBundlePage(body: unknown): BundlePage {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new AppError('medicare_unreadable', { detail: { fault: 'not_bundle' } });
  const raw = body as Record<string, unknown>;
  if (raw.resourceType !== 'Bundle')
    throw new AppError('medicare_unreadable', { detail: { fault: 'not_bundle' } });
  if (raw.entry !== undefined && !Array.isArray(raw.entry))
    throw new AppError('medicare_unreadable', { detail: { fault: 'not_bundle' } });
  const { total } = raw;
  const links = Array.isArray(raw.link) ? raw.link : [];
  return {
    raw,
    total: typeof total === 'number' && Number.isInteger(total) && total >= 0 ? total : undefined,
    entries: Array.isArray(raw.entry) ? raw.entry.length : 0,
    next: linkUrl(links, 'next'),
    self: linkUrl(links, 'self'),
  };
}

/**
 * `Bundle.total` read from the first characters of a search page, before the page has arrived: Blue Button
 * writes `resourceType`, `id`, `meta`, `type` and `total` ahead of `link` and `entry`. Undefined when the
 * prefix is not such a Bundle head; the parsed page is always checked against it.
 */
export function peekTotal(prefix: string): number | undefined {
  const entry = prefix.indexOf('"entry"');
  const head = entry >= 0 ? prefix.slice(0, entry) : prefix;
  if (!/^\s*\{\s*"resourceType"\s*:\s*"Bundle"/.test(head)) return undefined;
  const match = /"total"\s*:\s*(\d{1,7})\s*[,}]/.exec(head);
  return match ? Number(match[1]) : undefined;
}
