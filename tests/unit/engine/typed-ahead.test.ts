import { describe, expect, test } from 'vitest';
import { applyTypedKey, typedKey, type KeyLike, type TypingMode } from '../../../utils/engine/typed-ahead';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, isComposing: false, ...mods });

describe('typedKey: what a key held for a typing frame adds', () => {
  test.each<[string, KeyLike, TypingMode, ReturnType<typeof typedKey>]>([
    ['a letter', key('a'), 'journal', { append: 'a' }],
    ['a space', key(' '), 'phrase', { append: ' ' }],
    ['an accented letter', key('é'), 'journal', { append: 'é' }],
    ['an emoji (two UTF-16 units, one character)', key('💛'), 'journal', { append: '💛' }],
    ['AltGr (ctrl+alt) typing @', key('@', { ctrlKey: true, altKey: true }), 'journal', { append: '@' }],
    ['Enter in the journal is a new line', key('Enter'), 'journal', { append: '\n' }],
    ['Enter in the phrase box types nothing', key('Enter'), 'phrase', undefined],
    ['Backspace erases', key('Backspace'), 'journal', { erase: true }],
    ['a shortcut (ctrl+l)', key('l', { ctrlKey: true }), 'journal', undefined],
    ['a shortcut (meta+v)', key('v', { metaKey: true }), 'journal', undefined],
    ['Tab moves focus, types nothing', key('Tab'), 'journal', undefined],
    ['Escape', key('Escape'), 'journal', undefined],
    ['an arrow', key('ArrowLeft'), 'journal', undefined],
    ['Shift alone', key('Shift'), 'journal', undefined],
    ['while an input method composes', key('a', { isComposing: true }), 'journal', undefined],
  ])('%s', (_what, event, mode, expected) => {
    expect(typedKey(event, mode)).toEqual(expected);
  });
});

describe('applyTypedKey', () => {
  test.each<[string, string, Parameters<typeof applyTypedKey>[1], string]>([
    ['appends', 'I mis', { append: 's' }, 'I miss'],
    ['erases the last character', 'I missx', { erase: true }, 'I miss'],
    ['erases a whole emoji, not half of it', 'ok💛', { erase: true }, 'ok'],
    ['erasing nothing leaves nothing', '', { erase: true }, ''],
  ])('%s', (_what, held, typed, expected) => {
    expect(applyTypedKey(held, typed)).toBe(expected);
  });
});
