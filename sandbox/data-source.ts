/**
 * Where the sandbox gets its synthetic beneficiaries: the `sandbox/data` module by default, or any
 * object with the same two functions (tests pass small fakes). Built beneficiaries are kept in a
 * small LRU cache because a 9,999-claim beneficiary takes a noticeable fraction of a second.
 */
import type { BeneficiaryData, SyntheticUser } from './data/types';

/** The contract of `sandbox/data/index.ts`. */
export interface SandboxData {
  getBeneficiary(userNumber: number, options?: { anchor?: string }): BeneficiaryData;
  getUser(userNumber: number): SyntheticUser;
}

/** A beneficiary plus values derived once per build. */
export interface CachedBeneficiary {
  data: BeneficiaryData;
  /** The latest `meta.lastUpdated` among the EOBs, used as the bundles' `meta.lastUpdated`. */
  lastUpdated: string;
}

const FALLBACK_LAST_UPDATED = '2024-01-01T00:00:00.000+00:00';

/** Memoizes `getBeneficiary` for the most recently used beneficiaries. */
export class BeneficiaryCache {
  private readonly entries = new Map<number, CachedBeneficiary>();

  constructor(
    private readonly source: SandboxData,
    private readonly anchor: string | undefined,
    private readonly capacity = 12,
  ) {}

  get(userNumber: number): CachedBeneficiary {
    const hit = this.entries.get(userNumber);
    if (hit) {
      this.entries.delete(userNumber);
      this.entries.set(userNumber, hit);
      return hit;
    }
    const data = this.source.getBeneficiary(userNumber, this.anchor ? { anchor: this.anchor } : {});
    let lastUpdated = '';
    for (const eob of data.eobs) if (eob.lastUpdated > lastUpdated) lastUpdated = eob.lastUpdated;
    const entry = { data, lastUpdated: lastUpdated || FALLBACK_LAST_UPDATED };
    this.entries.set(userNumber, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return entry;
  }

  user(userNumber: number): SyntheticUser {
    return this.source.getUser(userNumber);
  }
}
