/**
 * Search bundles assembled by string concatenation of already-serialized resources, in BFD's key
 * order (API-FACTS §9): `resourceType`, `id` (a random UUID per response), `meta.lastUpdated`, `type`,
 * `total`, `link`, then `entry` as `{"resource": …}` without `fullUrl`, omitted when empty.
 */
import { newUuid } from '../random';

/** The parts of a searchset bundle. */
export interface BundleParts {
  lastUpdated: string;
  total: number;
  links: ReadonlyArray<readonly [string, string]>;
  /** Serialized resources of this page. */
  resources: readonly string[];
}

/** Serializes a searchset bundle. */
export function searchsetBundle({ lastUpdated, total, links, resources }: BundleParts): string {
  const link = links.map(
    ([relation, url]) => `{"relation":${JSON.stringify(relation)},"url":${JSON.stringify(url)}}`,
  );
  let out = `{"resourceType":"Bundle","id":"${newUuid()}","meta":{"lastUpdated":${JSON.stringify(lastUpdated)}},"type":"searchset","total":${total},"link":[${link.join(',')}]`;
  if (resources.length > 0) out += `,"entry":[{"resource":${resources.join('},{"resource":')}}]`;
  return `${out}}`;
}
