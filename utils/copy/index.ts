/**
 * Every sentence the person reads comes from locales/<lang>.yml through this one function, so
 * the words are reviewed in one place and the code never hard-codes a sentence.
 */
import { i18n } from '#i18n';

export const t = i18n.t;

/** 'story-viewers' → 'storyViewers'. Chrome refuses a whole extension whose message names hold a hyphen. */
export type KeyPart<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<KeyPart<Tail>>}` : S;

/** Turns an id written with hyphens (a site's contact signal, an error code) into its message key part. */
export function keyPart<S extends string>(id: S): KeyPart<S> {
  return id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()) as KeyPart<S>;
}
