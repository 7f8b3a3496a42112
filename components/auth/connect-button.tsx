'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';

/** Starts sign-in with Medicare. The button stays disabled while the browser is on its way. */
export function ConnectButton({ label = 'Connect to Medicare' }: { label?: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="rounded-md bg-accent px-6 py-3 text-lg font-semibold text-white hover:opacity-90 disabled:opacity-60"
      disabled={busy}
      aria-busy={busy}
      onClick={() => {
        setBusy(true);
        signIn('bluebutton', { callbackUrl: '/dashboard' }).catch(() => setBusy(false));
      }}
    >
      {busy ? 'Opening Medicare…' : label}
    </button>
  );
}
