import type { ReactNode } from 'react';
import { PublicShell } from '@/components/ui/public-shell';

/** The sign-in pages (why to connect again), with the app's name and the footer. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return <PublicShell>{children}</PublicShell>;
}
