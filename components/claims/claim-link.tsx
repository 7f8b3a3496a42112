import Link from 'next/link';
import { formatDate } from '@/components/ui/format';

/** A claim's date as a link to its detail; screen readers also hear what the link opens. */
export function ClaimLink({ id, date, label }: { id: string; date: string | null; label: string }) {
  return (
    <Link
      href={`/dashboard/claims/${encodeURIComponent(id)}`}
      className="font-semibold text-accent underline"
    >
      {formatDate(date)}
      <span className="sr-only">: {label} claim details</span>
    </Link>
  );
}
