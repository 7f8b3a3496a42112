/**
 * Search bundles assembled by string concatenation of already-serialized resources, in BFD's key
 * order (docs/blue-button.md §9): `resourceType`, `id` (a random UUID per response), `meta.lastUpdated`,
 * `type`, `total`, `link`, then `entry` as `{"resource": …}` without `fullUrl`, omitted when empty.
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

/**
 * Serializes a searchset bundle as UTF-8 bytes, writing each resource once into one buffer: a 50-EOB page
 * is over a megabyte, and building it as one string first costs more than the rest of the request.
 */
export function searchsetBundle({ lastUpdated, total, links, resources }: BundleParts): Uint8Array {
  const link = links.map(
    ([relation, url]) => `{"relation":${JSON.stringify(relation)},"url":${JSON.stringify(url)}}`,
  );
  const head = `{"resourceType":"Bundle","id":"${newUuid()}","meta":{"lastUpdated":${JSON.stringify(lastUpdated)}},"type":"searchset","total":${total},"link":[${link.join(',')}]`;
  const pieces = [head];
  resources.forEach((resource, i) =>
    pieces.push(i === 0 ? ',"entry":[{"resource":' : '},{"resource":', resource),
  );
  pieces.push(resources.length > 0 ? '}]}' : '}');
  const out = Buffer.allocUnsafe(pieces.reduce((sum, piece) => sum + Buffer.byteLength(piece, 'utf8'), 0));
  let offset = 0;
  for (const piece of pieces) offset += out.write(piece, offset, 'utf8');
  return out;
}
