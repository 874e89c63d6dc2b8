/**
 * A build-time transform that removes the two code paths addons-linter warns about in our
 * dependencies, both dead in this extension (run by wxt.config.ts at build time only):
 *
 * - DANGEROUS_EVAL: zod 4's `allowsEval` probe calls `new Function("")` to see whether it may JIT
 *   its parsers. utils/data/zod-config.ts sets `z.config({ jitless: true })` before any schema is
 *   used, so the probe's own first line returns false and the `Function` call never runs; we drop
 *   the call so no reviewer has to take that on trust. Without jitless, zod would only lose its JIT
 *   (the interpreted parsers are the same ones the tests run). Source: zod `v4/core/util.ts`.
 * - UNSAFE_VAR_ASSIGNMENT: preact's diff writes `dom.innerHTML = props.dangerouslySetInnerHTML.__html`.
 *   No component of ours passes `dangerouslySetInnerHTML` (tests/unit/build/lint-clean.test.ts
 *   checks the sources), so the assignment becomes a throw: if one ever does, it fails loudly in
 *   the tests instead of writing HTML. Source: preact `src/diff/index.js`, diffElementNodes.
 *
 * Each rewrite must match exactly once; a dependency update that moves the code fails the build
 * with a message saying which rewrite to update (never a silent no-op).
 */
import type { Plugin } from 'vite';

interface Rewrite {
  name: string;
  /** The module, by the end of its resolved path. */
  file: RegExp;
  find: RegExp;
  replace: string;
}

export const REWRITES: readonly Rewrite[] = [
  {
    name: 'zod allowsEval probe (DANGEROUS_EVAL)',
    file: /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/,
    find: /try \{\s*const F = Function;\s*new F\(""\);\s*return true;\s*\}\s*catch \(_\) \{\s*return false;\s*\}/g,
    replace: 'return false; // jitless: utils/build/lint-clean.ts',
  },
  {
    name: 'preact dangerouslySetInnerHTML (UNSAFE_VAR_ASSIGNMENT)',
    file: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/,
    find: /\((\w+)\.innerHTML=(\w+)\.__html\)/g,
    replace: '(()=>{throw new Error("dangerouslySetInnerHTML is not supported in No-Contact Guard")})()',
  },
];

/** Applies the rewrites for `id` to `code`; throws when one does not match exactly once. */
export function rewriteForLint(code: string, id: string): string | undefined {
  let out: string | undefined;
  for (const rewrite of REWRITES) {
    if (!rewrite.file.test(id)) continue;
    const matches = (out ?? code).match(rewrite.find)?.length ?? 0;
    if (matches !== 1) {
      throw new Error(`lint-clean: "${rewrite.name}" matched ${matches} times in ${id} (expected 1): update utils/build/lint-clean.ts`);
    }
    out = (out ?? code).replace(rewrite.find, rewrite.replace);
  }
  return out;
}

/** The Vite plugin (the lint layer of `npm test` shows it when a module moved and a warning is back). */
export function lintClean(): Plugin {
  return {
    name: 'ncg-lint-clean',
    enforce: 'pre',
    transform(code, id) {
      const out = rewriteForLint(code, id);
      return out === undefined ? undefined : { code: out, map: null };
    },
  };
}
