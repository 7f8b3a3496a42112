/**
 * `GET /vN/fhir/metadata` (docs/blue-button.md §7; WEB `apps/fhir/bluebutton/views/home.py`): BFD's
 * CapabilityStatement (the real one shipped in `fixtures/bluebutton/`) filtered to Patient, Coverage
 * and ExplanationOfBenefit with `read` and `search-type`, `format` fixed, and a `security` block naming
 * the OAuth endpoints. No authentication.
 */
import { readFileSync } from 'node:fs';
import { oauthEndpoints } from '../discovery';
import type { RequestContext } from '../http/context';
import type { JsonValue } from '../http/py-json';
import { djangoJson, methodNotAllowed } from '../http/responses';

const SOURCE = new URL('../../fixtures/bluebutton/bfd-v2-metadata-capabilitystatement.json', import.meta.url);
const ALLOWED_RESOURCES = new Set(['Patient', 'Coverage', 'ExplanationOfBenefit']);
const STARTED = new Date().toISOString();

type Json = { [key: string]: JsonValue };
let source: Json | undefined;
const cache = new Map<string, string>();

function security(issuer: string): JsonValue {
  const endpoints = oauthEndpoints(issuer);
  const service = (text: string, code: string) => ({
    text,
    coding: [{ system: 'http://hl7.org/fhir/restful-security-service', code, display: code }],
  });
  return {
    cors: true,
    service: [
      service('OAuth', 'OAuth'),
      service('OAuth2 using SMART-on-FHIR profile (see http://docs.smarthealthit.org)', 'SMART-on-FHIR'),
    ],
    extension: [
      {
        url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
        extension: [
          { url: 'token', valueUri: endpoints.token_endpoint },
          { url: 'authorize', valueUri: endpoints.authorization_endpoint },
          { url: 'revoke', valueUri: endpoints.revocation_endpoint },
        ],
      },
    ],
  };
}

/** The CapabilityStatement for an API version, built on `issuer`. */
export function capabilityStatement(version: 1 | 2, issuer: string): Json {
  source ??= JSON.parse(readFileSync(SOURCE, 'utf8')) as Json;
  const doc = structuredClone(source);
  doc.id = 'metadata';
  doc.date = STARTED;
  doc.software = { name: 'Blue Button API: Direct', version: 'local-sandbox' };
  doc.implementation = { description: 'gov.cms.bfd:bfd-server-war', url: `${issuer}/v${version}/fhir` };
  doc.fhirVersion = version === 1 ? '3.0.2' : '4.0.0';
  doc.format = ['application/json', 'application/fhir+json'];
  const rest = Array.isArray(doc.rest) ? (doc.rest as Json[]) : [];
  for (const entry of rest) {
    const resources = Array.isArray(entry.resource) ? (entry.resource as Json[]) : [];
    entry.resource = resources
      .filter((r) => typeof r.type === 'string' && ALLOWED_RESOURCES.has(r.type))
      .map((r) => ({ ...r, interaction: [{ code: 'read' }, { code: 'search-type' }] }));
  }
  if (rest[0]) rest[0].security = security(issuer);
  return doc;
}

/** Handles the metadata endpoint. */
export function metadataEndpoint(ctx: RequestContext): Response {
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return methodNotAllowed(['GET', 'HEAD', 'OPTIONS']);
  const issuer = ctx.core.config.publicUrl;
  const key = `${ctx.version}|${issuer}`;
  let body = cache.get(key);
  if (!body) {
    body = JSON.stringify(capabilityStatement(ctx.version, issuer));
    cache.set(key, body);
  }
  return djangoJson(JSON.parse(body) as JsonValue);
}
