import type { Metadata } from 'next';
import Link from 'next/link';
import { PublicShell } from '@/components/ui/public-shell';

export const metadata: Metadata = { title: 'Page not found · My Medicare claims' };

/**
 * A page that does not exist, outside the dashboard, in the app's own look (status 404). It also replaces
 * Next's built-in page, whose inline `<style>` the Content-Security-Policy refuses (docs/security.md).
 */
export default function NotFound() {
  return (
    <PublicShell>
      <h1 className="text-3xl font-bold">We can’t find that page</h1>
      <p className="mt-4 text-lg">The address may be mistyped, or the page may have moved.</p>
      <p className="mt-6">
        <Link href="/" className="text-lg font-semibold text-accent underline">
          Go to the home page
        </Link>
      </p>
    </PublicShell>
  );
}
