/**
 * Benchmark of the synthetic data (issue 2: a 9,999-claim beneficiary in under a second, a 50-EOB
 * page in milliseconds). Not a test: `npx tsx sandbox/data/bench.ts`.
 */
import { buildBeneficiary } from './beneficiary';
import { prepareEobTemplates } from './eob-render';

const ANCHOR = '2026-11-16';
const ms = (start: number) => `${(performance.now() - start).toFixed(1)} ms`;

let start = performance.now();
const big = buildBeneficiary(19_999, ANCHOR);
console.log(`index of BBUser19999 (${big.eobs.length} claims), cold: ${ms(start)}`);
start = performance.now();
buildBeneficiary(19_999, ANCHOR);
console.log(`index of BBUser19999, warm: ${ms(start)}`);
start = performance.now();
prepareEobTemplates();
console.log(`templates of 8 types × 2 versions: ${ms(start)}`);

for (const version of [2, 1] as const) {
  const times: number[] = [];
  let chars = 0;
  for (let page = 0; page < 40; page++) {
    const begin = performance.now();
    for (const entry of big.eobs.slice(page * 50 + version * 2500, page * 50 + version * 2500 + 50)) {
      chars += big.eobJson(entry.id, version)?.length ?? 0;
    }
    times.push(performance.now() - begin);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => (times[Math.floor(q * (times.length - 1))] ?? 0).toFixed(1);
  console.log(`v${version}: 50 uncached EOBs median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms; ` +
    `average EOB ${Math.round(chars / (40 * 50))} chars`);
}
