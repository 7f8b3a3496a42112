'use client';

/** Opens the browser's print dialog; the print stylesheet leaves out navigation and buttons. */
export function PrintButton({ label = 'Print this page' }: { label?: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md bg-accent px-5 py-2 text-lg font-semibold text-white hover:opacity-90"
    >
      {label}
    </button>
  );
}
