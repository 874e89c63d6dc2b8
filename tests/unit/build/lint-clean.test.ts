// @vitest-environment node
/**
 * The build-time rewrites behind a lint-clean Firefox build (utils/build/lint-clean.ts) match the
 * pinned dependencies exactly once, remove what addons-linter flags, and rest on facts that stay
 * true: no component uses dangerouslySetInnerHTML, and zod is jitless before any schema runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { REWRITES, rewriteForLint } from '../../../utils/build/lint-clean';
import { ROOT, sourceFiles } from './repo-files';
const require = createRequire(import.meta.url);

const modules = [
  [REWRITES[0]!.name, join(ROOT, 'node_modules/zod/v4/core/util.js'), /= Function;/],
  [REWRITES[1]!.name, require.resolve('preact'), /\.innerHTML\s*=/],
] as const;

describe('lint-clean rewrites', () => {
  test.each(modules)('%s: matches the pinned module once and removes the flagged code', (_name, path, flagged) => {
    const code = readFileSync(path, 'utf8');
    expect(code).toMatch(flagged);
    const out = rewriteForLint(code, path);
    expect(out).toBeDefined();
    expect(out).not.toMatch(flagged);
  });

  test('a module whose code moved fails the build with the rewrite to update', () => {
    expect(() => rewriteForLint('export const x = 1;', modules[0][1])).toThrow(/zod allowsEval probe.*matched 0 times/);
  });

  test('other modules are left alone', () => {
    expect(rewriteForLint('el.innerHTML=h.__html', '/repo/components/X.tsx')).toBeUndefined();
  });

  test('nothing of ours passes dangerouslySetInnerHTML (the preact branch really is dead)', () => {
    const users = ['components', 'entrypoints', 'utils']
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .filter((file) => !file.endsWith('lint-clean.ts') && readFileSync(file, 'utf8').includes('dangerouslySetInnerHTML'));
    expect(users).toEqual([]);
  });

  test('zod is jitless before any schema runs (the zod probe really is dead)', () => {
    expect(readFileSync(join(ROOT, 'utils/data/zod-config.ts'), 'utf8')).toMatch(/z\.config\(\{ jitless: true \}\)/);
  });
});
