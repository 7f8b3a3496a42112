/**
 * Blue Button 2.0 endpoint URLs for a configured environment and API version, as CMS's route table defines
 * them (https://bluebutton.cms.gov/api-documentation/ and bluebutton-web-server `hhs_oauth_server/urls.py`).
 * The origin is the only one the app ever sends a token to.
 */
import 'server-only';
import type { AppConfig } from '@/lib/config';

/** The Blue Button URLs the app uses. */
export interface BlueButtonEndpoints {
  /** `https://host` with no path: the only origin that receives tokens. */
  origin: string;
  version: 1 | 2;
  authorize: string;
  token: string;
  revokeToken: string;
  revokeGrant: string;
  userinfo: string;
  /** `…/vN/fhir/`, to which `Patient`, `Coverage` and `ExplanationOfBenefit` are appended. */
  fhirBase: string;
}

/** The endpoints of the configured environment and version. Trailing slashes follow CMS's own SDKs. */
export function blueButtonEndpoints(config: Pick<AppConfig, 'baseUrl' | 'version'>): BlueButtonEndpoints {
  const origin = new URL(config.baseUrl).origin;
  const v = `${origin}/v${config.version}`;
  return {
    origin,
    version: config.version,
    authorize: `${v}/o/authorize/`,
    token: `${v}/o/token/`,
    revokeToken: `${v}/o/revoke_token/`,
    revokeGrant: `${v}/o/revoke/`,
    userinfo: `${v}/connect/userinfo`,
    fhirBase: `${v}/fhir/`,
  };
}

/** The scopes the app asks for: demographics (`profile`, Patient) and claims; never `openid`. */
export const REQUESTED_SCOPES = [
  'profile',
  'patient/Patient.rs',
  'patient/Coverage.rs',
  'patient/ExplanationOfBenefit.rs',
] as const;
