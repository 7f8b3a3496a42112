'use client';

import './globals.css';

/**
 * A failure of the root layout itself: a plain page with the reference that is also in the server's log. It
 * replaces Next's built-in page, whose inline `<style>` the Content-Security-Policy refuses (docs/security.md).
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <main id="main" className="mx-auto max-w-3xl px-6 py-16">
          <h1 className="text-3xl font-bold">Something went wrong</h1>
          <p className="mt-4 text-lg">We could not show this page. Your information is safe.</p>
          <p className="mt-6">
            {/* A full page load: the root layout is what failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" className="text-lg font-semibold text-accent underline">
              Go to the home page
            </a>
          </p>
          {error.digest && (
            <p className="mt-6 text-muted">
              If it keeps happening, contact support and give this reference:{' '}
              <span className="font-mono">{error.digest}</span>
            </p>
          )}
        </main>
      </body>
    </html>
  );
}
