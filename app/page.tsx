export default function HomePage() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-6 py-16">
      <h1 className="text-4xl font-bold">My Medicare claims</h1>
      <p className="mt-6 text-muted">
        See four years of your Medicare claims in plain language: what your care cost, what Medicare paid,
        what you paid, and every prescription you filled.
      </p>
      <p className="mt-4 text-muted">Signing in with Medicare is coming soon.</p>
      <p className="mt-12 border-t border-border pt-6 text-sm text-muted">
        This product uses the Blue Button APIs but is not endorsed or certified by the Centers for Medicare
        &amp; Medicaid Services or the U.S. Department of Health and Human Services.
      </p>
    </main>
  );
}
