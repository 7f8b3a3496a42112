import { notFound } from 'next/navigation';

// Any other path under /dashboard gets the dashboard's own not-found page (and status 404).
export default function MissingDashboardPage(): never {
  notFound();
}
