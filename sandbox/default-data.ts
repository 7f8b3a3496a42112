/**
 * The synthetic beneficiaries of `sandbox/data`, behind the `SandboxData` contract.
 */
import { getBeneficiary, getUser } from './data/index';
import type { SandboxData } from './data-source';

/** The default data source. */
export const defaultData: SandboxData = { getBeneficiary, getUser };
