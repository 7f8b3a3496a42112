import { describe, expect, it } from 'vitest';
import { getBeneficiary } from '../data/index';
import { ANCHOR, BASE, bearer, makeSandbox, tokensFor } from '../harness.test-support';

interface Bundle {
  resourceType: string;
  id: string;
  total: number;
  link: { relation: string; url: string }[];
  entry?: { resource: { id: string; type?: { coding: { system: string; code: string }[] } } }[];
}

describe('search paging and filters (docs/blue-button.md §8, §9)', async () => {
  const sb = makeSandbox();
  const t = await tokensFor(sb, { username: 'BBUser10023' });
  const h = bearer(t.access_token);
  const search = async (query = '', path = '/v2/fhir/ExplanationOfBenefit', base = BASE) => {
    const r = await sb.fetch(`${base}${path}${query}`, { headers: h });
    return { status: r.status, body: (await r.json()) as Bundle & { detail?: string } };
  };
  const expected = getBeneficiary(10023, { anchor: ANCHOR }).eobs;

  it('pages 10 at a time by default, in index order, and every page adds up', async () => {
    const ids: string[] = [];
    let url: string | undefined = `${BASE}/v2/fhir/ExplanationOfBenefit`;
    let pages = 0;
    while (url) {
      const r: Response = await sb.fetch(url, { headers: h });
      const body = (await r.json()) as Bundle;
      expect(body.total).toBe(23);
      expect(body.entry?.length).toBeLessThanOrEqual(10);
      for (const e of body.entry ?? []) {
        expect(Object.keys(e)).toEqual(['resource']);
        ids.push(e.resource.id);
      }
      url = body.link.find((l) => l.relation === 'next')?.url;
      pages++;
    }
    expect(pages).toBe(3);
    expect(ids).toEqual(expected.map((e) => e.id));
  });

  it('writes the links in order, on the host the client called', async () => {
    const { body } = await search(
      '/?startIndex=10',
      '/v2/fhir/ExplanationOfBenefit',
      'http://127.0.0.1:8000',
    );
    expect(body.link.map((l) => l.relation)).toEqual(['first', 'next', 'previous', 'last', 'self']);
    const q = `_format=application%2Fjson%2Bfhir&startIndex=20&_count=10&patient=${t.patient}`;
    expect(body.link[1]?.url).toBe(`http://127.0.0.1:8000/v2/fhir/ExplanationOfBenefit?${q}`);
    expect(body.link[4]?.url).toBe(
      `http://127.0.0.1:8000/v2/fhir/ExplanationOfBenefit/?_count=10&_format=application%2Fjson%2Bfhir&patient=${t.patient}&startIndex=10`,
    );
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('honours _count, its count alias and the limits', async () => {
    expect((await search('?_count=50')).body.entry).toHaveLength(23);
    expect((await search('?count=5')).body.entry).toHaveLength(5);
    expect((await search('?_count=51')).body).toEqual({ detail: 'value must be at most 50' });
    expect((await search('?_count=ten')).body).toEqual({ detail: 'expected int' });
    expect((await search('?startIndex=1.5')).status).toBe(400);
    expect((await search('?_count=0')).body.detail).toBe(
      "An error occurred contacting the upstream server:Invalid pageSize '0'",
    );
  });

  it('passes on BFD startIndex errors', async () => {
    expect((await search('?startIndex=23')).body).toEqual({
      detail:
        'An error occurred contacting the upstream server:Value for startIndex (23) must be less than than result size (23)',
    });
    expect((await search('?startIndex=-1')).body).toEqual({
      detail: 'An error occurred contacting the upstream server:Value for startIndex cannot be negative: -1',
    });
    const last = await search('?startIndex=22');
    expect(last.body.entry).toHaveLength(1);
    expect(last.body.link.map((l) => l.relation)).toEqual(['first', 'previous', 'last', 'self']);
  });

  it('filters by type: case-insensitive, comma lists, the eob-type system, a bare system', async () => {
    const pde = expected.filter((e) => e.type === 'pde').length;
    const carrier = expected.filter((e) => e.type === 'carrier').length;
    expect((await search('?type=PDE')).body.total).toBe(pde);
    expect((await search('?type=pde,carrier')).body.total).toBe(pde + carrier);
    const system = encodeURIComponent('https://bluebutton.cms.gov/resources/codesystem/eob-type|');
    expect((await search(`?type=${system}pde`)).body.total).toBe(pde);
    expect((await search(`?type=${system}`)).body.total).toBe(23);
    const bad = await search('?type=carrier,INVALID-TYPE,dme');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ detail: 'the type parameter value is not valid' });
    const links = (await search('?type=pde')).body.link;
    expect(links[0]?.url).toContain('type=pde');
  });

  it('filters by service-date and _lastUpdated and rejects bad operators', async () => {
    const cutoff = '2024-01-01';
    const after = expected.filter((e) => e.serviceEnd >= cutoff).length;
    expect((await search(`?service-date=ge${cutoff}`)).body.total).toBe(after);
    expect((await search(`?service-date=ge${cutoff}&service-date=lt${cutoff}`)).body.total).toBe(0);
    expect((await search('?service-date=eq2024-01-01')).body).toEqual({
      detail: 'the service-date operator is not valid',
    });
    expect((await search('?_lastUpdated=2024')).body).toEqual({
      detail: 'the _lastUpdated operator is not valid',
    });
    expect((await search('?_lastUpdated=gt2000-01-01')).body.total).toBe(23);
    expect((await search('?service-date=gtnot-a-date')).body.detail).toContain('Invalid date/time format');
  });

  it('ignores unknown parameters, takes the trailing slash, and omits entry when empty', async () => {
    const r = await search('/?excludeSAMHSA=true&includeTaxNumbers=true&foo=bar');
    expect(r.body.total).toBe(23);
    expect(r.body.link[0]?.url).not.toContain('foo');
    const empty = await tokensFor(sb, { username: 'BBUser10000' });
    const e = await sb.fetch(`${BASE}/v2/fhir/ExplanationOfBenefit`, { headers: bearer(empty.access_token) });
    const body = (await e.json()) as Bundle;
    expect(body.total).toBe(0);
    expect(body).not.toHaveProperty('entry');
    expect(body.link.map((l) => l.relation)).toEqual(['first', 'last', 'self']);
  });

  it('serves Patient and Coverage bundles and reads, v1 and v2', async () => {
    const patient = await search('', '/v2/fhir/Patient');
    expect(patient.body.total).toBe(1);
    expect(patient.body.link[0]?.url).toContain(`_id=${t.patient}`);
    const coverage = await search('', '/v1/fhir/Coverage/');
    expect(coverage.body.total).toBeGreaterThanOrEqual(2);
    expect(coverage.body.link[0]?.url).toContain(`beneficiary=Patient%2F${t.patient}`);
    const first = coverage.body.entry?.[0]?.resource.id ?? '';
    expect((await sb.fetch(`${BASE}/v1/fhir/Coverage/${first}`, { headers: h })).status).toBe(200);
    const eob = expected[0]?.id ?? '';
    const read = await sb.fetch(`${BASE}/v2/fhir/ExplanationOfBenefit/${eob}`, { headers: h });
    expect(((await read.json()) as { id: string }).id).toBe(eob);
    expect((await sb.fetch(`${BASE}/v2/fhir/Patient/${t.patient}`, { headers: h })).status).toBe(200);
  });

  it('serves a 50-EOB page from the middle of a large beneficiary', async () => {
    const big = await tokensFor(sb, { username: 'BBUser11000' });
    const r = await sb.fetch(`${BASE}/v2/fhir/ExplanationOfBenefit?_count=50&startIndex=100`, {
      headers: bearer(big.access_token),
    });
    const body = (await r.json()) as Bundle;
    const all = getBeneficiary(11000, { anchor: ANCHOR }).eobs;
    expect(body.total).toBe(1000);
    expect(body.entry?.map((e) => e.resource.id)).toEqual(all.slice(100, 150).map((e) => e.id));
  });
});
