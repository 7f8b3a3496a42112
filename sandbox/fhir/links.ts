/**
 * Paging links exactly as BFD writes them behind BB2 (BFD `OffsetLinkBuilder`, HAPI self link;
 * docs/blue-button.md §9): `first`, `next` (if more), `previous` (if not the first page), `last`
 * (`(total-1)/count*count`), then `self`. Navigation links carry the backend parameters in Java
 * `HashMap` iteration order with no slash after the type; `self` has the slash and sorted parameters.
 * All on the host the client called.
 */
import { javaFormEncode } from '../http/url-encoding';

/** Java `String.hashCode`. */
export function javaHash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h;
}

function tableSizeFor(n: number): number {
  let size = 1;
  while (size < n) size *= 2;
  return size;
}

/** Iteration order of `new HashMap<>(map)` built from keys in `insertionOrder`. */
export function javaHashMapOrder(insertionOrder: readonly string[]): string[] {
  const capacity = Math.max(1, tableSizeFor(Math.floor(insertionOrder.length / 0.75 + 1)));
  const bucket = (key: string) => {
    const h = javaHash(key);
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  return insertionOrder
    .map((key, index) => ({ key, index, bucket: bucket(key) }))
    .sort((a, b) => a.bucket - b.bucket || a.index - b.index)
    .map((e) => e.key);
}

/** The parameters BB2 sends to BFD: one entry per key, values in order. */
export type BackendParams = ReadonlyArray<readonly [string, readonly string[]]>;

function query(keys: readonly string[], params: Map<string, readonly string[]>): string {
  return keys
    .flatMap((k) => (params.get(k) ?? []).map((v) => `${javaFormEncode(k)}=${javaFormEncode(v)}`))
    .join('&');
}

/** The `link` array of a search bundle. */
export function pagingLinks(
  base: string,
  resource: string,
  backend: BackendParams,
  paging: { startIndex: number; count: number; total: number },
): [relation: string, url: string][] {
  const { startIndex, count, total } = paging;
  const params = new Map(backend);
  const order = javaHashMapOrder([...params.keys()]);
  const page = (index: number) => {
    params.set('startIndex', [String(index)]);
    params.set('_count', [String(count)]);
    return `${base}/${resource}?${query(order, params)}`;
  };
  const links: [string, string][] = [['first', page(0)]];
  if (startIndex + count < total) links.push(['next', page(startIndex + count)]);
  if (startIndex !== 0) links.push(['previous', page(Math.max(startIndex - count, 0))]);
  links.push(['last', page(Math.trunc((total - 1) / count) * count)]);
  const self = new Map(backend);
  const sorted = [...self.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  links.push(['self', `${base}/${resource}/?${query(sorted, self)}`]);
  return links;
}
