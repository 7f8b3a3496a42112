import type { ReactNode } from 'react';

/** A numbered section of the privacy policy or the terms, linkable by its id. */
export function PolicySection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-10 space-y-3">
      <h2 id={id} className="scroll-mt-4 text-2xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** A bulleted list in a policy section. */
export function PolicyList({ children }: { children: ReactNode }) {
  return <ul className="list-disc space-y-2 pl-6">{children}</ul>;
}
