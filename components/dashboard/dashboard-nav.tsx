'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The dashboard's pages, in the order the navigation lists them. */
export const DASHBOARD_PAGES = [
  { href: '/dashboard', label: 'Overview' },
  { href: '/dashboard/spending', label: 'Spending' },
  { href: '/dashboard/prescriptions', label: 'Prescriptions' },
  { href: '/dashboard/coverage', label: 'Coverage' },
  { href: '/dashboard/claims', label: 'Claims' },
  { href: '/dashboard/profile', label: 'Profile' },
  { href: '/dashboard/settings', label: 'Settings' },
] as const;

/** The dashboard's navigation landmark; the current page is marked for screen readers and by sight. */
export function DashboardNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Dashboard" className="border-b border-border">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-1 px-4 sm:px-6">
        {DASHBOARD_PAGES.map(({ href, label }) => {
          const current = pathname === href;
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? 'page' : undefined}
                className={`inline-block border-b-4 px-3 py-3 font-semibold ${
                  current ? 'border-accent text-foreground' : 'border-transparent text-accent hover:underline'
                }`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
