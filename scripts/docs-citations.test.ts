import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryFiles, root } from './repository-files.test-support';

// Every citation points into the repository: a cited docs/ page exists, and so does the section or case it
// names; the files the docs name exist. Documents a fresh clone does not have are never named. Failures list
// file:line.

/** Names of documents that live outside the repository (spelled in parts so this file does not name them). */
const FOREIGN_NAMES = [
  ['..', 'shared'].join('/'),
  ['work', 'shared'].join('/'),
  ['API', 'FACTS'].join('-'),
  ['SUMMARY', 'CONTRACT'].join('-'),
  ['RELIABILITY', 'TESTS'].join('-'),
  ['CMS', 'PRODUCTION'].join('-'),
  ['STYLE', 'md'].join('.'),
];

/** The text of each repository file that exists and is text (no NUL byte). */
function readTexts(): { file: string; text: string }[] {
  const texts: { file: string; text: string }[] = [];
  for (const file of repositoryFiles()) {
    const full = path.join(root, file);
    if (!existsSync(full) || !statSync(full).isFile()) continue;
    const text = readFileSync(full, 'utf8');
    if (!text.includes('\0')) texts.push({ file, text });
  }
  return texts;
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

const docPath = (name: string) => path.join(root, 'docs', `${name}.md`);
const readDoc = (name: string) => (existsSync(docPath(name)) ? readFileSync(docPath(name), 'utf8') : '');

/** Section numbers with a heading in the Blue Button page: `## 2. …` gives 2, `### 2.3 …` gives 2.3. */
function blueButtonSections(): Set<string> {
  const sections = new Set<string>();
  for (const match of readDoc('blue-button').matchAll(/^##\s+(\d+)\.\s|^###\s+(\d+\.\d+)\s/gm)) {
    sections.add((match[1] ?? match[2])!);
  }
  return sections;
}

/** Case numbers with a heading in the reliability page: `### #18 …`. */
function reliabilityCases(): Set<number> {
  return new Set([...readDoc('reliability').matchAll(/^###\s+#(\d+)\s/gm)].map((m) => Number(m[1])));
}

const normalized = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();

// A docs/ path, alone or as ../docs/, but not some other directory's docs/.
const DOC_PATH = /(?<![\w.-]|[\w-]\/)docs\/([\w.-]+)\.md/g;
// `docs/blue-button.md §2.3, §3` or `§13.4–13.5`: the numbers after the citation.
const BLUE_BUTTON = /docs\/blue-button\.md\s+§(\d+(?:\.\d+)?)((?:\s*(?:,|–|-|and)\s*§?\d+(?:\.\d+)?)*)/g;
// `docs/reliability.md #12, #27–#34`.
const RELIABILITY = /docs\/reliability\.md\s+#(\d+)((?:\s*(?:,|–|-|and)\s*#?\d+)*)/g;
// `docs/money.md "Money per claim"`.
const MONEY = /docs\/money\.md:?\s+"([^"\n]+)"/g;
// A repository path in backticks inside docs/, such as a test file a reliability case names.
const REPO_PATH = /`((?:app|components|lib|sandbox|scripts|e2e|fixtures|docs)\/[^`*<>\s]+\.[a-z]+)`/g;

/** Every citation problem in `texts`, as `file:line: what`. */
function citationProblems(texts: readonly { file: string; text: string }[]): string[] {
  const problems: string[] = [];
  const sections = blueButtonSections();
  const cases = reliabilityCases();
  const moneyText = normalized(readDoc('money'));
  for (const { file, text } of texts) {
    const at = (index: number, what: string) => problems.push(`${file}:${lineOf(text, index)}: ${what}`);
    for (const match of text.matchAll(DOC_PATH)) {
      if (!existsSync(docPath(match[1]!))) at(match.index, `cites docs/${match[1]}.md, which does not exist`);
    }
    for (const match of text.matchAll(BLUE_BUTTON)) {
      const numbers = [match[1]!, ...[...match[2]!.matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0])];
      for (const number of numbers) {
        if (!sections.has(number)) at(match.index, `docs/blue-button.md has no section ${number}`);
      }
    }
    for (const match of text.matchAll(RELIABILITY)) {
      const numbers = [match[1]!, ...[...match[2]!.matchAll(/\d+/g)].map((m) => m[0])].map(Number);
      for (const number of numbers) {
        if (!cases.has(number)) at(match.index, `docs/reliability.md has no case #${number}`);
      }
    }
    for (const match of text.matchAll(MONEY)) {
      if (!moneyText.includes(normalized(match[1]!))) at(match.index, `docs/money.md has no "${match[1]}"`);
    }
    if (file.startsWith('docs/') && file.endsWith('.md')) {
      for (const match of text.matchAll(REPO_PATH)) {
        if (!existsSync(path.join(root, match[1]!)))
          at(match.index, `names ${match[1]}, which does not exist`);
      }
    }
    for (const name of FOREIGN_NAMES) {
      for (let index = text.indexOf(name); index >= 0; index = text.indexOf(name, index + 1)) {
        at(index, `names ${name}, which is not in the repository`);
      }
    }
  }
  return problems;
}

describe('citations of docs/', () => {
  it('finds the three pages and their headings', () => {
    const sections =
      '1 2 2.1 2.2 2.3 2.4 3 4 5 6 7 8 9 10 11 11.1 11.2 12 13 13.1 13.2 13.3 13.4 13.5 13.6 14 15 16';
    expect(blueButtonSections()).toEqual(new Set(sections.split(' ')));
    expect(reliabilityCases()).toEqual(new Set(Array.from({ length: 49 }, (_, i) => i + 1)));
    expect(normalized(readDoc('money'))).toContain('money per claim');
  });

  it('reports a missing page, section, case, money section or file, and foreign documents', () => {
    const cite = (name: string) => `docs/${name}.md`;
    const text = [
      `see ${cite('nowhere')}`,
      `see ${cite('blue-button')} §2.3, §99 and ${cite('reliability')} #12, #27–#50`,
      `see ${cite('money')} "No such section"`,
      `see ${FOREIGN_NAMES[2]} §1`,
    ].join('\n');
    const docFile = ['docs', 'x.md'].join('/');
    expect(citationProblems([{ file: docFile, text: 'covered by `lib/nowhere.test.ts`' }])).toEqual([
      `${docFile}:1: names lib/nowhere.test.ts, which does not exist`,
    ]);
    expect(citationProblems([{ file: 'x.ts', text }])).toEqual([
      `x.ts:1: cites ${cite('nowhere')}, which does not exist`,
      `x.ts:2: ${cite('blue-button')} has no section 99`,
      `x.ts:2: ${cite('reliability')} has no case #50`,
      `x.ts:3: ${cite('money')} has no "No such section"`,
      `x.ts:4: names ${FOREIGN_NAMES[2]}, which is not in the repository`,
    ]);
  });

  it('every citation in the repository points at something that exists', () => {
    expect(citationProblems(readTexts())).toEqual([]);
  });
});
