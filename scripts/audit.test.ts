import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { judge, triagedIds } from './audit.mjs';

const README = `# App

## Dependency audit

| advisory | package | why it does not apply |
| --- | --- | --- |
| GHSA-aaaa-bbbb-cccc | left | only reachable from a dev tool |

## Next section

GHSA-zzzz-zzzz-zzzz is not in the section.
`;

const report = (severity: string, url: string) => ({
  auditReportVersion: 2,
  vulnerabilities: {
    left: { name: 'left', severity, via: [{ source: 1, name: 'left', title: 'Bad thing', url, severity }] },
    other: { name: 'other', severity: 'moderate', via: ['left'] },
  },
});

describe('the dependency audit', () => {
  it('reads the GHSA ids of the README section only', () => {
    expect([...triagedIds(README)]).toEqual(['GHSA-aaaa-bbbb-cccc']);
    expect(triagedIds('# No section').size).toBe(0);
  });

  it('fails on a high or critical advisory that is not triaged, and passes a triaged one', () => {
    const triaged = triagedIds(README);
    const open = judge(report('critical', 'https://github.com/advisories/GHSA-zzzz-zzzz-zzzz'), triaged);
    expect(open.status).toBe('failed');
    expect(open.findings).toEqual([
      {
        package: 'left',
        severity: 'critical',
        id: 'GHSA-zzzz-zzzz-zzzz',
        title: 'Bad thing',
        triaged: false,
      },
    ]);
    expect(judge(report('high', 'https://github.com/advisories/GHSA-aaaa-bbbb-cccc'), triaged).status).toBe(
      'ok',
    );
  });

  it('ignores moderate and low advisories, and says when the endpoint could not be reached', () => {
    expect(judge(report('moderate', 'https://github.com/advisories/GHSA-zzzz-zzzz-zzzz'), new Set())).toEqual(
      {
        status: 'ok',
        findings: [],
      },
    );
    expect(judge({ error: { code: 'E405', summary: 'Method Not Allowed' } }, new Set())).toEqual({
      status: 'unreachable',
      message: 'Method Not Allowed',
    });
    // What an offline mirror makes npm print: the failed request itself.
    const failed = {
      message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
    };
    expect(judge(failed, new Set())).toMatchObject({ status: 'unreachable', message: failed.message });
  });
});
