import { formatDollars } from '@/components/ui/format';
import type { Claim } from '@/lib/claims/types';

interface Step {
  label: string;
  amount: number;
  note: string;
}

/** The steps from what was billed to what the beneficiary may owe, in the order the money moved. */
function stepsOf(claim: Claim): Step[] {
  if (claim.type === 'pde') {
    return [
      { label: 'Full cost of the drug', amount: claim.billed, note: 'What the pharmacy charged your plan.' },
      { label: 'Your drug plan paid', amount: claim.medicarePaid, note: 'Paid by your Part D plan.' },
      { label: 'You paid', amount: claim.youPaid, note: 'Your copay or coinsurance at the pharmacy.' },
    ];
  }
  const steps: Step[] = [
    { label: 'Billed', amount: claim.billed, note: 'What the provider charged Medicare.' },
  ];
  if (claim.allowed !== null) {
    steps.push({
      label: 'Medicare-approved amount',
      amount: claim.allowed,
      note: 'The most Medicare allows for these services. It is often less than the bill.',
    });
  }
  steps.push({
    label: 'Medicare paid',
    amount: claim.medicarePaid,
    note: 'Paid to the provider by Medicare.',
  });
  steps.push({
    label: 'You may owe',
    amount: claim.youPaid,
    note:
      claim.youPaid > 0
        ? 'Your share under Medicare’s rules, made up as shown below.'
        : 'Medicare’s records show no share for you on this claim.',
  });
  return steps;
}

/** What the beneficiary's share is made of (only the parts that are not zero). */
function sharesOf(claim: Claim): { label: string; amount: number }[] {
  return [
    { label: 'Deductible', amount: claim.deductible },
    { label: 'Coinsurance', amount: claim.coinsurance },
    { label: 'Blood deductible (for pints of blood)', amount: claim.bloodDeductible },
  ].filter((share) => share.amount !== 0);
}

/** A claim's money told as a story: billed → allowed → Medicare paid → what you may owe, and its parts. */
export function ClaimMoneyStory({ claim }: { claim: Claim }) {
  const steps = stepsOf(claim);
  const shares = claim.type === 'pde' ? [] : sharesOf(claim);
  return (
    <section aria-labelledby="money-title" className="mt-10">
      <h2 id="money-title" className="text-2xl font-semibold">
        The money
      </h2>
      <ol className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {steps.map((step, i) => (
          <li key={step.label} className="rounded-lg border border-border p-4">
            <p className="text-base text-muted">Step {i + 1}</p>
            <p className="text-lg font-semibold">{step.label}</p>
            <p className="mt-1 text-2xl font-bold tabular-nums">{formatDollars(step.amount)}</p>
            <p className="mt-2 text-base">{step.note}</p>
          </li>
        ))}
      </ol>
      {shares.length > 0 && (
        <div className="mt-4">
          <h3 className="text-xl font-semibold">What you may owe is made of</h3>
          <ul className="mt-2 space-y-1 text-lg">
            {shares.map((share) => (
              <li key={share.label}>
                {share.label}:{' '}
                <span className="font-semibold tabular-nums">{formatDollars(share.amount)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="mt-4 text-base text-muted">
        These amounts come from Medicare’s records of the claim. They are not a bill: other insurance you have
        may have paid part of your share.
      </p>
    </section>
  );
}
