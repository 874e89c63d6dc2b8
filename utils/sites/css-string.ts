/**
 * A value as a quoted CSS string, for attribute selectors built from stored data (a handle, an
 * id): backslashes escaped; quotes, line breaks and other control characters as hex escapes.
 */
export function cssString(value: string): string {
  let quoted = '"';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '\\') quoted += '\\\\';
    else if (char === '"' || code < 0x20 || code === 0x7f) quoted += `\\${code.toString(16)} `;
    else quoted += char;
  }
  return `${quoted}"`;
}
