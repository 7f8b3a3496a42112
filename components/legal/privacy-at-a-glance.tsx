import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Operator, Retention } from '@/lib/legal';
import { Placeholder } from './operator-details';

function Row({ topic, question, children }: { topic: string; question: string; children: ReactNode }) {
  return (
    <div className="border-t border-border py-3 sm:grid sm:grid-cols-[12rem_1fr] sm:gap-6">
      <dt>
        <span className="block font-bold">{topic}</span>
        <span className="block text-sm text-muted">{question}</span>
      </dt>
      <dd className="mt-1 sm:mt-0">{children}</dd>
    </div>
  );
}

/**
 * The privacy policy's short notice, in the style of ONC's Model Privacy Notice
 * (https://www.healthit.gov/topic/privacy-security-and-hipaa/model-privacy-notice-mpn): one plain answer per
 * topic, before the full text.
 */
export function PrivacyAtAGlance({ retention, operator }: { retention: Retention; operator: Operator }) {
  return (
    <section aria-labelledby="at-a-glance" className="mt-8 rounded-md border-2 border-foreground p-5 sm:p-6">
      <h2 id="at-a-glance" className="text-2xl font-bold">
        Privacy at a glance
      </h2>
      <dl className="mt-4 border-b border-border">
        <Row topic="Use" question="How we use your information">
          Only to show you your own Medicare information. Nothing else.
        </Row>
        <Row topic="Share" question="Who we give it to">
          Nobody. We would ask for your explicit permission before sharing anything with anyone.
        </Row>
        <Row topic="Sell" question="Do we sell it?">
          Never. We also never make, sell or share “de-identified” data from it.
        </Row>
        <Row topic="Store" question="Where and how long">
          On our server, encrypted, only while you are signed in:{' '}
          {retention.cache ? `your claims for up to ${retention.cache} at a time; ` : ''}
          everything is deleted when you sign out, after {retention.idle} without activity, and{' '}
          {retention.max} after you sign in at the latest.
        </Row>
        <Row topic="Encryption" question="Is it protected?">
          Yes: encrypted on the way to you (HTTPS) and when stored (AES-256).
        </Row>
        <Row topic="Privacy" question="What else we look at">
          Nothing else on your phone or computer. No advertising, analytics or tracking.
        </Row>
        <Row topic="Your choices" question="What you can do">
          Decide whether to connect and whether to share your name; download your information; sign out,
          disconnect or delete your data at any time in Settings.
        </Row>
        <Row topic="Deactivation" question="When you stop">
          When you disconnect, delete your data, or your permission at Medicare ends, we delete everything we
          hold about you.
        </Row>
        <Row topic="Policy changes" question="How you will know">
          The date at the top changes, and we ask you to agree again before you connect.
        </Row>
        <Row topic="Breach" question="If something goes wrong">
          We will tell you, the Federal Trade Commission and, when required, the news media, within 60 days.
        </Row>
        <Row topic="Contact" question="Questions">
          {operator.email ? (
            <a href={`mailto:${operator.email}`} className="break-words text-accent underline">
              {operator.email}
            </a>
          ) : (
            <Placeholder>contact email</Placeholder>
          )}{' '}
          (see{' '}
          <Link href="#contact" className="text-accent underline">
            Contact us
          </Link>
          )
        </Row>
      </dl>
    </section>
  );
}
