import { describe, expect, test } from 'vitest';
import { cssString } from '../../../utils/sites/css-string';

describe('cssString', () => {
  test.each([
    ['sam_rivers_x', '"sam_rivers_x"', 'a plain handle'],
    ['1234567890', '"1234567890"', 'a numeric id'],
    ['', '""', 'empty'],
    ['a"b', '"a\\22 b"', 'a quote becomes a hex escape'],
    ['a\\b', '"a\\\\b"', 'a backslash is escaped'],
    ['a\nb', '"a\\a b"', 'a line break becomes a hex escape'],
    ['did:plc:abc', '"did:plc:abc"', 'colons need nothing'],
  ])('%j → %s (%s)', (value, expected) => {
    expect(cssString(value)).toBe(expected);
  });

  test.each(['sam', 'a"b', 'a\\b', 'a\nb', 'x]y', "it's"])('%j round-trips through an attribute selector', (value) => {
    const element = document.createElement('div');
    element.setAttribute('data-value', value);
    expect(element.matches(`[data-value=${cssString(value)}]`)).toBe(true);
  });
});
