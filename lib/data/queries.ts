import { drugLabel } from '@/lib/claims/adherence';
import { providerName } from '@/lib/claims/providers';
import { CLAIM_TYPES, type Claim, type ClaimType, type Prescription } from '@/lib/claims/types';
import { readableText } from '@/lib/codes/readable-text';
import { z } from 'zod';

const isoDate = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });

/** A list of claim types, as `type=carrier,pde` or repeated `type=`; an unknown type is refused. */
export const claimTypesParam = z
  .array(z.string())
  .transform((values) =>
    values
      .flatMap((v) => v.split(','))
      .map((v) => v.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(CLAIM_TYPES, { message: `must be one of ${CLAIM_TYPES.join(', ')}` })));

/** The parameters of the claims list. */
export const claimQuerySchema = z
  .object({
    type: claimTypesParam.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    q: z.string().trim().max(100, 'must be at most 100 characters').optional(),
    sort: z
      .enum(['date-desc', 'date-asc', 'billed-desc', 'you-paid-desc'], {
        message: 'must be date-desc, date-asc, billed-desc or you-paid-desc',
      })
      .default('date-desc'),
    page: z.coerce.number().int('must be a whole number').min(1, 'must be 1 or more').default(1),
    pageSize: z.coerce
      .number()
      .int('must be a whole number')
      .min(1)
      .max(100, 'must be at most 100')
      .default(25),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after to', path: ['from'] });
/** Parsed claims-list parameters. */
export type ClaimQuery = z.infer<typeof claimQuerySchema>;

/** A claim as listed: the fields a table shows, nothing more. */
export interface ClaimListItem {
  id: string;
  type: ClaimType;
  serviceStart: string | null;
  serviceEnd: string | null;
  provider: string | null;
  summary: string | null;
  billed: number;
  medicarePaid: number;
  youPaid: number;
}

/** One page of a list, with the total matching count. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

function haystack(claim: Claim): string {
  return [
    claim.type,
    claim.provider?.name,
    claim.facility?.name,
    ...claim.careTeam.map((m) => m.name),
    ...claim.diagnoses.flatMap((d) => [d.code, d.display]),
    ...claim.procedures.flatMap((p) => [p.code, p.display]),
    ...claim.lines.flatMap((l) => [l.code, l.display]),
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

const SORTS: Record<ClaimQuery['sort'], (a: Claim, b: Claim) => number> = {
  'date-desc': (a, b) =>
    (b.serviceStart ?? '').localeCompare(a.serviceStart ?? '') || a.id.localeCompare(b.id),
  'date-asc': (a, b) =>
    (a.serviceStart ?? '').localeCompare(b.serviceStart ?? '') || a.id.localeCompare(b.id),
  'billed-desc': (a, b) => b.billed - a.billed || a.id.localeCompare(b.id),
  'you-paid-desc': (a, b) => b.youPaid - a.youPaid || a.id.localeCompare(b.id),
};

/**
 * The list item of a claim: its first diagnosis or line as a one-line summary, in sentence case (a drug by its
 * product and generic), and its provider as {@link providerName} finds it.
 */
export function toClaimListItem(claim: Claim): ClaimListItem {
  const text = claim.diagnoses[0]?.display ?? claim.lines.find((l) => l.display)?.display ?? null;
  const summary = text === null ? null : claim.type === 'pde' ? drugLabel(text) : readableText(text);
  const provider = providerName(claim);
  const { id, type, serviceStart, serviceEnd, billed, medicarePaid, youPaid } = claim;
  return { id, type, serviceStart, serviceEnd, provider, summary, billed, medicarePaid, youPaid };
}

/** Filters, sorts and pages claims. Dates compare on the service start; text matches names, codes and displays. */
export function queryClaims(claims: readonly Claim[], query: ClaimQuery): Page<ClaimListItem> {
  const types = query.type?.length ? new Set(query.type) : null;
  const needle = query.q?.toLowerCase();
  const matching = claims.filter((c) => {
    if (types && !types.has(c.type)) return false;
    if (query.from && (!c.serviceStart || c.serviceStart < query.from)) return false;
    if (query.to && (!c.serviceStart || c.serviceStart > query.to)) return false;
    return !needle || haystack(c).includes(needle);
  });
  matching.sort(SORTS[query.sort]);
  const start = (query.page - 1) * query.pageSize;
  return {
    items: matching.slice(start, start + query.pageSize).map(toClaimListItem),
    total: matching.length,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The parameters of the prescription list. */
export const prescriptionQuerySchema = z
  .object({ from: isoDate.optional(), to: isoDate.optional(), q: z.string().trim().max(100).optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'must not be after to', path: ['from'] });

/** Prescriptions newest first, optionally within dates and matching a drug name or NDC. */
export function queryPrescriptions(
  prescriptions: readonly Prescription[],
  query: z.infer<typeof prescriptionQuerySchema>,
): Prescription[] {
  const needle = query.q?.toLowerCase();
  return prescriptions
    .filter((p) => {
      if (query.from && (!p.date || p.date < query.from)) return false;
      if (query.to && (!p.date || p.date > query.to)) return false;
      return !needle || `${p.drugName ?? ''} ${p.ndc ?? ''}`.toLowerCase().includes(needle);
    })
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id));
}

/** A claim id as Blue Button writes them (`carrier--10000000000123`); anything else never reaches it. */
export const claimIdSchema = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/);
