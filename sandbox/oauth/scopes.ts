/**
 * Scopes (docs/blue-button.md §5): what an app may be granted, the personal-info scopes removed when the
 * beneficiary does not share demographics, the `.r` + `.s` → `.rs` condensing, and which scope lets a
 * token read or search which resource.
 */

/** `SCOPES_SUPPORTED`, advertised by the discovery documents (docs/blue-button.md §5, §7). */
export const SCOPES_SUPPORTED = [
  'openid',
  'profile',
  'launch/patient',
  'patient/Patient.read',
  'patient/ExplanationOfBenefit.read',
  'patient/Coverage.read',
  'patient/Patient.rs',
  'patient/ExplanationOfBenefit.rs',
  'patient/Coverage.rs',
] as const;

const RESOURCES = ['Patient', 'Coverage', 'ExplanationOfBenefit'] as const;
/** A resource type the sandbox serves. */
export type ResourceType = (typeof RESOURCES)[number];

/** Every scope a registered app may be granted (`V2_SCOPES_ALL`: `.read`, `.r`, `.s`, `.rs`). */
export const APP_AVAILABLE_SCOPES: ReadonlySet<string> = new Set([
  'openid',
  'profile',
  'launch/patient',
  ...RESOURCES.flatMap((r) => ['read', 'r', 's', 'rs'].map((a) => `patient/${r}.${a}`)),
]);

/** `BENE_PERSONAL_INFO_SCOPES`: removed when demographics are not shared. */
export const PERSONAL_INFO_SCOPES: ReadonlySet<string> = new Set([
  'patient/Patient.read',
  'patient/Patient.s',
  'patient/Patient.r',
  'patient/Patient.rs',
  'profile',
]);

/** Splits a `scope` parameter on whitespace, dropping duplicates (oauthlib `scope_to_list`). */
export function parseScope(scope: string | undefined): string[] {
  return [...new Set((scope ?? '').split(/\s+/).filter(Boolean))];
}

/** `condense_scopes`: `X.r` + `X.s` become `X.rs`; `X.rs` absorbs `X.r` and `X.s`. */
export function condenseScopes(scopes: readonly string[]): string[] {
  const set = new Set(scopes);
  const out: string[] = [];
  for (const scope of scopes) {
    const m = /^(patient\/\w+)\.(r|s|rs)$/.exec(scope);
    if (!m) {
      if (!out.includes(scope)) out.push(scope);
      continue;
    }
    const base = m[1];
    const combined = set.has(`${base}.rs`) || (set.has(`${base}.r`) && set.has(`${base}.s`));
    const value = combined ? `${base}.rs` : scope;
    if (!out.includes(value)) out.push(value);
  }
  return out;
}

/**
 * The scopes a consent grants: the requested ones (or every available one when none were
 * requested) that the app may have, minus personal info when demographics are not shared.
 */
export function grantedScopes(requested: readonly string[], shareDemographics: boolean): string[] {
  const base = requested.length > 0 ? requested : [...SCOPES_SUPPORTED];
  const allowed = base.filter((s) => APP_AVAILABLE_SCOPES.has(s));
  const shared = shareDemographics ? allowed : allowed.filter((s) => !PERSONAL_INFO_SCOPES.has(s));
  return condenseScopes(shared);
}

/** True when every requested scope is one an app can be granted (DOT `validate_scopes`). */
export function scopesAreValid(requested: readonly string[]): boolean {
  return requested.every((s) => APP_AVAILABLE_SCOPES.has(s));
}

/**
 * The capability path map (docs/blue-button.md §5): `.read`, `.r` and `.rs` permit read and search, `.s` only
 * search.
 */
export function scopeAllows(
  scopes: readonly string[],
  resource: ResourceType,
  action: 'read' | 'search',
): boolean {
  const p = `patient/${resource}`;
  if (scopes.includes(`${p}.read`) || scopes.includes(`${p}.r`) || scopes.includes(`${p}.rs`)) return true;
  return action === 'search' && scopes.includes(`${p}.s`);
}

/**
 * Refresh `scope` narrowing (`is_within_original_scope`): each requested scope must be in the
 * original set or be a SMART sub-scope of one (`.r`/`.s` of `.rs`).
 */
export function withinOriginalScope(requested: readonly string[], original: readonly string[]): boolean {
  return requested.every((s) => {
    if (original.includes(s)) return true;
    const m = /^(patient\/\w+)\.(r|s)$/.exec(s);
    return m ? original.includes(`${m[1]}.rs`) : false;
  });
}
