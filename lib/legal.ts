import { CONSENT_VERSION } from './consent';

/**
 * Facts the privacy policy, the terms and the consent panel state, derived from the configuration so the pages
 * always tell the real numbers. Pure: pages pass in what they read from `getConfig()`.
 */

/** The date the privacy policy and terms took effect, in words ("December 1, 2026"). */
export const POLICY_DATE = new Date(`${CONSENT_VERSION}T12:00:00Z`).toLocaleDateString('en-US', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

const plural = (n: number, unit: string) => `${n.toLocaleString('en-US')} ${unit}${n === 1 ? '' : 's'}`;

/** A duration in plain words: whole hours or days when it is one, else minutes (rounded up), else seconds. */
export function durationWords(seconds: number): string {
  if (seconds >= 86_400 && seconds % 86_400 === 0) return plural(seconds / 86_400, 'day');
  if (seconds >= 3600 && seconds % 3600 === 0) return plural(seconds / 3600, 'hour');
  if (seconds >= 60) return plural(Math.ceil(seconds / 60), 'minute');
  return plural(Math.max(0, Math.round(seconds)), 'second');
}

/** The limits that decide how long anything is kept, as the configuration sets them. */
export interface RetentionSettings {
  dataCacheTtlSeconds: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
}

/** How long things are kept, in words; `cache` is null when fetched data is never kept. */
export function retentionWords(settings: RetentionSettings) {
  return {
    cache: settings.dataCacheTtlSeconds > 0 ? durationWords(settings.dataCacheTtlSeconds) : null,
    idle: durationWords(settings.sessionIdleMinutes * 60),
    max: durationWords(settings.sessionMaxHours * 3600),
  };
}

/** How long things are kept, in words. */
export type Retention = ReturnType<typeof retentionWords>;

/** Who runs the app and how to reach them; a missing value is shown as a marked placeholder. */
export interface Operator {
  name?: string;
  email?: string;
  address?: string;
}

/** The operator's details as the configuration holds them. */
export function operatorOf(config: {
  operatorName?: string;
  contactEmail?: string;
  contactAddress?: string;
}) {
  return { name: config.operatorName, email: config.contactEmail, address: config.contactAddress };
}
