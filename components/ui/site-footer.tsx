import Link from 'next/link';
import type { ReactNode } from 'react';
import { Attribution } from './attribution';

/** Every page's footer: what `children` add, the privacy policy and terms (public), and CMS's attribution. */
export function SiteFooter({ wide = false, children }: { wide?: boolean; children?: ReactNode }) {
  return (
    <footer className={`mx-auto px-4 pb-10 sm:px-6 ${wide ? 'max-w-6xl' : 'max-w-3xl'}`}>
      {children}
      <div className="mt-12 border-t border-border pt-6">
        <nav aria-label="About this app" className="print:hidden">
          <ul className="flex flex-wrap gap-x-8 gap-y-2">
            <li>
              <Link href="/privacy" className="text-accent underline">
                Privacy policy
              </Link>
            </li>
            <li>
              <Link href="/terms" className="text-accent underline">
                Terms of use
              </Link>
            </li>
          </ul>
        </nav>
        <Attribution />
      </div>
    </footer>
  );
}
