/**
 * `npm run bench [-- SECTION...]`: runs the benchmark sections in order (all of them, or the named ones)
 * and prints what each measured. Timings are measured here and never asserted in tests. Each section prints
 * its own table and `bench: … (target < N)` lines; a missed target is marked `MISSED TARGET` and makes the
 * run exit with 1.
 */
import { pathToFileURL } from 'node:url';
import { appBench } from './bench/app';
import { dataLayerBench } from './bench/data-layer';
import { sandboxBench } from './bench/sandbox';
import { missedTargets } from './bench/support';

/**
 * One group of measurements. It prints its own table and its target lines through `verdict` or
 * `reportTarget` (bench/support.ts), which count a missed target so that it fails the run.
 */
export interface BenchSection {
  name: string;
  run(): Promise<void>;
}

/** Every section, in the order they run. Register new sections here. */
export const SECTIONS: readonly BenchSection[] = [sandboxBench, dataLayerBench, appBench];

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
  const missed = missedTargets();
  if (missed > 0) console.log(`\nbench: ${missed} target(s) missed`);
  return missed > 0 ? 1 : Number(process.exitCode ?? 0);
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
