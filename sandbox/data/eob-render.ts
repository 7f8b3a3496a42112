import { claimCodes, type ClaimCodes } from './claim-codes';
import type { ClaimLine, ClaimRecord } from './claim-model';
import { PART_B_DRUGS, type DrugProduct } from './codes/drugs';
import { REVENUE_CENTERS } from './codes/revenue';
import { formatDay } from './dates';
import { diagnosisCodings, hcpcsCoding, pick, procedureCodings } from './eob-codings';
import { buildEobTemplates } from './eob-templates';
import { claimMoney, formatMoney, lineMoney, type MoneyVars } from './money-vars';
import { claimStrings } from './eob-strings';
import type { Profile } from './profile';
import { bind, render, type BoundTemplate, type Resolver } from './template';
import { CLAIM_TYPES, type ClaimType, type FhirVersion } from './types';

/**
 * Renders a claim record as the JSON of a BFD ExplanationOfBenefit (v1 STU3 or v2 R4) by filling the
 * templates cut from the real samples (eob-templates.ts). Templates are built and bound once per type
 * and version; a render is string concatenation.
 */

interface Ctx {
  claim: ClaimRecord;
  profile: Profile;
  money: MoneyVars;
  strings: Readonly<Record<string, string>>;
  codes: ClaimCodes;
  line?: ClaimLine;
  lineMoney?: MoneyVars;
  seq: number;
}

interface BoundEob {
  claim: BoundTemplate<Ctx>;
  line: BoundTemplate<Ctx>;
  drugLine?: BoundTemplate<Ctx>;
}

const bound = new Map<string, BoundEob>();
const json = JSON.stringify;

/** The JSON text of a claim as an EOB of the given version. */
export function renderEob(claim: ClaimRecord, profile: Profile, version: FhirVersion): string {
  const eob = boundEob(claim.type, version);
  const ctx: Ctx = {
    claim, profile, money: claimMoney(claim), strings: claimStrings(claim, profile), codes: claimCodes(claim, profile), seq: 0,
  };
  return render(eob.claim, ctx);
}

/** Builds and binds every type's v1 and v2 templates now rather than on the first request. */
export function prepareEobTemplates(): void {
  for (const type of CLAIM_TYPES) for (const version of [1, 2] as const) boundEob(type, version);
}

function boundEob(type: ClaimType, version: FhirVersion): BoundEob {
  const key = `${type}:${version}`;
  let eob = bound.get(key);
  if (!eob) {
    const templates = buildEobTemplates(type, version);
    const lines: { line?: BoundTemplate<Ctx>; drugLine?: BoundTemplate<Ctx> } = {};
    const resolve = (name: string) => resolver(name, type, version, templates.diagnosisRoles, lines);
    lines.line = bind(templates.line, resolve);
    if (templates.drugLine) lines.drugLine = bind(templates.drugLine, resolve);
    eob = { claim: bind(templates.claim, resolve), line: lines.line, drugLine: lines.drugLine };
    bound.set(key, eob);
  }
  return eob;
}

function resolver(name: string, type: ClaimType, version: FhirVersion, roles: readonly string[],
  lines: { line?: BoundTemplate<Ctx>; drugLine?: BoundTemplate<Ctx> }): Resolver<Ctx> {
  const [kind, arg = '', extra = ''] = name.split(':');
  switch (kind) {
    case 'items':
      return (ctx) => renderLines(ctx, type, lines);
    case 'm':
      return (ctx) => {
        const cents = ctx.lineMoney?.[arg] ?? ctx.money[arg];
        if (cents === undefined) throw new Error(`no value for money variable ${arg} on ${type}`);
        return formatMoney(cents);
      };
    case 'n':
      return (ctx) => String(unsignedInt(ctx.claim, arg, Number(extra)));
    case 'date':
      return dateResolver(arg, Number(extra));
    case 'dx':
      return diagnosisResolver(Number(arg), roles, version);
    case 'px':
      return (ctx) => procedureCodings(pick(ctx.codes.procedures, Number(arg)), version);
    case 'pxdate':
      return (ctx) => json(`${formatDay(ctx.claim.start + Math.min(Number(arg), ctx.claim.end - ctx.claim.start))}T00:00:00+00:00`);
    case 'seq':
      return (ctx) => String(ctx.seq);
    case 'units':
      return (ctx) => String(ctx.line?.units ?? 1);
    case 'q':
      return quantityResolver(arg);
    case 'ndc':
      return (ctx) => json(drugOf(ctx)?.[arg === 'code' ? 'ndc' : 'display'] ?? '');
    case 'rev':
      return (ctx) => json(arg === 'code' ? (ctx.line?.revenue ?? '') : (REVENUE_CENTERS[ctx.line?.revenue ?? ''] ?? ''));
    default:
      if (name.startsWith('hcpcs|')) return hcpcsResolver(name);
      if (name.startsWith('s:betos.')) {
        return (ctx) => json((ctx.line ?? ctx.claim.lines[0])?.service.betos[name.endsWith('code') ? 0 : 1] ?? '');
      }
      return (ctx) => {
        const value = ctx.strings[name];
        if (value === undefined) throw new Error(`no value for slot ${name} on ${type}`);
        return json(value);
      };
  }
}

