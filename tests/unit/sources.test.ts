/**
 * Every `Source:` comment points at something a newcomer's clone can open: a file in this
 * repository, a public web address, or a named public source (a repository, a help page). A
 * `Source:` that names a repository path which does not exist fails here, and so does any path
 * of one particular machine anywhere in the repository.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = process.cwd();
const TEXT_FILE = /\.(ts|tsx|js|mjs|cjs|json|md|html|css|yml|yaml|txt)$|(^|\/)\.?[A-Za-z-]+$/;
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((file) => file && TEXT_FILE.test(file) && file !== 'package-lock.json' && existsSync(resolve(root, file)));

/** What one `Source:` names: its first word (on the next comment line when the line ends there). */
function sourcesIn(text: string): string[] {
  const lines = text.split('\n');
  const found: string[] = [];
  lines.forEach((line, i) => {
    for (const match of line.matchAll(/Source:\s*(\S*)/g)) {
      let word = match[1] ?? '';
      if (word === '' || word === '-->' || word === '*/') word = (lines[i + 1] ?? '').replace(/^\s*(\/\/|\*|<!--|#)?\s*/, '').split(/\s/)[0] ?? '';
      found.push(word.replace(/[),.;:`'"]+$/, '').replace(/^[(`'"]+/, ''));
    }
  });
  return found;
}

type Kind = 'repository file' | 'web address' | 'named public source' | 'machine path';

function classifySource(word: string): Kind {
  if (/^https?:\/\//.test(word)) return 'web address';
  if (/^(\/|~|[A-Za-z]:\\)/.test(word) || word.includes('../')) return 'machine path';
  if (/^[\w.-]+(\/[\w.@-]+)+\.[A-Za-z]{1,5}$/.test(word)) return 'repository file';
  return 'named public source';
}

const sources = files.flatMap((file) => sourcesIn(readFileSync(resolve(root, file), 'utf8')).map((word) => [file, word] as const));

describe('Source: comments', () => {
  test('there are some to check', () => expect(sources.length).toBeGreaterThan(50));

  test.each([
    ['docs/sites/x.md', 'repository file'],
    ['tests/e2e/guard.e2e.ts', 'repository file'],
    ['https://playwright.dev/docs/chrome-extensions', 'web address'],
    ['wxt-dev/wxt', 'named public source'],
    ['searchfox', 'named public source'],
    [['', 'home', 'someone', 'notes', 'x.md'].join('/'), 'machine path'],
    [['..', 'notes', 'x.md'].join('/'), 'machine path'],
  ])('%s is a %s', (word, kind) => expect(classifySource(word)).toBe(kind));

  test.each(sources.filter(([, word]) => classifySource(word) !== 'named public source'))('%s: %s resolves', (_file, word) => {
    const kind = classifySource(word);
    expect(kind).not.toBe('machine path');
    if (kind === 'repository file') expect(existsSync(resolve(root, word)), word).toBe(true);
  });
});

describe('no path of one particular machine in the repository', () => {
  // Spelled in parts so this file does not match itself.
  const machinePaths = [new RegExp(`(^|[\\s'"\`(])/${'work'}/`), new RegExp(`\\.\\./${'shared'}\\b`)];
  test.each(files)('%s', (file) => {
    const text = readFileSync(resolve(root, file), 'utf8');
    for (const pattern of machinePaths) expect(pattern.test(text), `${file} matches ${pattern}`).toBe(false);
  });
});
