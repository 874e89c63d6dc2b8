/**
 * fakeBrowser does not implement i18n: answer getMessage from the real English messages file,
 * built the way WXT builds _locales/en/messages.json, so components render real sentences.
 */
import { resolve } from 'node:path';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

const messages = generateChromeMessages(await parseMessagesFile(resolve(process.cwd(), 'locales/en.yml')));

function getMessage(key: string, substitutions?: string | string[]): string {
  const message = (messages as Record<string, { message: string }>)[key]?.message ?? '';
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  return message.replace(/\$(\$|[1-9])/g, (_m, which: string) => (which === '$' ? '$' : (subs[Number(which) - 1] ?? '')));
}

function install() {
  Object.assign(fakeBrowser.i18n, {
    getMessage,
    getUILanguage: () => 'en',
  });
}
install();
beforeEach(install);
