import { CLAIM_TYPE_CATALOGUE } from '@/lib/claims/catalogue';
import type { Claim, Prescription } from '@/lib/claims/types';
import { queryClaims, type ClaimListItem, type ClaimQuery } from '@/lib/data/queries';
import { toCsv, type CsvColumn } from './csv';

/**
 * The CSV downloads of the claims and prescriptions lists: columns in plain words, amounts in dollars as plain
 * numbers, dates as `YYYY-MM-DD` (docs/exports.md).
 */

/** One column per field of the claims table, plus the claim id. */
export const CLAIM_COLUMNS: readonly CsvColumn<ClaimListItem>[] = [
  { heading: 'Date', value: (c) => c.serviceStart },
  { heading: 'Kind of care', value: (c) => CLAIM_TYPE_CATALOGUE[c.type].label },
  { heading: 'Provider', value: (c) => c.provider },
  { heading: 'What it was for', value: (c) => c.summary },
  { heading: 'Billed', value: (c) => c.billed },
  { heading: 'Paid by Medicare', value: (c) => c.medicarePaid },
  { heading: 'You may have paid', value: (c) => c.youPaid },
  { heading: 'Claim id', value: (c) => c.id },
];

/** One column per field of a fill, plus the id of its claim. */
export const FILL_COLUMNS: readonly CsvColumn<Prescription>[] = [
  { heading: 'Date', value: (p) => p.date },
  { heading: 'Drug', value: (p) => p.drugName },
  { heading: 'NDC', value: (p) => p.ndc },
  { heading: 'Days supply', value: (p) => p.daysSupply },
  { heading: 'Quantity', value: (p) => p.quantity },
  { heading: 'Refill number', value: (p) => p.refillNumber },
  { heading: 'Pharmacy', value: (p) => p.pharmacy?.name },
  { heading: 'Total cost', value: (p) => p.totalCost },
  { heading: 'Plan paid', value: (p) => p.planPaid },
  { heading: 'You paid', value: (p) => p.youPaid },
  { heading: 'Claim id', value: (p) => p.id },
];

/** Every claim matching `query` (its filters and order; its page ignored), as CSV. */
export function claimsCsv(claims: readonly Claim[], query: ClaimQuery): string {
  // One page as large as the whole list: the same filtering and order as the JSON list, every row.
  const all = queryClaims(claims, { ...query, page: 1, pageSize: Math.max(1, claims.length) });
  return toCsv(CLAIM_COLUMNS, all.items);
}

/** Fills as CSV, in the order given. */
export function prescriptionsCsv(fills: readonly Prescription[]): string {
  return toCsv(FILL_COLUMNS, fills);
}

/** The address of the CSV download of the claims list with `query`'s filters and order. */
export function claimsCsvHref(query: ClaimQuery): string {
  const params = new URLSearchParams({ format: 'csv' });
  for (const type of query.type ?? []) params.append('type', type);
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.q) params.set('q', query.q);
  params.set('sort', query.sort);
  return `/api/claims?${params}`;
}
