import Link from 'next/link';
import { formatDate } from '@/components/ui/format';
import type { PartCoverage } from '@/lib/claims/coverage-summary';

/** Parts A, B, C and D: covered now or not, in a short list. */
export function CoverageGlance({ parts }: { parts: readonly PartCoverage[] }) {
  return (
    <section aria-labelledby="coverage-title" className="mt-10">
      <h2 id="coverage-title" className="text-2xl font-semibold">
        Your coverage
      </h2>
      <ul className="mt-4 grid gap-3 sm:grid-cols-2">
        {parts.map((part) => (
          <li key={part.part} className="rounded-md border border-gray-400 p-4">
            <p className="font-semibold">{part.name}</p>
            <p className="mt-1">
              {part.active ? (
                <span className="font-semibold text-green-800">Active</span>
              ) : (
                <span className="font-semibold text-gray-700">Not active</span>
              )}
              {part.start && <span className="text-muted"> · since {formatDate(part.start)}</span>}
            </p>
          </li>
        ))}
      </ul>
      <p className="mt-3">
        <Link href="/dashboard/coverage" className="font-semibold text-accent underline">
          More about your coverage
        </Link>
      </p>
    </section>
  );
}
