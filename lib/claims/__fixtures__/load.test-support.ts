/** Test helpers: the real Blue Button samples in fixtures/bluebutton and the hand-written fixtures next to this file. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The directory of the real CMS samples. */
export const SAMPLES_DIR = path.resolve(import.meta.dirname, '../../../fixtures/bluebutton');

/** Every sample file name (`*.json`). */
export function sampleFiles(): string[] {
  return readdirSync(SAMPLES_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

/** A fresh copy of a real sample, parsed. */
export function sample(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(SAMPLES_DIR, name), 'utf8')) as Record<string, unknown>;
}

/** A fresh copy of a hand-written fixture in lib/claims/__fixtures__, parsed. */
export function localFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, name), 'utf8')) as Record<string, unknown>;
}

/** The resources of a Bundle sample. */
export function bundleEntries(name: string): Record<string, unknown>[] {
  const bundle = sample(name) as { entry: { resource: Record<string, unknown> }[] };
  return bundle.entry.map((entry) => entry.resource);
}
