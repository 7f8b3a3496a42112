/**
 * The URL map of the real server (docs/blue-button.md §1), for v1 and v2, plus Django's `APPEND_SLASH`
 * (a path that only matches with a trailing slash gets a 301 to it, query kept).
 */
import type { EndpointName } from '../control/types';
import type { Handler } from './context';

/** One URL pattern. `pattern`'s first group is the API version when `versioned`. */
export interface Route {
  pattern: RegExp;
  endpoint: EndpointName;
  handler: Handler;
  versioned: boolean;
}

/** The result of matching a path. */
export type RouteMatch =
  | { kind: 'route'; route: Route; version: 1 | 2; captures: string[] }
  | { kind: 'append-slash'; endpoint: EndpointName }
  | { kind: 'none' };

/** Finds the route for a decoded path. */
export function matchRoute(routes: readonly Route[], path: string): RouteMatch {
  for (const route of routes) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    const groups = m.slice(1).map((g) => g ?? '');
    const version = route.versioned && groups[0] === '1' ? 1 : 2;
    return { kind: 'route', route, version, captures: route.versioned ? groups.slice(1) : groups };
  }
  if (!path.endsWith('/')) {
    const slashed = routes.find((r) => r.pattern.test(`${path}/`));
    if (slashed) return { kind: 'append-slash', endpoint: slashed.endpoint };
  }
  return { kind: 'none' };
}

/** Percent-decodes a path like Django; an undecodable path is used as received. */
export function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}
