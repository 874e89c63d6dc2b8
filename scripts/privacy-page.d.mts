// Types for scripts/privacy-page.mjs, so the unit test can import it under `strict`.
export const PRIVACY_PAGES: { source: string; page: string; lang: string }[];
export function renderPrivacyPage(markdown: string, lang: string): string;
