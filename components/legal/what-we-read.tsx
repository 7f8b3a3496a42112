import type { Retention } from '@/lib/legal';

/**
 * "What we read from Medicare and why": shown before connecting (home page) and in the privacy policy. It
 * lists what the requested permissions let the app read, why, and how long any of it is kept.
 */
export function WhatWeRead({ retention, headingLevel = 2 }: { retention: Retention; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby="what-we-read" className="mt-8 rounded-md border-2 border-accent p-5 sm:p-6">
      <Heading id="what-we-read" className="text-2xl font-semibold">
        What we read from Medicare and why
      </Heading>
      <p className="mt-4">
        When you connect, you sign in on Medicare’s own page and Medicare asks whether to share your
        information with this app. If you agree, this app reads:
      </p>
      <ul className="mt-3 list-disc space-y-2 pl-6">
        <li>
          <strong>Your claims</strong>: the dates of your care, who gave it, what it was for, what was billed,
          what Medicare paid and what you may owe.
        </li>
        <li>
          <strong>Your prescriptions</strong>: each drug you filled, the pharmacy, the date and what was paid.
        </li>
        <li>
          <strong>Your coverage</strong>: which parts of Medicare you have, with their dates and plan numbers.
        </li>
        <li>
          <strong>Your name, date of birth, sex, state and ZIP code</strong>, only if you choose to share them
          on Medicare’s page. You can say no and still see your claims.
        </li>
      </ul>
      <p className="mt-4">
        <strong>Why:</strong> only to show this information to you, on these pages, while you are signed in.
        We never sell it, never share it, and never use it for advertising.
      </p>
      <p className="mt-3">
        <strong>How long:</strong>{' '}
        {retention.cache
          ? `an encrypted copy is kept for up to ${retention.cache} at a time, so pages load quickly. `
          : 'nothing is kept after each page is shown. '}
        Everything is deleted when you sign out, after {retention.idle} without activity, and {retention.max}{' '}
        after you sign in at the latest. You can also delete it yourself at any time.
      </p>
    </section>
  );
}