function renderLines(ctx: Ctx, type: ClaimType, lines: { line?: BoundTemplate<Ctx>; drugLine?: BoundTemplate<Ctx> }): string {
  const { claim } = ctx;
  const list: (ClaimLine | undefined)[] = claim.fill ? [undefined] : claim.lines;
  const out = list.map((line, i) => {
    const template = line?.service.drug && lines.drugLine ? lines.drugLine : lines.line;
    if (!template) throw new Error('line template not bound');
    const lineCtx: Ctx = { claim, profile: ctx.profile, money: ctx.money, strings: ctx.strings, codes: ctx.codes,
      line, lineMoney: lineMoney(type, claim, line), seq: i + 1 };
    return render(template, lineCtx);
  });
  return `[${out.join(',')}]`;
}

function dateResolver(which: string, offset: number): Resolver<Ctx> {
  const day = (ctx: Ctx): number => {
    const { claim } = ctx;
    if (which === 'start' || which === 'line') return claim.start;
    if (which === 'end') return claim.end;
    // BFD's sample puts the qualifying stay weeks before the claim; here it ends just before the admission.
    if (which === 'rel') return claim.start + Math.round(offset / 8);
    return claim.procDay;
  };
  return (ctx) => json(formatDay(day(ctx)));
}

function diagnosisResolver(position: number, roles: readonly string[], version: FhirVersion): Resolver<Ctx> {
  const role = roles[position] ?? 'other';
  const external = roles.slice(0, position).filter((r) => r === 'external').length;
  const other = roles.slice(0, position).filter((r) => r === 'other').length;
  return (ctx) => {
    const { diagnoses, externalCauses } = ctx.codes;
    if (role === 'external') return diagnosisCodings(pick(externalCauses, external), version);
    if (role === 'other') return diagnosisCodings(pick(diagnoses, 1 + other), version);
    return diagnosisCodings(pick(diagnoses, 0), version);
  };
}

function hcpcsResolver(name: string): Resolver<Ctx> {
  const [, system = '', version = ''] = name.split('|');
  return (ctx) => {
    const service = ctx.line?.service;
    if (!service) throw new Error('a HCPCS slot outside a line');
    return hcpcsCoding(system, version, service);
  };
}

function quantityResolver(which: string): Resolver<Ctx> {
  return (ctx) => {
    const fill = ctx.claim.fill;
    if (!fill) throw new Error('a Part D quantity on a claim without a fill');
    return String(which === 'refill' ? fill.refill : which === 'daysSupply' ? fill.daysSupply : fill.quantity);
  };
}

function drugOf(ctx: Ctx): DrugProduct | undefined {
  if (ctx.claim.fill) return ctx.claim.fill.drug;
  const key = ctx.line?.service.drug;
  return key ? PART_B_DRUGS[key] : undefined;
}

function unsignedInt(claim: ClaimRecord, variable: string, fallback: number): number {
  const money = claim.institutional;
  if (variable === 'clm_utlztn_day_cnt') return money?.days ?? fallback;
  if (variable === 'bene_tot_coinsrnc_days_cnt') return money?.coinsuranceDays ?? 0;
  if (variable === 'clm_non_utlztn_days_cnt' || variable === 'bene_lrd_used_cnt') return 0;
  return fallback;
}
