import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ContactDetails, OperatorName } from '@/components/legal/operator-details';
import { PolicyList, PolicySection } from '@/components/legal/policy-section';
import { getConfig } from '@/lib/config';
import { operatorOf, POLICY_DATE } from '@/lib/legal';

export const metadata: Metadata = { title: 'Terms of use · My Medicare claims' };

const link = 'text-accent underline';

/** The terms of use, in plain words. */
export default async function TermsPage() {
  await connection();
  const operator = operatorOf(getConfig());
  return (
    <>
      <h1 className="text-4xl font-bold">Terms of use</h1>
      <p className="mt-4 text-muted">In effect since {POLICY_DATE}.</p>
      <p className="mt-4 text-lg">
        These terms are an agreement between you and <OperatorName operator={operator} />, who runs My
        Medicare claims (“this app”, “we”). You agree to them, and to our{' '}
        <Link href="/privacy" className={link}>
          privacy policy
        </Link>
        , when you tick the box before connecting to Medicare. If you do not agree, do not connect.
      </p>

      <PolicySection id="what" title="1. What this app does, and does not do">
        <PolicyList>
          <li>
            It shows you your own Medicare claims, prescriptions and coverage, as Medicare sends them, in
            plain language.
          </li>
          <li>
            It is not medical, legal or financial advice. What it says you “may have paid” is an estimate from
            your claims, not a bill.
          </li>
          <li>
            For official answers about your Medicare, call 1-800-MEDICARE (1-800-633-4227; TTY 1-877-486-2048)
            or visit Medicare.gov.
          </li>
        </PolicyList>
      </PolicySection>

      <PolicySection id="who" title="2. Who may use it">
        <p>
          People with Medicare, to see their own information, signing in with their own Medicare account. Do
          not use someone else’s Medicare sign-in.
        </p>
      </PolicySection>

      <PolicySection id="password" title="3. We never ask for your Medicare password">
        <p>
          You sign in on Medicare’s own page. This app never asks for, sees or keeps your Medicare username or
          password. If anyone asks you for them in this app’s name, it is not us: do not give them, and tell
          us.
        </p>
      </PolicySection>

      <PolicySection id="permission" title="4. Your permission, and taking it back">
        <p>
          Medicare shares your information only with your permission, given on Medicare’s page. You can take
          it back at any time: <strong>Disconnect from Medicare</strong> in Settings, or remove this app in
          your account on Medicare.gov. <strong>Delete my data now</strong> in Settings deletes everything
          this app holds about you. The{' '}
          <Link href="/privacy" className={link}>
            privacy policy
          </Link>{' '}
          says what happens then.
        </p>
      </PolicySection>

      <PolicySection id="source" title="5. Where the information comes from">
        <p>
          Everything shown comes from Medicare. We do not change it, but we cannot promise it is complete or
          current: new claims usually appear a few weeks after care. If something looks wrong, ask Medicare or
          your provider. This product uses the Blue Button APIs but is not endorsed or certified by the
          Centers for Medicare &amp; Medicaid Services or the U.S. Department of Health and Human Services.
        </p>
      </PolicySection>

      <PolicySection id="fair-use" title="6. Fair use">
        <p>
          Do not try to see anyone else’s information, to get around this app’s security, or to overload it,
          and do not copy it with automated tools.
        </p>
      </PolicySection>

      <PolicySection id="availability" title="7. Availability">
        <p>
          We work to keep this app running, but it, or Medicare’s service behind it, may sometimes be
          unavailable. We may change or stop the app; if we stop it, we delete everything we hold and say so
          on the home page first.
        </p>
      </PolicySection>

      <PolicySection id="liability" title="8. Our responsibility">
        <p>
          This app is provided as it is, free of charge. To the extent the law allows, we are not responsible
          for decisions made from what it shows or for losses from it being unavailable. Nothing in these
          terms takes away rights the law gives you.
        </p>
      </PolicySection>

      <PolicySection id="changes" title="9. Changes to these terms">
        <p>
          When these terms change, the date at the top changes, and you are asked to agree to the new version
          before you connect again. Nothing changes for you until you agree.
        </p>
      </PolicySection>

      <PolicySection id="contact" title="10. Contact us">
        <ContactDetails operator={operator} />
      </PolicySection>
    </>
  );
}
