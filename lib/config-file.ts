import 'server-only';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/**
 * The one reader of the optional config file with the keys of CMS's SDKs
 * (https://github.com/CMSgov/cms-bb2-node-sdk, https://github.com/CMSgov/cms-bb2-python-sdk):
 * `BB_CONFIG_FILE`, else `.bluebutton-config.json`, `.yaml` or `.yml` in the working directory.
 * lib/config.ts completes the environment with it; `npm run dev` (scripts/dev.ts) reads its `environment`.
 */

/** The file names looked for, in order, when `BB_CONFIG_FILE` is not set. */
export const CONFIG_FILE_NAMES = [
  '.bluebutton-config.json',
  '.bluebutton-config.yaml',
  '.bluebutton-config.yml',
];

/** A boolean setting: YAML/JSON `true`/`false`, or the strings `true`, `false`, `1`, `0` of the environment. */
export const bool = z.union([
  z.boolean(),
  z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1'),
]);

const fileSchema = z
  .object({
    environment: z.string().optional(),
    version: z.union([z.number(), z.string()]).optional(),
    client_id: z.string().optional(),
    client_secret: z.string().optional(),
    callback_url: z.string().optional(),
    token_refresh_on_expire: bool.optional(),
    retry_settings: z
      .object({
        total: z.number().optional(),
        backoff_factor: z.number().optional(),
        status_forcelist: z.array(z.number()).optional(),
      })
      .optional(),
  })
  .strict();

/** The settings of the config file, in the SDKs' keys. */
export type FileConfig = z.infer<typeof fileSchema>;

/** The file's settings (`{}` without a file), or what is wrong with it, naming the file and the key. */
export type ConfigFileResult = { ok: true; config: FileConfig } | { ok: false; problem: string };

/** Reads and checks the config file for `env` (its `BB_CONFIG_FILE`) and the working directory `cwd`. */
export function readConfigFile(env: Record<string, string | undefined>, cwd: string): ConfigFileResult {
  const explicit = env.BB_CONFIG_FILE;
  const candidates = explicit
    ? [path.resolve(/*turbopackIgnore: true*/ cwd, explicit)]
    : CONFIG_FILE_NAMES.map((f) => path.join(/*turbopackIgnore: true*/ cwd, f));
  const file = candidates.find((f) => existsSync(f));
  if (!file)
    return explicit
      ? { ok: false, problem: `BB_CONFIG_FILE: ${explicit} does not exist` }
      : { ok: true, config: {} };
  let raw: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    raw = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch {
    const format = file.endsWith('.json') ? 'JSON' : 'YAML';
    return { ok: false, problem: `${path.basename(file)} is not valid ${format}` };
  }
  const parsed = fileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path.join('.') || (issue && 'keys' in issue ? String(issue.keys) : '');
    return { ok: false, problem: `${path.basename(file)}: ${key} ${issue?.message ?? ''}`.trim() };
  }
  return { ok: true, config: parsed.data };
}
