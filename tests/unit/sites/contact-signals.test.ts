/**
 * What the other person may be told, in words: every contact signal an adapter can declare has its
 * sentence in both languages, and a signal that reaches them only under conditions no one can know
 * (their settings) is never worded as a certainty.
 */
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { keyPart } from '../../../utils/copy';
import { SITE_ADAPTERS } from '../../../utils/sites/registry';
import { CONTACT_SIGNALS, UNCERTAIN_SIGNALS } from '../../../utils/sites/site-adapter';

const messagesOf = async (lang: string) =>
  generateChromeMessages(await parseMessagesFile(resolve(process.cwd(), `locales/${lang}.yml`))) as Record<string, { message: string }>;

// "may" in English, "puede que" in Spanish: the words of an uncertain signal.
const MAY = { en: /\bmay\b/i, es: /\bpuede que\b/i } as const;

describe.each(['en', 'es'] as const)('contact signals in %s', (lang) => {
  test.each(CONTACT_SIGNALS.map((signal) => [signal, UNCERTAIN_SIGNALS.has(signal)] as const))('%s has its sentence; uncertain: %s', async (signal, uncertain) => {
    const message = (await messagesOf(lang))[`interstitial_visible_${keyPart(signal)}`]?.message;
    expect(message, signal).toBeTruthy();
    expect(MAY[lang].test(message!)).toBe(uncertain);
  });

  test('the pause page says "may" for an uncertain signal, and "can" otherwise', async () => {
    const messages = await messagesOf(lang);
    expect(MAY[lang].test(messages.pause_notSentMayBeVisible!.message)).toBe(true);
    expect(MAY[lang].test(messages.pause_notSentVisible!.message)).toBe(false);
  });
});

test('every signal an adapter declares is a known one', () => {
  for (const adapter of SITE_ADAPTERS) {
    for (const signal of Object.values(adapter.visibleToThem ?? {})) expect(CONTACT_SIGNALS, adapter.id).toContain(signal);
  }
});
