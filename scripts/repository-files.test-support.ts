import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** The repository's root, from this file's place in `scripts/`. */
export const root = path.resolve(import.meta.dirname, '..');

const SKIPPED_DIRS = new Set(['node_modules', '.next', '.git', 'test-results', 'playwright-report']);

/**
 * Every file of the repository, relative to its root: tracked ones and new ones not ignored; without git, a
 * directory walk that skips dependencies, builds and test output.
 */
export function repositoryFiles(): string[] {
  try {
    const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return [...new Set(listed.split('\0').filter(Boolean))];
  } catch {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const relative = dir ? `${dir}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRS.has(entry.name)) walk(relative);
        } else if (entry.isFile()) files.push(relative);
      }
    };
    walk('');
    return files;
  }
}
