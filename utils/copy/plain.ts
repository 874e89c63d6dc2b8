/**
 * The same sentences as `t` (utils/copy/index.ts: locales/<lang>.yml, the same keys), for the
 * guard's first stage, which runs at `document_start` on every page of a guarded site: a sentence
 * without substitutions or plurals, read straight from the browser's message catalogue.
 * @wxt-dev/i18n's `t` and the second copy of `browser` it brings cost that stage about 0.5 kB gzip
 * (measured 2026-12 on the built guard-<site>.js; the budget is bench/budgets.json
 * `gzip-first-stage-kb`).
 */
import { browser } from 'wxt/browser';
import type { GeneratedI18nStructure } from '#i18n';

/** Keys of sentences with no substitution and no plural: the only ones `plainT` can read whole. */
export type PlainKey = {
  [K in keyof GeneratedI18nStructure]: GeneratedI18nStructure[K] extends { substitutions: 0; plural: false } ? K : never;
}[keyof GeneratedI18nStructure];

export function plainT(key: PlainKey): string {
  // The catalogue's names use '_' for the yml's nesting dots, as @wxt-dev/i18n writes them.
  return browser.i18n.getMessage(key.replaceAll('.', '_') as Parameters<typeof browser.i18n.getMessage>[0]);
}
