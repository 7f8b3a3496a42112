import { readableText, type Described } from '@/lib/codes';

/**
 * A code's description for reading: the claim's own text or the bundled catalogue's, in sentence case. Where
 * there is none to show (CPT codes, whose descriptions are licensed, or an unknown code), the line's category
 * when there is one, else a plain "No description".
 */
export function CodeText({ described, fallback }: { described: Described; fallback?: string }) {
  if (described.text) return <>{readableText(described.text)}</>;
  if (fallback) return <>{fallback}</>;
  return <span className="text-muted">No description</span>;
}
