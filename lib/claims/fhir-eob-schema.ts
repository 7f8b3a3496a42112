/**
 * The fields of a Blue Button ExplanationOfBenefit that the app reads, in one schema that accepts both FHIR
 * STU3 (v1: `item.service`, `information`, `careTeamLinkId`, `organization`, `totalCost`, claim money in
 * `extension[].valueMoney`) and R4 (v2: `item.productOrService`, `supportingInfo`, `careTeamSequence`, `total`).
 * https://hl7.org/fhir/R4/explanationofbenefit.html, https://hl7.org/fhir/STU3/explanationofbenefit.html,
 * docs/blue-button.md §13.
 */
import { z } from 'zod';
import {
  codeableConceptSchema,
  codeOnlyConceptSchema,
  codingExtensionSchema,
  decimalSchema,
  identifierSchema,
  moneySchema,
  periodSchema,
  quantitySchema,
  referenceSchema,
} from './fhir-common';

const adjudicationSchema = z.object({
  category: codeOnlyConceptSchema.optional(),
  amount: moneySchema.optional(),
});

const quantityExtensionSchema = z.object({
  url: z.string().optional(),
  valueQuantity: quantitySchema.optional(),
});

/** A line's product (v2) or service (v1), with the NDC extension BFD adds to drug lines. */
const productSchema = codeableConceptSchema.extend({ extension: z.array(codingExtensionSchema).optional() });

const itemSchema = z.object({
  sequence: z.number().optional(),
  productOrService: productSchema.optional(),
  service: productSchema.optional(),
  revenue: codeableConceptSchema.optional(),
  extension: z.array(codingExtensionSchema).optional(),
  careTeamSequence: z.array(z.number()).optional(),
  careTeamLinkId: z.array(z.number()).optional(),
  servicedDate: z.string().optional(),
  servicedPeriod: periodSchema.optional(),
  quantity: z
    .object({ value: decimalSchema.optional(), extension: z.array(quantityExtensionSchema).optional() })
    .optional(),
  adjudication: z.array(adjudicationSchema).optional(),
});
/** A parsed EOB item (claim line). */
export type EobItem = z.infer<typeof itemSchema>;

/**
 * `supportingInfo` (v2) or `information` (v1) entries, read only for drug events (days supply, refill number),
 * so parsed only for them.
 */
export const supportingInfoSchema = z.compile(
  z.array(z.object({ category: codeOnlyConceptSchema.optional(), valueQuantity: quantitySchema.optional() })),
);
/** A parsed `supportingInfo` (v2) or `information` (v1) entry. */
export type EobSupportingInfo = z.infer<typeof supportingInfoSchema>[number];

const careTeamSchema = z.object({
  sequence: z.number().optional(),
  provider: referenceSchema.optional(),
  role: codeableConceptSchema.optional(),
});
/** A parsed care team member. */
export type EobCareTeam = z.infer<typeof careTeamSchema>;

const diagnosisSchema = z.object({
  diagnosisCodeableConcept: codeableConceptSchema.optional(),
  type: z.array(codeOnlyConceptSchema).optional(),
});

const procedureSchema = z.object({
  date: z.string().optional(),
  procedureCodeableConcept: codeableConceptSchema.optional(),
});

const namedMoneySchema = z.object({
  category: codeOnlyConceptSchema.optional(),
  amount: moneySchema.optional(),
});

const benefitBalanceSchema = z.object({
  financial: z
    .array(z.object({ type: codeOnlyConceptSchema.optional(), usedMoney: moneySchema.optional() }))
    .optional(),
});

/**
 * The ExplanationOfBenefit fields the app reads, v1 or v2. Unknown fields are neither copied nor checked, and the
 * schema is compiled ahead of its first use (`z.compile`), which halves the cost of parsing thousands of claims.
 */
export const eobSchema = z.compile(
  z.object({
    resourceType: z.literal('ExplanationOfBenefit'),
    id: z.string().min(1),
    status: z.string().optional(),
    use: z.string().optional(),
    type: codeableConceptSchema.optional(),
    billablePeriod: periodSchema.optional(),
    provider: referenceSchema.optional(),
    organization: referenceSchema.optional(),
    facility: referenceSchema.extend({ extension: z.array(codingExtensionSchema).optional() }).optional(),
    contained: z.array(z.unknown()).optional(),
    careTeam: z.array(careTeamSchema).optional(),
    supportingInfo: z.array(z.unknown()).optional(),
    information: z.array(z.unknown()).optional(),
    diagnosis: z.array(diagnosisSchema).optional(),
    procedure: z.array(procedureSchema).optional(),
    item: z.array(itemSchema).optional(),
    total: z.array(namedMoneySchema).optional(),
    totalCost: moneySchema.optional(),
    benefitBalance: z.array(benefitBalanceSchema).optional(),
    extension: z
      .array(z.object({ url: z.string().optional(), valueMoney: moneySchema.optional() }))
      .optional(),
    payment: z.object({ amount: moneySchema.optional() }).optional(),
  }),
);
/** A parsed ExplanationOfBenefit (v1 or v2). */
export type Eob = z.infer<typeof eobSchema>;

/** A contained Organization or Practitioner that `provider.reference = "#id"` points to (v2 institutional claims). */
export const containedPartySchema = z.object({
  resourceType: z.string().optional(),
  id: z.string().optional(),
  name: z
    .union([z.string(), z.array(z.object({ text: z.string().optional(), family: z.string().optional() }))])
    .optional(),
  identifier: z.array(identifierSchema).optional(),
});
