import { readFileSync } from 'node:fs';
import type { ClaimType } from './types';

/**
 * Test-only readers: the docs/money.md look-ups (claim value, line sum, money per claim,
 * prescription fields) and the fidelity collectors (coding systems, money variables), written
 * independently of the generator so the tests check its output the way the app will read it.
 */

/** Parsed JSON read loosely by test assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests walk arbitrary FHIR JSON
export type LooseJson = any;

/** A parsed FHIR resource. */
export type Resource = Record<string, unknown> & { resourceType?: string };
type Obj = Record<string, unknown>;

const asArray = (value: unknown): Obj[] => (Array.isArray(value) ? (value as Obj[]) : []);
const codings = (concept: unknown): Obj[] => asArray((concept as Obj | undefined)?.coding);
const endsWithVar = (code: unknown, name: string) => typeof code === 'string' && code.endsWith(`/${name}`);
const num = (value: unknown): number => (value === undefined || value === null ? 0 : Number(value));

/** A fixture sample, read relative to this module (never from outside the repository). */
export function readFixture(file: string): Resource {
  return JSON.parse(readFileSync(new URL(`../../fixtures/bluebutton/${file}`, import.meta.url), 'utf8')) as Resource;
}

/** docs/money.md "claim value V": total[], then benefitBalance financial, then extension valueMoney. */
export function claimValue(eob: Resource, name: string): number | undefined {
  for (const total of asArray(eob.total)) {
    if (codings(total.category).some((c) => endsWithVar(c.code, name))) return num((total.amount as Obj)?.value);
  }
  for (const balance of asArray(eob.benefitBalance)) {
    for (const financial of asArray(balance.financial)) {
      if (codings(financial.type).some((c) => endsWithVar(c.code, name))) return num((financial.usedMoney as Obj)?.value);
    }
  }
  for (const ext of asArray(eob.extension)) {
    if (endsWithVar(ext.url, name) && ext.valueMoney) return num((ext.valueMoney as Obj).value);
  }
  return undefined;
}

/** docs/money.md "line sum V". */
export function lineSum(eob: Resource, name: string): number {
  let sum = 0;
  for (const item of asArray(eob.item)) {
    for (const adj of asArray(item.adjudication)) {
      if (codings(adj.category).some((c) => endsWithVar(c.code, name)) && adj.amount) sum += num((adj.amount as Obj).value);
    }
  }
  return sum;
}

/** The claim type from the eob-type coding, lower-cased. */
export function claimType(eob: Resource): ClaimType | undefined {
  const coding = codings(eob.type).find((c) => String(c.system).endsWith('/codesystem/eob-type'));
  return typeof coding?.code === 'string' ? (coding.code.toLowerCase() as ClaimType) : undefined;
}

/** docs/money.md "Money per claim". */
export function contractMoney(eob: Resource): { billed: number; medicarePaid: number; youPaid: number } {
  const type = claimType(eob);
  const payment = num(((eob.payment as Obj | undefined)?.amount as Obj | undefined)?.value);
  const cv = (name: string) => claimValue(eob, name) ?? 0;
  const institutionalBilled = claimValue(eob, 'clm_tot_chrg_amt') ?? num((eob.totalCost as Obj | undefined)?.value);
  switch (type) {
    case 'inpatient':
    case 'snf':
      return { billed: institutionalBilled, medicarePaid: payment,
        youPaid: cv('nch_bene_ip_ddctbl_amt') + cv('nch_bene_pta_coinsrnc_lblty_amt') + cv('nch_bene_blood_ddctbl_lblty_am') };
    case 'outpatient':
      return { billed: institutionalBilled, medicarePaid: payment,
        youPaid: cv('nch_bene_ptb_ddctbl_amt') + cv('nch_bene_ptb_coinsrnc_amt') + cv('nch_bene_blood_ddctbl_lblty_am') };
    case 'hha':
    case 'hospice':
      return { billed: institutionalBilled, medicarePaid: payment, youPaid: 0 };
    case 'carrier':
    case 'dme':
      return { billed: claimValue(eob, 'nch_carr_clm_sbmtd_chrg_amt') ?? lineSum(eob, 'line_sbmtd_chrg_amt'),
        medicarePaid: payment, youPaid: lineSum(eob, 'line_bene_ptb_ddctbl_amt') + lineSum(eob, 'line_coinsrnc_amt') };
    case 'pde':
      return { billed: lineSum(eob, 'tot_rx_cst_amt'),
        medicarePaid: lineSum(eob, 'cvrd_d_plan_pd_amt') + lineSum(eob, 'ncvrd_plan_pd_amt'), youPaid: lineSum(eob, 'ptnt_pay_amt') };
    default:
      return { billed: 0, medicarePaid: 0, youPaid: 0 };
  }
}

/** docs/money.md "Prescription fields (pde claims)" of a pde EOB. */
export function prescription(eob: Resource) {
  const item = asArray(eob.item)[0] ?? {};
  const product = (item.productOrService ?? item.service) as Obj | undefined;
  const ndc = codings(product).find((c) => String(c.system).endsWith('/sid/ndc'));
  const quantity = item.quantity as Obj | undefined;
  const info = (code: string) => asArray(eob.supportingInfo).find((s) => codings(s.category).some((c) => c.code === code));
  const ext = (suffix: string) => asArray(quantity?.extension).find((e) => String(e.url).endsWith(suffix));
  const value = (entry: Obj | undefined) => (entry?.valueQuantity as Obj | undefined)?.value;
  return {
    ndc: String(ndc?.code ?? ''),
    drugName: String(ndc?.display ?? ''),
    daysSupply: num(value(info('dayssupply')) ?? value(ext('/days_suply_num'))),
    refillNumber: num(value(info('refillnum')) ?? value(ext('/fill_num'))),
    quantity: num(quantity?.value),
    date: String((eob.billablePeriod as Obj).start),
  };
}

/** Every `system` string anywhere in a resource. */
export function systemsOf(resource: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(resource)) for (const child of resource) systemsOf(child, out);
  else if (resource && typeof resource === 'object') {
    for (const [key, value] of Object.entries(resource)) {
      if (key === 'system' && typeof value === 'string') out.add(value);
      else systemsOf(value, out);
    }
  }
  return out;
}

const VAR = /\/resources\/variables\/([a-z0-9_]+)$/;

/** The CCW variables attached to a money amount (adjudication, total, benefitBalance, valueMoney), plus `payment`. */
export function moneyVariablesOf(resource: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(resource)) for (const child of resource) moneyVariablesOf(child, out);
  else if (resource && typeof resource === 'object') {
    const obj = resource as Obj;
    const add = (code: unknown) => {
      const match = typeof code === 'string' ? VAR.exec(code) : null;
      if (match?.[1]) out.add(match[1]);
    };
    if (obj.amount && obj.category) codings(obj.category).forEach((c) => add(c.code));
    if (obj.usedMoney && obj.type) codings(obj.type).forEach((c) => add(c.code));
    if (obj.valueMoney) add(obj.url);
    if ((obj.payment as Obj | undefined)?.amount) out.add('payment');
    for (const value of Object.values(obj)) moneyVariablesOf(value, out);
  }
  return out;
}
