/**
 * `npm run bench [-- SECTION...]`: runs the benchmark sections in order (all of them, or the named ones)
 * and prints what each measured. Timings are measured here and never asserted in tests. Each section prints
 * its own table and `bench: … (target < N)` lines; a missed target is marked `MISSED TARGET` and makes the
 * run exit with 1.
 */
import { pathToFileURL } from 'node:url';
import { dataLayerBench } from './bench/data-layer';
import { sandboxBench } from './bench/sandbox';

/**
 * One group of measurements. It prints its own table; for each target it calls `reportTarget` (or sets
 * `process.exitCode = 1` when one is missed), so that a missed target fails the run.
 */
export interface BenchSection {
  name: string;
  run(): Promise<void>;
}

/** Every section, in the order they run. Register new sections here. */
export const SECTIONS: readonly BenchSection[] = [sandboxBench, dataLayerBench];

let missedTargets = 0;

/** The median of `samples` (ms). */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** The nearest-rank percentile `p` (0–100) of `samples`. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Milliseconds with one decimal. */
export function ms(value: number): string {
  return value.toFixed(1);
}

/** Prints rows as an aligned table; the first row is the header, numeric cells are right-aligned. */
export function printTable(rows: readonly (readonly string[])[]): void {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length))) ?? [];
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) =>
        /^[\d.,]+$/.test(cell) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  console.log(line(rows[0] ?? []));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
}

/** Prints `bench: <label> = <value> ms[ suffix] (target < <target>)`, marking a missed target. */
export function reportTarget(label: string, value: number, target: number, suffix = ''): void {
  const missed = !(value < target);
  if (missed) missedTargets++;
  const mark = missed ? '  <-- MISSED TARGET' : '';
  console.log(`bench: ${label} = ${ms(value)} ms${suffix} (target < ${target})${mark}`);
}

async function main(args: string[]): Promise<number> {
  const wanted = args.filter((a) => a !== '--');
  const unknown = wanted.filter((name) => !SECTIONS.some((s) => s.name === name));
  if (unknown.length > 0) {
    console.error(
      `bench: unknown section ${unknown.join(', ')}; sections: ${SECTIONS.map((s) => s.name).join(', ')}`,
    );
    return 2;
  }
  for (const section of SECTIONS) {
    if (wanted.length > 0 && !wanted.includes(section.name)) continue;
    console.log(`\n== ${section.name} ==\n`);
    await section.run();
  }
  if (missedTargets > 0) console.log(`\nbench: ${missedTargets} target(s) missed`);
  return missedTargets > 0 ? 1 : Number(process.exitCode ?? 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`bench: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
      process.exit(1);
    },
  );
}
