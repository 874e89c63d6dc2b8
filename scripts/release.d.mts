// Types for scripts/release.mjs, so the unit test can import it under `strict`.
export function nextVersion(current: string, bump: string): string;
export function releaseChangelog(text: string, version: string, date: string): string;
