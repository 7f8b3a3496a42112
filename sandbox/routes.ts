/**
 * The sandbox's URL map: the real server's routes for v1 and v2 (docs/blue-button.md §1)
 * and the sign-in page.
 */
import { discoveryEndpoint, openidConfiguration, smartConfiguration } from './discovery';
import { metadataEndpoint } from './fhir/metadata';
import { readEndpoint } from './fhir/read';
import { searchEndpoint } from './fhir/search';
import type { Route } from './http/router';
import { textResponse } from './http/responses';
import { authorizeEndpoint } from './oauth/authorize';
import { consentEndpoint } from './oauth/consent';
import { expireUserEndpoint } from './oauth/expire-user';
import { introspectEndpoint } from './oauth/introspect';
import { loginEndpoint } from './oauth/login';
import { revokeEndpoint, revokeTokenEndpoint } from './oauth/revoke';
import { tokenEndpoint } from './oauth/token';
import { userinfoEndpoint } from './oauth/userinfo';

const V = 'v([12])';

const robots = () =>
  textResponse('User-agent: *\nDisallow: /v1/o/\nDisallow: /v2/o/\nDisallow: /v3/o/\n', 200, 'text/plain');

/** Every route, in matching order. */
export const ROUTES: readonly Route[] = [
  {
    pattern: new RegExp(`^/${V}/o/authorize/$`),
    endpoint: 'authorize',
    handler: authorizeEndpoint,
    versioned: true,
  },
  {
    pattern: new RegExp(`^/${V}/o/authorize/([^/]+)/$`),
    endpoint: 'consent',
    handler: consentEndpoint,
    versioned: true,
  },
  { pattern: new RegExp(`^/${V}/o/token/?$`), endpoint: 'token', handler: tokenEndpoint, versioned: true },
  {
    pattern: new RegExp(`^/${V}/o/revoke_token/$`),
    endpoint: 'revoke_token',
    handler: revokeTokenEndpoint,
    versioned: true,
  },
  { pattern: new RegExp(`^/${V}/o/revoke/$`), endpoint: 'revoke', handler: revokeEndpoint, versioned: true },
  {
    pattern: new RegExp(`^/${V}/o/introspect/$`),
    endpoint: 'introspect',
    handler: introspectEndpoint,
    versioned: true,
  },
  {
    pattern: new RegExp(`^/${V}/o/expire_authenticated_user/([^/]+)/$`),
    endpoint: 'expire_authenticated_user',
    handler: expireUserEndpoint,
    versioned: true,
  },
  {
    pattern: new RegExp(`^/${V}/connect/userinfo$`),
    endpoint: 'userinfo',
    handler: userinfoEndpoint,
    versioned: true,
  },
  {
    pattern: new RegExp(`^/${V}/connect/\\.well-known/openid-configuration$`),
    endpoint: 'openid_configuration',
    handler: discoveryEndpoint(openidConfiguration),
    versioned: true,
  },
  {
    pattern: /^\/\.well-known\/openid-configuration(?:-v2)?$/,
    endpoint: 'openid_configuration',
    handler: discoveryEndpoint(openidConfiguration),
    versioned: false,
  },
  {
    pattern: new RegExp(`^/${V}/fhir/metadata$`),
    endpoint: 'metadata',
    handler: metadataEndpoint,
    versioned: true,
  },
  {
    pattern: new RegExp(`^/${V}/fhir/\\.well-known/smart-configuration$`),
    endpoint: 'smart_configuration',
    handler: discoveryEndpoint(smartConfiguration),
    versioned: true,
  },
  {
    pattern: new RegExp(`^/${V}/fhir/Patient/?$`),
    endpoint: 'patient',
    handler: (c) => searchEndpoint(c, 'Patient'),
    versioned: true,
  },
  {
    pattern: new RegExp(`^/${V}/fhir/Patient/([^/]+)$`),
    endpoint: 'patient',
    handler: (c) => readEndpoint(c, 'Patient'),
    versioned: true,
  },
  {
    pattern: new RegExp(`^/${V}/fhir/Coverage/?$`),
    endpoint: 'coverage',
    handler: (c) => searchEndpoint(c, 'Coverage'),
    versioned: true,
  },
  {
    pattern: new RegExp(`^/${V}/fhir/Coverage/([^/]+)$`),
    endpoint: 'coverage',
    handler: (c) => readEndpoint(c, 'Coverage'),
    versioned: true,
  },
  {
    pattern: new RegExp(`^/${V}/fhir/ExplanationOfBenefit/?$`),
    endpoint: 'eob',
    handler: (c) => searchEndpoint(c, 'ExplanationOfBenefit'),
    versioned: true,
  },
  {
    pattern: new RegExp(`^/${V}/fhir/ExplanationOfBenefit/([^/]+)$`),
    endpoint: 'eob',
    handler: (c) => readEndpoint(c, 'ExplanationOfBenefit'),
    versioned: true,
  },
  { pattern: /^\/mymedicare\/login\/?$/, endpoint: 'login', handler: loginEndpoint, versioned: false },
  { pattern: /^\/robots\.txt$/, endpoint: 'other', handler: robots, versioned: false },
];
