import type { ReactNode } from 'react';
import { PublicShell } from '@/components/ui/public-shell';

/** The confirmations of signing out, disconnecting and deleting, with the app's name and the footer. */
export default function AccountLayout({ children }: { children: ReactNode }) {
  return <PublicShell>{children}</PublicShell>;
}
