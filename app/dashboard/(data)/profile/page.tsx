import type { Metadata } from 'next';
import { ConnectButton } from '@/components/auth/connect-button';
import { DataProblem } from '@/components/claims/data-problem';
import { formatDate } from '@/components/ui/format';
import { getPageData } from '@/lib/data/page-data';

export const metadata: Metadata = { title: 'Profile · My Medicare claims' };

const SEX: Record<string, string> = { male: 'Male', female: 'Female', other: 'Other', unknown: 'Not known' };

export default async function ProfilePage() {
  const loaded = await getPageData();
  if (!loaded.ok) return <DataProblem message={loaded.message} reference={loaded.reference} />;
  const { data, demographics } = loaded.value;
  const profile = demographics === 'shared' ? data.profile : undefined;
  return (
    <>
      <h1 className="text-3xl font-bold">Profile</h1>
      <p className="mt-4 print:hidden">
        <a href="/api/export/fhir" download className="font-semibold text-accent underline">
          Download all my Medicare data (FHIR JSON)
        </a>
      </p>
      {profile ? (
        <>
          <p className="mt-4 text-lg">What Medicare shared about you with this app.</p>
          <dl className="mt-6 grid gap-x-8 gap-y-3 text-lg sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold">Name</dt>
            <dd>
              {profile.name ?? ([profile.given, profile.family].filter(Boolean).join(' ') || 'Not shared')}
            </dd>
            <dt className="font-semibold">Date of birth</dt>
            <dd>{formatDate(profile.birthDate)}</dd>
            <dt className="font-semibold">Sex</dt>
            <dd>{profile.gender ? (SEX[profile.gender] ?? profile.gender) : 'Not shared'}</dd>
            <dt className="font-semibold">State and ZIP code</dt>
            <dd>{[profile.state, profile.zip].filter(Boolean).join(' ') || 'Not shared'}</dd>
          </dl>
        </>
      ) : (
        <section aria-labelledby="not-shared" className="mt-6 max-w-2xl">
          <h2 id="not-shared" className="text-2xl font-semibold">
            Your personal details were not shared
          </h2>
          <p className="mt-3 text-lg">
            When you connected, you chose not to share your name, date of birth and other personal details
            with this app. Your claims and coverage still show on the other pages.
          </p>
          <p className="mt-3 text-lg">
            To share them, connect again and tick “Share my demographic information” on Medicare’s page.
          </p>
          <div className="mt-4">
            <ConnectButton label="Connect again to share" />
          </div>
        </section>
      )}
    </>
  );
}
