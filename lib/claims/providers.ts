/**
 * Who a claim is from, for people: Blue Button often gives the billing provider as an NPI alone and its name on
 * the facility or in the care team under the same NPI (https://npiregistry.cms.hhs.gov).
 */
import type { Claim, Party } from './types';

/** The claim's provider, named from the facility or the care team when the claim gives only its NPI. */
export function providerOf(claim: Claim): Party | null {
  const provider = claim.provider;
  if (!provider || provider.name || !provider.npi) return provider;
  const named = [claim.facility, ...claim.careTeam].find(
    (party) => party?.npi === provider.npi && party.name,
  );
  return named ? { name: named.name, npi: provider.npi } : provider;
}

/** The name to list a claim under: its provider's (as {@link providerOf} finds it), else its facility's. */
export function providerName(claim: Claim): string | null {
  return providerOf(claim)?.name ?? claim.facility?.name ?? null;
}
