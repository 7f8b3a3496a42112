/**
 * `npm run summarize -- FILE...`: prints the claims summary of FHIR JSON files (Blue Button EOBs and Coverage,
 * each file a resource or a Bundle) as 2-space indented JSON on stdout, offline. For bad input it prints one
 * line naming the file on stderr, nothing on stdout, and exits with 1. Contract: docs/money.md.
 */
import { AppError } from '@/lib/errors';
import { summarizeFiles } from '@/lib/claims/summarize-files';

async function main(args: string[]): Promise<number> {
  const files = args[0] === '--' ? args.slice(1) : args;
  if (files.length === 0) {
    process.stderr.write('usage: npm run summarize -- FILE...\n');
    return 2;
  }
  try {
    const { summary, unreadable, skipped } = await summarizeFiles(files);
    if (unreadable > 0)
      process.stderr.write(`summarize: ${unreadable} resource(s) could not be read and are left out\n`);
    if (skipped.withoutClaimType > 0) {
      process.stderr.write(
        `summarize: ${skipped.withoutClaimType} claim(s) without a claim type are left out\n`,
      );
    }
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return 0;
  } catch (error) {
    const reason =
      error instanceof AppError && error.code === 'input_file'
        ? error.message
        : `unexpected ${(error as Error)?.name ?? 'error'}`;
    process.stderr.write(`summarize: ${reason}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
