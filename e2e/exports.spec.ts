import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { CLAIM_TYPE_CATALOGUE } from '../lib/claims/catalogue';
import type { ClaimType } from '../lib/claims/types';
import { AppClient, appUrl, control, signInWithMedicare } from './support';

// The downloads over HTTP against `next start` and the sandbox: the CSV files read back with a real CSV parser
// and compared with the JSON lists, the streamed FHIR Bundle compared with the claims, one claim's FHIR, the
// headers, the refusals, a failure in the middle of a stream, and the links on the pages in a real browser.

test.beforeEach(async () => {
  await control.reset();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON bodies of many shapes, checked by the assertions
type Json = Record<string, any>;
type Row = Record<string, string>;

async function signedIn(user = 'BBUser10120', shareDemographics = true) {
  const client = new AppClient();
  await client.signIn({ user, shareDemographics });
  return client;
}

async function getJson(client: AppClient, path: string) {
  const response = await client.fetch(path);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Json };
}

const utcDay = () => new Date().toISOString().slice(0, 10);

/** Fetches `path`, checks it is a no-store attachment named `<stem>-<today>.<extension>`, returns its text. */
async function download(client: AppClient, path: string, stem: string, extension: string, type: string) {
  const before = utcDay();
  const response = await client.fetch(path);
  const after = utcDay();
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-type')).toBe(type);
  expect(response.headers.get('cache-control')).toBe('private, no-store');
  const disposition = response.headers.get('content-disposition') ?? '';
  expect([before, after].map((day) => `attachment; filename="${stem}-${day}.${extension}"`)).toContain(
    disposition,
  );
  return { headers: response.headers, text: await response.text() };
}

/** Parses CSV text as a spreadsheet would get it: a header record, CRLF line ends. */
function readCsv(text: string): Row[] {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(/(?<!\r)\n/.test(text), 'a line end without CR').toBe(false);
  return parse(text, { columns: true, record_delimiter: '\r\n' }) as Row[];
}

/** Text as the CSV writes it: a leading `'` on what a spreadsheet would read as a formula. */
const asText = (value: string | null | undefined) => {
  const text = value ?? '';
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
};
const asNumber = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : String(value);
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** Every claim of the JSON list with `params`, all pages. */
async function allClaims(client: AppClient, params: string): Promise<Json[]> {
  const items: Json[] = [];
  for (let page = 1; ; page += 1) {
    const { status, body } = await getJson(client, `/api/claims?${params}&pageSize=100&page=${page}`);
    expect(status).toBe(200);
    items.push(...(body.items as Json[]));
    if (items.length >= body.total) return items;
  }
}

async function claimsCsv(client: AppClient, params: string) {
  const file = await download(
    client,
    `/api/claims?format=csv&${params}`,
    'medicare-claims',
    'csv',
    'text/csv; charset=utf-8',
  );
  return { ...file, rows: readCsv(file.text) };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

test('the claims CSV has every claim of the list, cell by cell, with the same totals', async () => {
  const client = await signedIn('BBUser10120');
  const items = await allClaims(client, '');
  expect(items).toHaveLength(120);
  const { rows, text, headers } = await claimsCsv(client, '');
  expect(headers.get('data-source')).toMatch(/^(loaded|joined|cache|cooldown)$/);
  expect(Number.isNaN(Date.parse(headers.get('data-fetched-at') ?? ''))).toBe(false);
  expect(text.split('\r\n')[0]).toBe(
    'Date,Kind of care,Provider,What it was for,Billed,Paid by Medicare,You may have paid,Claim id',
  );
  expect(rows).toEqual(
    items.map((c) => ({
      Date: c.serviceStart ?? '',
      'Kind of care': CLAIM_TYPE_CATALOGUE[c.type as ClaimType].label,
      Provider: asText(c.provider),
      'What it was for': asText(c.summary),
      Billed: String(c.billed),
      'Paid by Medicare': String(c.medicarePaid),
      'You may have paid': String(c.youPaid),
      'Claim id': asText(c.id),
    })),
  );
  for (const row of rows) {
    expect(row.Date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const amount of [row.Billed, row['Paid by Medicare'], row['You may have paid']])
      expect(amount).toMatch(PLAIN_NUMBER);
  }
  for (const [column, field] of [
    ['Billed', 'billed'],
    ['Paid by Medicare', 'medicarePaid'],
    ['You may have paid', 'youPaid'],
  ] as const) {
    expect(sum(rows.map((r) => Number(r[column])))).toBeCloseTo(sum(items.map((c) => c[field] as number)), 6);
  }
});

test('the claims CSV takes the filters and order of the list, and refuses pages', async () => {
  const client = await signedIn('BBUser10120');
  const all = await allClaims(client, 'sort=date-asc');
  const dates = all.map((c) => c.serviceStart as string | null).filter((d) => d !== null);
  const [first, middle] = [dates[0]!, dates[Math.floor(dates.length / 2)]!];
  const word = String(all.find((c) => c.provider)?.provider ?? 'a')
    .split(/\s+/)[0]!
    .toLowerCase();
  const cases = [
    'type=carrier',
    'type=pde&type=dme',
    'type=outpatient,inpatient&sort=you-paid-desc',
    `from=${first}&to=${middle}`,
    `q=${encodeURIComponent(word)}&sort=billed-desc`,
    'sort=date-asc',
    'q=nothing-matches-this',
  ];
  for (const params of cases) {
    const items = await allClaims(client, params);
    const { rows } = await claimsCsv(client, params);
    expect(
      rows.map((r) => r['Claim id']),
      params,
    ).toEqual(items.map((c) => c.id));
  }
  for (const [path, name] of [
    ['/api/claims?format=csv&page=2', 'page'],
    ['/api/claims?format=csv&pageSize=10', 'pageSize'],
    ['/api/claims?format=xml', 'format'],
    ['/api/claims?format=', 'format'],
    ['/api/prescriptions?format=CSV', 'format'],
    ['/api/claims?format=csv&type=dentist', 'type'],
  ] as const) {
    const response = await getJson(client, path);
    expect(response.status, path).toBe(400);
    expect(response.body.error.code).toBe('bad_request');
    expect(response.body.error.message).toContain(name);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  }
  // JSON stays the default, and paging still works there.
  expect((await getJson(client, '/api/claims?format=json&page=2&pageSize=100')).body.items).toHaveLength(20);
});

test('the prescriptions CSV has one row per fill of the list, with the same filters', async () => {
  const client = await signedIn('BBUser10120');
  const { body } = await getJson(client, '/api/prescriptions');
  const fills = body.items as Json[];
  expect(fills.length).toBeGreaterThan(0);
  const file = await download(
    client,
    '/api/prescriptions?format=csv',
    'medicare-prescriptions',
    'csv',
    'text/csv; charset=utf-8',
  );
  const rows = readCsv(file.text);
  expect(rows).toEqual(
    fills.map((p) => ({
      Date: p.date ?? '',
      Drug: asText(p.drugName),
      NDC: asText(p.ndc),
      'Days supply': asNumber(p.daysSupply),
      Quantity: asNumber(p.quantity),
      'Refill number': asNumber(p.refillNumber),
      Pharmacy: asText(p.pharmacy?.name),
      'Total cost': String(p.totalCost),
      'Plan paid': String(p.planPaid),
      'You paid': String(p.youPaid),
      'Claim id': asText(p.id),
    })),
  );
  expect(sum(rows.map((r) => Number(r['You paid'])))).toBeCloseTo(
    sum(fills.map((p) => p.youPaid as number)),
    6,
  );

  const drug = String(fills[0]!.drugName).slice(0, 5);
  const dated = fills.filter((p) => p.date);
  const params = `q=${encodeURIComponent(drug)}&from=${dated[Math.floor(dated.length / 2)]!.date}`;
  const filtered = (await getJson(client, `/api/prescriptions?${params}`)).body.items as Json[];
  const filteredCsv = await client.fetch(`/api/prescriptions?format=csv&${params}`);
  expect(readCsv(await filteredCsv.text()).map((r) => r['Claim id'])).toEqual(filtered.map((p) => p.id));
});

interface Bundle {
  resourceType: string;
  type: string;
  timestamp: string;
  entry?: { resource: Json }[];
}

async function fhirExport(client: AppClient): Promise<Bundle> {
  const { text } = await download(
    client,
    '/api/export/fhir',
    'medicare-data',
    'json',
    'application/fhir+json',
  );
  return JSON.parse(text) as Bundle;
}

const ofType = (bundle: Bundle, type: string) =>
  (bundle.entry ?? []).map((e) => e.resource).filter((r) => r.resourceType === type);

test('the FHIR export is one collection Bundle with the Patient, the Coverage and every claim', async () => {
  const client = await signedIn('BBUser10120');
  const started = Date.now();
  const bundle = await fhirExport(client);
  expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
  expect(Math.abs(Date.parse(bundle.timestamp) - started)).toBeLessThan(60_000);
  const claims = await allClaims(client, '');
  const eobs = ofType(bundle, 'ExplanationOfBenefit');
  expect(eobs.map((r) => r.id).sort()).toEqual(claims.map((c) => c.id).sort());
  const coverage = (await getJson(client, '/api/coverage')).body.items as Json[];
  expect(
    ofType(bundle, 'Coverage')
      .map((r) => r.id)
      .sort(),
  ).toEqual(coverage.map((c) => c.id).sort());
  // The beneficiary's own Patient (the sandbox's ids follow the user number); /api/profile never shows it.
  expect(ofType(bundle, 'Patient').map((r) => r.id)).toEqual(['-10000000010120']);
  expect(bundle.entry).toHaveLength(eobs.length + coverage.length + 1);

  // One claim as received: the same resource as in the Bundle, read by id from Medicare.
  const pde = eobs.find((r) => String(r.id).startsWith('pde-')) ?? eobs[0]!;
  const one = await download(
    client,
    `/api/claims/${pde.id}/fhir`,
    `medicare-claim-${pde.id}`,
    'json',
    'application/fhir+json',
  );
  expect(JSON.parse(one.text)).toEqual(pde);
});

test('declined demographics: the FHIR export has no Patient', async () => {
  const client = await signedIn('BBUser00002', false);
  const bundle = await fhirExport(client);
  expect(ofType(bundle, 'Patient')).toEqual([]);
  expect(ofType(bundle, 'Coverage').length).toBeGreaterThan(0);
  const claims = await allClaims(client, '');
  expect(
    ofType(bundle, 'ExplanationOfBenefit')
      .map((r) => r.id)
      .sort(),
  ).toEqual(claims.map((c) => c.id).sort());
});

test('one claim as FHIR: an id that is not one of yours is a 404 without asking Medicare; garbage is a 400', async () => {
  const client = await signedIn('BBUser10020');
  const other = await signedIn('BBUser10030');
  const theirs = (await allClaims(other, ''))[0]!.id as string;
  await allClaims(client, '');
  await control.clearRequests();
  for (const id of [theirs, 'carrier--1']) {
    const response = await getJson(client, `/api/claims/${id}/fhir`);
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  }
  const garbage = await getJson(client, '/api/claims/a%20b%3Bc/fhir');
  expect(garbage.status).toBe(400);
  expect(garbage.body.error.message).toContain('id');
  expect(await control.count('eob')).toBe(0);
});

test('not signed in: every download is the 401 envelope', async () => {
  for (const path of [
    '/api/claims?format=csv',
    '/api/prescriptions?format=csv',
    '/api/export/fhir',
    '/api/claims/carrier--1/fhir',
  ]) {
    const response = await getJson(new AppClient(), path);
    expect(response.status, path).toBe(401);
    expect(response.body).toEqual({ error: { code: 'not_signed_in', message: expect.any(String) } });
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-disposition')).toBeNull();
  }
});

test('Medicare failing before the first byte is an error answer; after it, the download fails', async () => {
  const client = await signedIn('BBUser11400');
  await control.script('fhir', { status: 500, json: { detail: 'boom' }, times: 200 });
  const before = await getJson(client, '/api/export/fhir');
  expect(before.status).toBe(503);
  expect(before.body.error.code).toBe('medicare_unavailable');
  expect(before.headers.get('content-disposition')).toBeNull();
  await control.clearScripts();

  // The first page of each claim search arrives; every later page keeps failing.
  await control.script('eob', [{ times: 8 }, { status: 500, json: { detail: 'boom' }, times: 400 }]);
  const response = await client.fetch('/api/export/fhir');
  expect(response.status).toBe(200);
  const received = { text: '' };
  const reading = (async () => {
    const decoder = new TextDecoder();
    const reader = response.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      received.text += decoder.decode(read.value, { stream: true });
    }
  })();
  await expect(reading).rejects.toThrow();
  expect(received.text).toContain('"resourceType":"Bundle"');
  expect(() => JSON.parse(received.text)).toThrow();
  await control.clearScripts();

  // The app keeps serving, and the next export is whole.
  const whole = await fhirExport(client);
  expect(ofType(whole, 'ExplanationOfBenefit')).toHaveLength(1400);
});

test('the download links on the pages save the files, the claims one with the filters shown', async ({
  page,
}) => {
  await signInWithMedicare(page, { user: 'BBUser10120' });
  await expect(page).toHaveURL(`${appUrl}/dashboard`);

  await page.goto('/dashboard/claims?type=carrier&sort=billed-desc');
  const [claims] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download these claims (CSV)' }).click(),
  ]);
  expect(claims.suggestedFilename()).toMatch(/^medicare-claims-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = readCsv(readFileSync(await claims.path(), 'utf8'));
  const list = (await (
    await page.request.get('/api/claims?type=carrier&sort=billed-desc&pageSize=100')
  ).json()) as Json;
  expect(rows.map((r) => r['Claim id'])).toEqual((list.items as Json[]).map((c) => c.id));

  await page.goto('/dashboard/prescriptions');
  const [fills] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download all fills (CSV)' }).click(),
  ]);
  expect(fills.suggestedFilename()).toMatch(/^medicare-prescriptions-\d{4}-\d{2}-\d{2}\.csv$/);

  await page.goto('/dashboard/profile');
  const [fhir] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download all my Medicare data (FHIR JSON)' }).click(),
  ]);
  expect(fhir.suggestedFilename()).toMatch(/^medicare-data-\d{4}-\d{2}-\d{2}\.json$/);
  const bundle = JSON.parse(readFileSync(await fhir.path(), 'utf8')) as Bundle;
  expect(ofType(bundle, 'ExplanationOfBenefit')).toHaveLength(120);
});
