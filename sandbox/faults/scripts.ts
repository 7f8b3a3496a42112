/**
 * Per-endpoint scripted responses: a queue of steps consumed one per call; when it runs out the
 * endpoint behaves normally again (docs/reliability.md #12, #27–#34).
 */
import type { EndpointName, FaultStep, ScriptTarget } from '../control/types';

const FHIR_ENDPOINTS: ReadonlySet<EndpointName> = new Set(['patient', 'coverage', 'eob']);

interface QueuedStep {
  step: FaultStep;
  remaining: number;
}

/** The scripts of one sandbox. */
export class FaultScripts {
  private readonly queues = new Map<ScriptTarget, QueuedStep[]>();

  /** Replaces the script of `target`. */
  set(target: ScriptTarget, steps: readonly FaultStep[]): void {
    const queue = steps.map((step) => ({ step, remaining: Math.max(1, Math.floor(step.times ?? 1)) }));
    if (queue.length === 0) this.queues.delete(target);
    else this.queues.set(target, queue);
  }

  /** Appends steps to the script of `target`. */
  append(target: ScriptTarget, steps: readonly FaultStep[]): void {
    const existing = this.queues.get(target) ?? [];
    this.set(target, [...existing.map((q) => ({ ...q.step, times: q.remaining })), ...steps]);
  }

  clear(target?: ScriptTarget): void {
    if (target) this.queues.delete(target);
    else this.queues.clear();
  }

  /** Takes the next step for a call to `endpoint` (its own script first, then `fhir`). */
  next(endpoint: EndpointName): FaultStep | undefined {
    const target: ScriptTarget | undefined = this.queues.get(endpoint)?.length
      ? endpoint
      : FHIR_ENDPOINTS.has(endpoint) && this.queues.get('fhir')?.length
        ? 'fhir'
        : undefined;
    if (!target) return undefined;
    const queue = this.queues.get(target);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) queue.shift();
    if (queue.length === 0) this.queues.delete(target);
    return head.step;
  }

  /** Remaining steps per target, for the control API. */
  snapshot(): Record<string, FaultStep[]> {
    const out: Record<string, FaultStep[]> = {};
    for (const [target, queue] of this.queues)
      out[target] = queue.map((q) => ({ ...q.step, times: q.remaining }));
    return out;
  }
}
