import type { ReactNode } from 'react';

/**
 * A box that scrolls sideways when its content (a wide table on a phone) does not fit; it can take keyboard focus
 * so that it can be scrolled without a mouse, and is named for screen readers.
 */
export function ScrollBox({
  label,
  children,
  className = '',
}: {
  label: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={`overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
