/**
 * The state one sandbox instance serves from: apps, OAuth store, consent sessions, clock, runtime
 * settings, fault scripts and the request log. Handlers receive it through their request context.
 */
import { AppRegistry, type RegisteredApp } from './apps';
import { SandboxClock } from './clock';
import type { SandboxSettings } from './control/types';
import { BeneficiaryCache, type SandboxData } from './data-source';
import { FaultScripts } from './faults/scripts';
import { RequestLog } from './control/request-log';
import { ApprovalStore } from './oauth/approvals';
import { OAuthStore } from './oauth/store';
import { TokenThrottle } from './fhir/throttle';

/** Where the control interface is served, and whether at all. */
export type SandboxMode = 'development' | 'test' | 'production';

/** Options fixed when the sandbox is created. */
export interface CoreConfig {
  mode: SandboxMode;
  apps: RegisteredApp[];
  /** Base URL written into discovery documents (`HOSTNAME_URL`). */
  publicUrl: string;
  /** Passed to the data module as `anchor` (the "today" the synthetic claims are dated from). */
  dataAnchor?: string;
  canary: boolean;
  settings: SandboxSettings;
  loadData: () => Promise<SandboxData>;
}

/** Everything a handler can reach. */
export class SandboxCore {
  readonly apps: AppRegistry;
  readonly store = new OAuthStore();
  readonly approvals = new ApprovalStore();
  readonly clock: SandboxClock;
  readonly scripts = new FaultScripts();
  readonly log = new RequestLog();
  readonly throttle = new TokenThrottle();
  settings: SandboxSettings;
  private data: Promise<BeneficiaryCache> | undefined;

  constructor(
    readonly config: CoreConfig,
    now?: () => number,
  ) {
    this.apps = new AppRegistry(config.apps);
    this.clock = new SandboxClock(now);
    this.settings = structuredClone(config.settings);
  }

  now(): number {
    return this.clock.now();
  }

  /** The beneficiary cache, loading the data module on first use. */
  beneficiaries(): Promise<BeneficiaryCache> {
    this.data ??= this.config
      .loadData()
      .then((source) => new BeneficiaryCache(source, this.config.dataAnchor));
    return this.data;
  }

  /** Back to the start-up state: no tokens, grants, scripts, log entries, clock shift or overrides. */
  reset(): void {
    this.apps.reset();
    this.store.clear();
    this.approvals.clear();
    this.clock.setOffset(0);
    this.scripts.clear();
    this.log.clear();
    this.throttle.clear();
    this.settings = structuredClone(this.config.settings);
  }
}
