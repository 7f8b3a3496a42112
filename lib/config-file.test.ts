import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfigFile } from './config-file';

const emptyDir = () => mkdtempSync(path.join(tmpdir(), 'bb-config-file-'));

describe('readConfigFile', () => {
  it('is empty without a file, and reads the first of .json, .yaml and .yml', () => {
    const dir = emptyDir();
    expect(readConfigFile({}, dir)).toEqual({ ok: true, config: {} });
    writeFileSync(path.join(dir, '.bluebutton-config.yml'), 'environment: PRODUCTION\n');
    writeFileSync(
      path.join(dir, '.bluebutton-config.yaml'),
      'environment: SANDBOX\ntoken_refresh_on_expire: "0"\n',
    );
    expect(readConfigFile({}, dir)).toEqual({
      ok: true,
      config: { environment: 'SANDBOX', token_refresh_on_expire: false },
    });
  });

  it('names the file and the key of what it cannot use', () => {
    const dir = emptyDir();
    writeFileSync(path.join(dir, 'bad.json'), '{');
    writeFileSync(path.join(dir, 'typo.yaml'), 'clientid: x\n');
    expect(readConfigFile({ BB_CONFIG_FILE: 'bad.json' }, dir)).toEqual({
      ok: false,
      problem: 'bad.json is not valid JSON',
    });
    expect(readConfigFile({ BB_CONFIG_FILE: 'typo.yaml' }, dir)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('typo.yaml: clientid'),
    });
    expect(readConfigFile({ BB_CONFIG_FILE: 'nope.yaml' }, dir)).toEqual({
      ok: false,
      problem: 'BB_CONFIG_FILE: nope.yaml does not exist',
    });
  });
});
