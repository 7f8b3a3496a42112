/**
 * Signed-in consent sessions. The real server keeps an `Approval` row per consent page
 * (`/vN/o/authorize/<uuid>/`) that carries the signed-in beneficiary (WEB `ApprovalView.dispatch`);
 * the sandbox does the same, so its pages need no cookies.
 */
import { newUuid } from '../random';

/** A consent page opened for one signed-in beneficiary and one app. */
export interface Approval {
  id: string;
  clientId: string;
  userNumber: number;
  expiresAt: number;
}

const APPROVAL_LIFETIME_MS = 30 * 60_000;

/** Approvals by uuid. */
export class ApprovalStore {
  private readonly approvals = new Map<string, Approval>();

  create(clientId: string, userNumber: number, now: number): Approval {
    if (this.approvals.size > 1000) {
      for (const [k, a] of this.approvals) if (a.expiresAt <= now) this.approvals.delete(k);
    }
    const approval = { id: newUuid(), clientId, userNumber, expiresAt: now + APPROVAL_LIFETIME_MS };
    this.approvals.set(approval.id, approval);
    return approval;
  }

  /** The live approval for `id` and `clientId`, if any. */
  find(id: string, clientId: string | undefined, now: number): Approval | undefined {
    const approval = this.approvals.get(id);
    if (!approval || approval.expiresAt <= now || approval.clientId !== clientId) return undefined;
    return approval;
  }

  delete(id: string): void {
    this.approvals.delete(id);
  }

  clear(): void {
    this.approvals.clear();
  }
}
