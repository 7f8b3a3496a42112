import type { Json } from './samples';
import { slot } from './template';

/**
 * Marks a real BFD EOB sample (fixtures/bluebutton/bfd-v*-eob-*.json) for use as a template: every
 * value that differs per claim becomes a slot, everything else stays exactly as BFD wrote it.
 * Money is found by its CCW variable (docs/blue-button.md §13.2), dates by where they fall against the
 * sample's billable period (§13.3), provider ids and names by the sample's own placeholder values.
 */

const VAR = /\/resources\/variables\/([a-z0-9_]+)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;
const NUCC = 'http://nucc.org/provider-taxonomy';

/** Sample placeholder strings and the slot each becomes. */
const STRING_SLOTS: Readonly<Record<string, string>> = {
  'Fake ORG Name': 's:orgName',
  '0000000000': 's:orgNpi',
  '1234567890': 's:orgNpi',
  'ADVANTAGE HOME HEALTH CARE, INC.': 's:pharmacyName',
  '1023011079': 's:pharmacyNpi',
  'DR. ROBERT BISBEE MD': 's:prescriberName',
  '1750384806': 's:prescriberNpi',
  '8765676': 's:referringNpi',
  '1306849450': 's:referringNpi',
  '1923124': 's:performingNpi',
  '1244444444': 's:performingNpi',
  '345345345': 's:performingNpi',
  '2222222222': 's:attendingNpi',
  '161999999': 's:attendingNpi',
  '8888888888': 's:attendingNpi',
  '3333333333': 's:operatingNpi',
  '3333444555': 's:operatingNpi',
  '4444444444': 's:otherNpi',
  '161943433': 's:otherNpi',
  '74655592568216': 's:controlNum',
  '23443453453': 's:controlNum',
  '08683096577486': 's:controlNum',
  '2718813985998': 's:controlNum',
  '28486613848': 's:controlNum',
  '32490593716374487': 's:controlNum',
  '261660474641024': 's:controlNum',
  '799999': 's:rxRef',
  H9999: 's:planContract',
  '777776': 's:ccn',
  '299999': 's:ccn',
  '45645': 's:ccn',
  '12345': 's:ccn',
  '999999': 's:ccn',
};

/** Codings whose code (and display) vary per claim, by CCW variable. */
const CODING_SLOTS: Readonly<Record<string, readonly [code: string, display: string]>> = {
  prvdr_spclty: ['s:spec.cms', 's:spec.cmsDisplay'],
  brnd_gnrc_cd: ['s:brand.code', 's:brand.display'],
  betos_cd: ['s:betos.code', 's:betos.display'],
  prvdr_state_cd: ['s:state', ''],
  dmerc_line_prcng_state_cd: ['s:state', ''],
  prvdr_zip: ['s:zip', ''],
};

/** The claim's dates in a sample, used to place every other date against them. */
export interface SampleSpan {
  start: string;
  end: string;
}

/** The CCW variable a money/coding element is about, from its codings or url. */
export function ccwVariable(codings: unknown, url?: unknown): string | undefined {
  if (typeof url === 'string') return VAR.exec(url)?.[1];
  if (!Array.isArray(codings)) return undefined;
  for (const coding of codings as Json[]) {
    const match = typeof coding.code === 'string' ? VAR.exec(coding.code) : null;
    if (match?.[1]) return match[1];
  }
  return undefined;
}

function moneyVar(owner: Json, key: string): string {
  if (key === 'valueMoney') return ccwVariable(undefined, owner.url) ?? 'zero';
  const concept = (owner.category ?? owner.type) as Json | undefined;
  const found = ccwVariable(concept?.coding);
  if (found) return found;
  const c4bb = ((concept?.coding ?? []) as Json[])[0]?.code;
  return c4bb === 'drugcost' ? 'tot_rx_cst_amt' : 'zero';
}

function dateSlot(value: string, key: string, span: SampleSpan): string {
  const days = (Date.parse(value) - Date.parse(span.start)) / DAY_MS;
  const afterEnd = Date.parse(value) > Date.parse(span.end);
  if (value === span.start) return 'date:start';
  if (value === span.end || (afterEnd && key === 'end')) return 'date:end';
  if (afterEnd) return key === 'start' ? 'date:start' : 'date:proc';
  if (days > 0 || days < -120) return 'date:start';
  return `date:rel:${days}`;
}

/** Marks a value in place; `inItem` switches dates and quantities to the line's own. */
export function markTree(node: Json, span: SampleSpan, inItem: boolean): void {
  for (const [key, value] of Object.entries(node)) {
    if (value && typeof value === 'object') {
      if (Array.isArray(value)) {
        value.forEach((child) => {
          if (child && typeof child === 'object') markTree(child as Json, span, inItem);
        });
        continue;
      }
      const child = value as Json;
      if ((key === 'amount' || key === 'usedMoney' || key === 'valueMoney' || key === 'totalCost') &&
        typeof child.value === 'number') {
        child.value = slot(`m:${key === 'totalCost' ? 'clm_tot_chrg_amt' : moneyVar(node, key)}`);
        continue;
      }
      markTree(child, span, inItem);
      continue;
    }
    if (key === 'usedUnsignedInt') {
      node[key] = slot(`n:${ccwVariable((node.type as Json | undefined)?.coding) ?? 'x'}:${String(value)}`);
    } else if (typeof value === 'string') {
      markString(node, key, value, span, inItem);
    }
  }
  markCoding(node);
}

function markString(node: Json, key: string, value: string, span: SampleSpan, inItem: boolean): void {
  const named = STRING_SLOTS[value];
  // A placeholder NPI is also the code of v1's us-npi careTeam extension; other codes stay as they are.
  const npiCode = key === 'code' && typeof node.system === 'string' && node.system.endsWith('us-npi');
  if (named && (npiCode || (key !== 'system' && key !== 'code'))) node[key] = slot(named);
  else if (DATE.test(value)) node[key] = slot(inItem ? 'date:line' : dateSlot(value, key, span));
}

function markCoding(node: Json): void {
  if (typeof node.system !== 'string' || typeof node.code !== 'string') return;
  if (node.system === NUCC) {
    node.code = slot('s:spec.nucc');
    node.display = slot('s:spec.nuccDisplay');
    return;
  }
  const variable = VAR.exec(node.system)?.[1];
  const slots = variable ? CODING_SLOTS[variable] : undefined;
  if (!slots) return;
  node.code = slot(slots[0]);
  if (slots[1]) node.display = slot(slots[1]);
}
