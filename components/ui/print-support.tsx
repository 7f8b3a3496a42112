'use client';

import { useEffect } from 'react';

/**
 * Opens every closed disclosure while the page prints, so the tables behind "Show the numbers as a table" are
 * on paper (charts are left off the printout), and closes them again afterwards.
 */
export function PrintSupport() {
  useEffect(() => {
    const opened: HTMLDetailsElement[] = [];
    const before = () => {
      for (const details of document.querySelectorAll('details:not([open])')) {
        (details as HTMLDetailsElement).open = true;
        opened.push(details as HTMLDetailsElement);
      }
    };
    const after = () => {
      for (const details of opened.splice(0)) details.open = false;
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return null;
}
