import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'My Medicare claims',
  description: 'See what your care cost, what Medicare paid, and every prescription you filled.',
};

/**
 * Every page is rendered per request: Next.js puts the request's CSP nonce (set by proxy.ts) on its scripts
 * only when it renders, so no page may be prerendered at build time, the public ones included.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4">
          Skip to main content
        </a>
        {children}
      </body>
    </html>
  );
}
