import 'server-only';
import { checkBundle } from '@/lib/claims/normalize';

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
  const raw = checkBundle(body);
  const { total } = raw;
  const links = Array.isArray(raw.link) ? raw.link : [];
  return {
    raw,
    total: typeof total === 'number' && Number.isInteger(total) && total >= 0 ? total : undefined,
    entries: raw.entry?.length ?? 0,
    next: linkUrl(links, 'next'),
    self: linkUrl(links, 'self'),
  };
}
