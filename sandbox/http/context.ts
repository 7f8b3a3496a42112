/**
 * What a route handler receives: the request, its decoded path, Django-style query and form
 * parameters, the API version from the path and the sandbox state.
 */
import type { SandboxCore } from '../core';
import type { ParsedForm } from './form';
import type { Params } from './params';

/** One request being handled. */
export interface RequestContext {
  core: SandboxCore;
  request: Request;
  url: URL;
  method: string;
  /** Percent-decoded path, as Django's `path_info`. */
  path: string;
  query: Params;
  form: ParsedForm;
  /** 1 (FHIR STU3) or 2 (FHIR R4), from `/v1/` or `/v2/`; 2 for unversioned routes. */
  version: 1 | 2;
  /** Route captures after the version. */
  captures: string[];
  /** Origin the client called (`scheme://host`), for links (docs/blue-button.md §9). */
  origin: string;
  remoteAddress: string | undefined;
}

/** A route handler. */
export type Handler = (ctx: RequestContext) => Response | Promise<Response>;
