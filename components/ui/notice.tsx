import type { ReactNode } from 'react';

/** A short status message, announced to screen readers. */
export function Notice({ tone = 'info', children }: { tone?: 'info' | 'warning'; children: ReactNode }) {
  const colours = tone === 'warning' ? 'border-amber-600 bg-amber-50' : 'border-accent bg-blue-50';
  return (
    <div role="status" className={`mt-6 rounded-md border-l-4 p-4 ${colours}`}>
      {children}
    </div>
  );
}
