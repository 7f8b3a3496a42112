import Link from 'next/link';
import type { ReactNode } from 'react';
import { SiteFooter } from './site-footer';

/** The frame of pages outside the dashboard: the app's name (home), the page, and the footer. */
export function PublicShell({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="border-b border-border">
        <div className="mx-auto max-w-3xl px-4 py-4 sm:px-6">
          <Link href="/" className="text-2xl font-bold text-foreground no-underline">
            My Medicare claims
          </Link>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
