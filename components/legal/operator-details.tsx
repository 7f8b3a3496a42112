import type { ReactNode } from 'react';
import type { Operator } from '@/lib/legal';

/** A value the operator has not configured yet: marked so that nobody mistakes it for the real thing. */
export function Placeholder({ children }: { children: ReactNode }) {
  return <mark className="rounded-sm bg-amber-100 px-1 text-foreground">[{children}: not yet provided]</mark>;
}

/** The operator's legal name, or its placeholder. */
export function OperatorName({ operator }: { operator: Operator }) {
  return operator.name ? <>{operator.name}</> : <Placeholder>the operator’s legal name</Placeholder>;
}

/** How to reach the operator: email and postal address, or their placeholders. */
export function ContactDetails({ operator }: { operator: Operator }) {
  return (
    <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
      <dt className="font-semibold">Who runs this app</dt>
      <dd>
        <OperatorName operator={operator} />
      </dd>
      <dt className="font-semibold">Email</dt>
      <dd className="break-words">
        {operator.email ? (
          <a href={`mailto:${operator.email}`} className="text-accent underline">
            {operator.email}
          </a>
        ) : (
          <Placeholder>contact email</Placeholder>
        )}
      </dd>
      <dt className="font-semibold">Mail</dt>
      <dd>{operator.address ?? <Placeholder>postal address</Placeholder>}</dd>
    </dl>
  );
}
