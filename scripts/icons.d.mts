// Types for scripts/icons.mjs, so the unit test can import it under `strict`.
export const ROOT: string;
export const ICON_SOURCES: Record<16 | 32 | 48 | 96 | 128, string>;
export function iconPath(size: number | string): string;
export function renderIcon(size: number): Buffer;
export function renderIcons(): Record<number, Buffer>;
