import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { DashboardNav } from '@/components/dashboard/dashboard-nav';
import { PrintSupport } from '@/components/ui/print-support';
import { SiteFooter } from '@/components/ui/site-footer';
import { requireSession } from '@/lib/auth/session';

/** The dashboard's shell: the app's name, who is signed in, the navigation, sign-out and the footer. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const { claims } = await requireSession();
  return (
    <>
      <header className="border-b border-border">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4 sm:px-6">
          <div>
            <Link href="/dashboard" className="text-2xl font-bold text-foreground no-underline">
              My Medicare claims
            </Link>
            {claims.name && <p className="text-muted">Signed in as {claims.name}</p>}
          </div>
          <div className="print:hidden">
            <SignOutButton />
          </div>
        </div>
        <div className="print:hidden">
          <DashboardNav />
        </div>
        <PrintSupport />
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        {children}
      </main>
      <SiteFooter wide>
        <p className="mt-12 print:hidden">
          <Link href="/account/disconnect" className="text-accent underline">
            Disconnect from Medicare
          </Link>
        </p>
      </SiteFooter>
    </>
  );
}
