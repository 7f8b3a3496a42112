/**
 * FHIR searches, `GET /vN/fhir/{Patient,Coverage,ExplanationOfBenefit}[/]` (docs/blue-button.md §8, §9): BB2
 * validates the parameters and pins the beneficiary (`patient`, `beneficiary=Patient/<id>`, `_id`),
 * BFD filters, pages (`_count` default 10, at most 50; `startIndex`) and links.
 */
import type { EobIndexEntry } from '../data/types';
import type { RequestContext } from '../http/context';
import { withPrecompressed } from '../http/gzip';
import { rawJson } from '../http/responses';
import type { ResourceType } from '../oauth/scopes';
import { NOT_FOUND } from '../oauth/messages';
import { searchsetBundle } from './bundle';
import { drfError } from './fhir-auth';
import { BadDateError, filterEobs } from './filters';
import { guardFhir } from './guard';
import { pagingLinks, type BackendParams } from './links';
import { cachedPage, cachePage, pageKey } from './page-cache';
import { validateSearchParams, type SearchParams } from './search-params';
import { pagingDiagnostics, upstreamBadRequest } from './upstream-errors';

const PINNED: Record<ResourceType, string> = {
  Patient: '_id',
  Coverage: 'beneficiary',
  ExplanationOfBenefit: 'patient',
};

function backendParams(resource: ResourceType, p: SearchParams, patientId: string): BackendParams {
  const pinned = PINNED[resource];
  const useIdentifier =
    resource === 'Patient' &&
    p.extra.some(([k]) => k === 'identifier') &&
    !p.extra.some(([k]) => k === '_id');
  const out: [string, string[]][] = [
    ['startIndex', [String(p.startIndex)]],
    ['_count', [String(p.count)]],
  ];
  if (p.lastUpdated.length > 0) out.push(['_lastUpdated', p.lastUpdated]);
  if (p.serviceDate.length > 0) out.push(['service-date', p.serviceDate]);
  for (const [k, v] of p.extra) if (k !== pinned) out.push([k, [v]]);
  out.push(['_format', ['application/json+fhir']]);
  if (!useIdentifier) out.push([pinned, [resource === 'Coverage' ? `Patient/${patientId}` : patientId]]);
  return out;
}

/** Handles a search of `resource`. */
export async function searchEndpoint(ctx: RequestContext, resource: ResourceType): Promise<Response> {
  const guarded = guardFhir(ctx, resource, 'search');
  if (guarded instanceof Response) return guarded;
  const { contentType, headers, patientId } = guarded;
  const checked = validateSearchParams(resource, ctx.query);
  if (!checked.ok) return drfError(400, checked.detail, contentType, headers);
  const p = checked.params;
  const givenId = p.extra.find(([k]) => k === '_id')?.[1];
  if (resource === 'Patient' && givenId !== undefined && givenId !== patientId) {
    return drfError(404, NOT_FOUND, contentType, headers);
  }
  const bene = (await ctx.core.beneficiaries()).get(guarded.auth.token.userNumber);
  const version = ctx.version;
  const key = pageKey(bene.data, version, ctx.origin, resource, ctx.url.searchParams);
  const hit = cachedPage(key, ctx.core.now());
  if (hit) return withPrecompressed(rawJson(hit.body, 200, contentType, headers), hit.gzipped);
  // Only the requested page is serialized: a search of 9,999 claims touches 50 of them.
  let total: number;
  let pageOf: (start: number, end: number) => string[];
  if (resource === 'ExplanationOfBenefit') {
    let eobs: readonly EobIndexEntry[];
    try {
      eobs = filterEobs(bene.data.eobs, p);
    } catch (err) {
      if (err instanceof BadDateError) return upstreamBadRequest(err.message, contentType, headers);
      throw err;
    }
    total = eobs.length;
    pageOf = (start, end) => eobs.slice(start, end).map((e) => bene.data.eobJson(e.id, version) ?? '{}');
  } else {
    let all: string[];
    if (resource === 'Coverage') {
      all = bene.data.coverage(version).map((c) => c.json);
    } else {
      const identifier = p.extra.find(([k]) => k === 'identifier')?.[1];
      const json = bene.data.patientJson(version);
      const found =
        givenId !== undefined ||
        identifier === undefined ||
        json.includes(identifier.split('|').pop() ?? identifier);
      all = found ? [json] : [];
    }
    total = all.length;
    pageOf = (start, end) => all.slice(start, end);
  }
  const diagnostics = pagingDiagnostics(p.startIndex, p.count, total);
  if (diagnostics) return upstreamBadRequest(diagnostics, contentType, headers);
  const startIndex = Number(p.startIndex);
  const page = pageOf(startIndex, startIndex + p.count);
  const links = pagingLinks(
    `${ctx.origin}/v${version}/fhir`,
    resource,
    backendParams(resource, p, patientId),
    {
      startIndex,
      count: p.count,
      total,
    },
  );
  const body = searchsetBundle({ lastUpdated: bene.lastUpdated, total, links, resources: page });
  const cached = cachePage(key, body, ctx.core.now());
  return withPrecompressed(rawJson(body, 200, contentType, headers), cached.gzipped);
}
