/** The attribution sentence CMS requires of apps that use its API. */
export function Attribution() {
  return (
    <p className="mt-6 text-sm text-muted">
      This product uses the Blue Button APIs but is not endorsed or certified by the Centers for Medicare
      &amp; Medicaid Services or the U.S. Department of Health and Human Services.
    </p>
  );
}
