/**
 * The work behind `npm run summarize -- FILE...`: read FHIR JSON files (a resource or a Bundle each), offline,
 * normalize them and build the contract's summary. Bad input (a missing file, a file that is not JSON, JSON
 * without a FHIR `resourceType`, a Bundle whose `entry` is not an array) is an `input_file` error naming the
 * file. See docs/money.md "Output shape".
 */
import { readFile as readFileFromDisk } from 'node:fs/promises';
import { isRecord } from '../json';
import { AppError } from '../errors';
import { inputFileError } from './errors';
import { createNormalizer } from './normalize';
import type { SkippedCounts } from './normalized-data';
import { summarize } from './summarize';
import type { Summary } from './summary-types';

/** The summary of the files, and how many resources in them were not counted. */
export interface FilesSummary {
  summary: Summary;
  unreadable: number;
  skipped: SkippedCounts;
}

/** Options of {@link summarizeFiles}; `readFile` reads a file as UTF-8 text (default: from disk). */
export interface SummarizeFilesOptions {
  readFile?: (path: string) => Promise<string>;
}

const READ_PROBLEMS: Record<string, string> = {
  ENOENT: 'file not found',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
};

async function readText(path: string, readFile: (path: string) => Promise<string>): Promise<string> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const problem = (typeof code === 'string' && READ_PROBLEMS[code]) || 'could not be read';
    throw inputFileError(path, problem, error);
  }
}

function parseResource(path: string, text: string): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw inputFileError(path, 'not valid JSON');
  }
  if (!isRecord(json) || typeof json.resourceType !== 'string') {
    throw inputFileError(path, 'not a FHIR resource (no resourceType)');
  }
  return json;
}

/** Reads, normalizes and summarizes the files, in order; the same EOB id in several files counts once. */
export async function summarizeFiles(
  paths: readonly string[],
  options: SummarizeFilesOptions = {},
): Promise<FilesSummary> {
  const readFile = options.readFile ?? ((path: string) => readFileFromDisk(path, 'utf8'));
  const normalizer = createNormalizer();
  for (const path of paths) {
    const resource = parseResource(path, await readText(path, readFile));
    try {
      normalizer.add(resource);
    } catch (error) {
      if (error instanceof AppError && error.detail.fault === 'not_bundle') {
        throw inputFileError(path, `The FHIR Bundle could not be read: ${error.detail.problem}.`, error);
      }
      throw error;
    }
  }
  const data = normalizer.result();
  return { summary: summarize(data), unreadable: data.unreadable, skipped: data.skipped };
}
