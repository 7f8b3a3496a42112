import type { ReactNode } from 'react';
import { PublicShell } from '@/components/ui/public-shell';

/** The public pages (privacy policy, terms): readable without signing in. */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return <PublicShell>{children}</PublicShell>;
}
