import { formatDollars } from '@/components/ui/format';
import {
  describePartB,
  describePartD,
  type PartBDeductibleResult,
  type PartDOutOfPocketResult,
} from '@/lib/claims/deductibles';

function Meter({ label, value, max }: { label: string; value: number; max: number }) {
  return (
    <div className="mt-3">
      <meter className="h-4 w-full" min={0} max={max} value={Math.min(value, max)} aria-label={label} />
      <p className="mt-1 text-muted">
        {formatDollars(value)} of {formatDollars(max)}
      </p>
    </div>
  );
}

/** This calendar year's Part B deductible and Part D out-of-pocket limit, from the claims, in plain words. */
export function ThisYear({ partB, partD }: { partB: PartBDeductibleResult; partD: PartDOutOfPocketResult }) {
  return (
    <section aria-labelledby="this-year-title" className="mt-10">
      <h2 id="this-year-title" className="text-2xl font-semibold">
        This year, {partB.year}
      </h2>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <div className="rounded-md border border-gray-400 p-4">
          <h3 className="text-xl font-semibold">Part B deductible</h3>
          <p className="mt-2">{describePartB(partB)}</p>
          {partB.deductible !== null && (
            <Meter label="Part B deductible paid" value={partB.applied} max={partB.deductible} />
          )}
          <p className="mt-2 text-muted">
            What you pay for doctor visits and outpatient care before Medicare starts to pay its share.
          </p>
        </div>
        <div className="rounded-md border border-gray-400 p-4">
          <h3 className="text-xl font-semibold">Drug costs limit (Part D)</h3>
          <p className="mt-2">{describePartD(partD)}</p>
          {partD.cap !== null && (
            <Meter
              label="Drug costs paid toward the yearly limit"
              value={partD.trueOutOfPocket}
              max={partD.cap}
            />
          )}
          <p className="mt-2 text-muted">
            Counts what you paid for covered drugs and what others, such as Extra Help, paid for you.
          </p>
        </div>
      </div>
    </section>
  );
}
