import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ContactDetails, OperatorName } from '@/components/legal/operator-details';
import { PolicyList, PolicySection } from '@/components/legal/policy-section';
import { PrivacyAtAGlance } from '@/components/legal/privacy-at-a-glance';
import { WhatWeRead } from '@/components/legal/what-we-read';
import { getConfig } from '@/lib/config';
import { operatorOf, POLICY_DATE, retentionWords } from '@/lib/legal';

export const metadata: Metadata = { title: 'Privacy policy · My Medicare claims' };

const FTC_RULE = 'https://www.ftc.gov/legal-library/browse/rules/health-breach-notification-rule';
const link = 'text-accent underline';

/** The privacy policy: a short notice first, then the full text. The numbers come from the configuration. */
export default async function PrivacyPage() {
  await connection();
  const config = getConfig();
  const retention = retentionWords(config);
  const operator = operatorOf(config);
  return (
    <>
      <h1 className="text-4xl font-bold">Privacy policy</h1>
      <p className="mt-4 text-muted">In effect since {POLICY_DATE}.</p>
      <p className="mt-4 text-lg">
        My Medicare claims (“this app”, “we”) is run by <OperatorName operator={operator} />. It shows people
        with Medicare their own claims, prescriptions and coverage. This policy says what we read, why, how
        long we keep it, and what you can do about it.
      </p>

      <PrivacyAtAGlance retention={retention} operator={operator} />

      <PolicySection id="collect" title="1. What we collect and why">
        <p>
          We read your information from Medicare only after you tick the box that agrees to this policy and to
          our{' '}
          <Link href="/terms" className={link}>
            terms of use
          </Link>
          , and approve sharing on Medicare’s own page.
        </p>
        <WhatWeRead retention={retention} headingLevel={3} />
        <p>We do not collect anything else. In particular:</p>
        <PolicyList>
          <li>
            We never ask for, see or keep your Medicare username or password: you sign in on Medicare’s own
            page.
          </li>
          <li>
            We do not ask for your email address, phone number or mailing address, and you need no account.
          </li>
          <li>
            We use no advertising, analytics, tracking pixels or code from other companies. The only cookies
            are the ones that keep you signed in and protect the sign-in; they are deleted when you sign out.
          </li>
          <li>
            Our server’s logs record technical events (for example an error and its reference number), never
            your Medicare information or the keys Medicare gives us.
          </li>
        </PolicyList>
      </PolicySection>

      <PolicySection id="use" title="2. How we use it">
        <p>
          Only to show your information to you: totals, charts, lists and the details of each claim. Files you
          choose to download are made when you ask and go straight to you; once on your device, they are yours
          to keep or delete. We do not use your information for advertising, marketing, research or to train
          software, and we do not make “de-identified” or combined data from it.
        </p>
      </PolicySection>

      <PolicySection id="share" title="3. Sharing: never without your explicit consent">
        <p>
          We do not share, sell, rent or trade your information with anyone: not with insurers, employers,
          data brokers or advertisers. If we ever wanted to share anything, we would ask you first, explain
          exactly what and with whom, and share nothing unless you agreed, each time.
        </p>
        <p>
          The companies that host this app for us (its web server and the database that keeps the encrypted
          copy) handle your information only to run the app, under contracts that forbid any other use and
          require the same protection. If the law requires us to hand over information (for example a court
          order), we will give only what is required and tell you unless the law forbids it. Because we keep
          almost nothing, there is usually nothing to give.
        </p>
      </PolicySection>

      <PolicySection id="protect" title="4. How we protect it">
        <PolicyList>
          <li>Everything travels encrypted (HTTPS).</li>
          <li>
            The copy of your information and the keys Medicare gives us are stored encrypted (AES-256) on our
            server. The keys never reach your browser.
          </li>
          <li>We sign you out automatically after {retention.idle} without activity.</li>
          <li>No code from other companies runs on our pages.</li>
        </PolicyList>
      </PolicySection>

      <PolicySection id="retention" title="5. How long we keep it">
        <p>Nothing is kept beyond your signed-in visit:</p>
        <PolicyList>
          <li>
            {retention.cache
              ? `The copy of your claims, prescriptions and coverage is kept encrypted for up to ${retention.cache} after it is read from Medicare, then read again when you need it.`
              : 'Your claims, prescriptions and coverage are read from Medicare for each page and not kept.'}
          </li>
          <li>
            The keys Medicare gives us are kept encrypted while you are signed in. After {retention.idle}{' '}
            without activity they can no longer be used, and they are deleted {retention.max} after you sign
            in at the latest.
          </li>
          <li>
            When you sign out, disconnect or delete your data, everything is deleted at once, and we tell
            Medicare to cancel the keys.
          </li>
        </PolicyList>
      </PolicySection>

      <PolicySection id="choices" title="6. Your choices">
        <PolicyList>
          <li>Connecting is your choice: the box that agrees to share starts unticked.</li>
          <li>On Medicare’s page you can choose not to share your name and personal details.</li>
          <li>
            In <strong>Settings</strong>, at any time: <strong>sign out</strong>,{' '}
            <strong>disconnect from Medicare</strong> (we delete everything and remove your permission at
            Medicare), or <strong>delete my data now</strong>.
          </li>
          <li>You can also remove this app’s access in your account on Medicare.gov.</li>
        </PolicyList>
      </PolicySection>

      <PolicySection id="revoke" title="7. When you disconnect or remove access">
        <p>
          When you disconnect here, we delete everything we hold about you and ask Medicare to remove your
          permission; you are signed out. When you remove access on Medicare.gov instead, we can no longer
          read anything: the next time this app tries, it deletes what it holds and signs you out. In any case{' '}
          {retention.cache ? `the copy of your claims expires within ${retention.cache}, and ` : ''}the keys
          are deleted {retention.max} after you signed in at the latest. To use the app again you would
          connect and agree again.
        </p>
      </PolicySection>

      <PolicySection id="dormant" title="8. If you stop using the app, or your account closes">
        <p>
          There is no account with us to close: we keep nothing between visits. If you stop using the app,
          nothing stays with us after your last visit ends. Medicare’s permission for this app lasts up to 13
          months unless you remove it sooner; when it ends, or when your Medicare account is closed, this app
          can no longer read anything, and you would have to connect and agree again.
        </p>
      </PolicySection>

      <PolicySection id="breach" title="9. If there is a breach">
        <p>
          If your information is ever accessed or disclosed without your permission, we will follow the{' '}
          <a href={FTC_RULE} className={link}>
            Federal Trade Commission’s Health Breach Notification Rule
          </a>{' '}
          (16 CFR Part 318). We will tell you without unreasonable delay and no later than 60 calendar days
          after we find out, saying what happened, what information was involved and what you can do. Because
          we do not keep your email or mailing address, we will post the notice prominently on this app’s home
          page for at least 90 days, and tell the news media where the rule requires it. We will also tell the
          Federal Trade Commission as the rule requires.
        </p>
      </PolicySection>

      <PolicySection id="sale" title="10. If the app is sold or closes">
        <p>
          If this app or its operator is sold, merged or closes, we will say so on the home page before
          anything changes. Because we keep nothing between visits, no information about you is handed over. A
          new owner must follow this policy or ask you to agree to a new one before reading anything from
          Medicare again.
        </p>
      </PolicySection>

      <PolicySection id="changes" title="11. Changes to this policy">
        <p>
          When this policy changes, the date at the top changes, the home page says so, and the box you tick
          before connecting asks you to agree to the new version: nothing changes for you until you agree. We
          do not change how we use your information without asking you first.
        </p>
      </PolicySection>

      <PolicySection id="contact" title="12. Contact us">
        <p>For questions about this policy or your information:</p>
        <ContactDetails operator={operator} />
        <p>
          For questions about your Medicare claims or coverage themselves, call 1-800-MEDICARE
          (1-800-633-4227; TTY 1-877-486-2048).
        </p>
      </PolicySection>
    </>
  );
}
