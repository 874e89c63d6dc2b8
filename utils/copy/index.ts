/**
 * Every sentence the person reads comes from locales/<lang>.yml through this one function, so
 * the words are reviewed in one place and the code never hard-codes a sentence.
 */
import { i18n } from '#i18n';

export const t = i18n.t;
