'use client';

import Link from 'next/link';
import { signIn } from 'next-auth/react';
import { useEffect, useId, useRef, useState } from 'react';
import { CONSENT_FIELD, CONSENT_VERSION } from '@/lib/consent';

/**
 * Starts sign-in with Medicare, once the beneficiary has ticked the box that agrees to share. The box starts
 * unticked; the button stays disabled until it is ticked, and while the browser is on its way. The consent
 * travels with next-auth's sign-in POST, and the server refuses a sign-in start without it.
 * `explained`: the page shows "What we read from Medicare and why" itself; otherwise the box links to it.
 */
export function ConnectButton({
  label = 'Connect to Medicare',
  explained = false,
}: {
  label?: string;
  explained?: boolean;
}) {
  const id = useId();
  const box = useRef<HTMLInputElement>(null);
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  // A box ticked before the page's script ran keeps its tick (the input is uncontrolled).
  useEffect(() => setAgreed(box.current?.checked ?? false), []);
  return (
    <div className="max-w-2xl">
      <div className="flex items-start gap-3">
        <input
          ref={box}
          id={`${id}-consent`}
          type="checkbox"
          defaultChecked={false}
          onChange={(event) => setAgreed(event.target.checked)}
          className="mt-1 h-6 w-6 shrink-0 accent-[#005ea2]"
        />
        <label htmlFor={`${id}-consent`} className="text-lg">
          I agree to let this app read my Medicare information
          {explained ? ', as described above, ' : ' '}
          to show it to me, and I accept the privacy policy and the terms of use.
        </label>
      </div>
      <p className="mt-2 pl-9 text-muted">
        {!explained && (
          <>
            <Link href="/privacy#what-we-read" className="text-accent underline">
              What we read from Medicare and why
            </Link>
            {' · '}
          </>
        )}
        <Link href="/privacy" className="text-accent underline">
          Privacy policy
        </Link>
        {' · '}
        <Link href="/terms" className="text-accent underline">
          Terms of use
        </Link>
      </p>
      <button
        type="button"
        className="mt-4 rounded-md bg-accent px-6 py-3 text-lg font-semibold text-white hover:opacity-90 disabled:cursor-not-allowed disabled:bg-gray-500"
        disabled={!agreed || busy}
        aria-busy={busy}
        aria-describedby={agreed ? undefined : `${id}-hint`}
        onClick={() => {
          if (!box.current?.checked) return;
          setBusy(true);
          signIn('bluebutton', { callbackUrl: '/dashboard', [CONSENT_FIELD]: CONSENT_VERSION }).catch(() =>
            setBusy(false),
          );
        }}
      >
        {busy ? 'Opening Medicare…' : label}
      </button>
      {!agreed && (
        <p id={`${id}-hint`} className="mt-2 text-muted">
          Tick the box above to turn on this button.
        </p>
      )}
    </div>
  );
}
