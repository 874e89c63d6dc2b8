/**
 * What the person reads when a change, a stored document or an imported file cannot be used:
 * kind, plain, and specific about what and where. Sentences come from locales (`errors.*`).
 */
import type { z } from 'zod';
import type { ReduceError } from '../data/reducers';
import { DATE_RANGE, ERROR_TEXT_MAX_CHARS, LIMITS } from '../data/limits';
import type { CheckProblem } from '../data/schema-checks';
import { t } from './index';
import { browser } from 'wxt/browser';
import { formatBytes } from '../data/storage-space';

/** Why a change was not made: the reducers' codes (utils/data/reducers.ts) and the store's own. */
export type ChangeErrorCode = ReduceError | 'newer-version' | 'invalid-result' | 'storage-full';

const CHANGE_ERROR_TEXT: Record<ChangeErrorCode, () => string> = {
  'person-not-found': () => t('errors.reduce.personNotFound'),
  'account-not-found': () => t('errors.reduce.accountNotFound'),
  'account-already-guarded': () => t('errors.reduce.accountAlreadyGuarded'),
  'item-not-found': () => t('errors.reduce.itemNotFound'),
  'change-not-found': () => t('errors.reduce.changeNotFound'),
  'phrase-needed': () => t('errors.reduce.phraseNeeded'),
  'limit-reached': () => t('errors.reduce.limitReached'),
  'too-many-accounts': () => t('errors.reduce.tooManyAccounts', [String(LIMITS.accountsTotal)]),
  'newer-version': () => t('errors.store.newerVersion'),
  'invalid-result': () => t('errors.store.invalidResult'),
  'storage-full': () => t('errors.store.storageFull'),
};

function isChangeErrorCode(code: string): code is ChangeErrorCode {
  return Object.hasOwn(CHANGE_ERROR_TEXT, code);
}

/** The sentence for a change that was not made; an unknown code still gets a kind sentence. */
export function changeErrorText(code: string): string {
  return isChangeErrorCode(code) ? CHANGE_ERROR_TEXT[code]() : t('errors.unexpected');
}

export const requestErrorText = {
  notAllowed: () => t('errors.notAllowed'),
  badMessage: () => t('errors.badMessage'),
  unexpected: () => t('errors.unexpected'),
  unreachable: () => t('errors.unreachable'),
};

export const importErrorText = {
  empty: () => t('errors.import.empty'),
  truncated: () => t('errors.import.truncated'),
  notOurs: () => t('errors.import.notOurs'),
  unknownVersion: (version: string) => t('errors.import.unknownVersion', [version]),
  versionMismatch: () => t('errors.import.versionMismatch'),
  newerVersion: () => t('errors.import.newerVersion'),
  unknownSite: (sites: string) => t('errors.import.unknownSite', [sites]),
  invalid: () => t('errors.import.invalid'),
  tooLarge: () => t('errors.import.tooLarge'),
  noSpace: (neededBytes: number, freeBytes: number) => {
    const locale = browser.i18n.getUILanguage();
    return t('errors.import.noSpace', [formatBytes(neededBytes, locale), formatBytes(freeBytes, locale)]);
  },
};

/**
 * What one item of each list in the file is called, to name "the 2nd person" rather than "people
 * [1]". The keys are the file's own field names (docs/data-format.md); these words are English
 * only, like the field names they stand next to.
 */
const ITEM_NOUN: Record<string, string> = {
  people: 'person',
  accounts: 'account',
  reasons: 'reason',
  insteadIdeas: 'idea',
  history: 'past streak',
  celebrated: 'milestone',
  recent: 'event',
  events: 'event',
  daily: 'day',
  urgeHours: 'hour',
  journal: 'journal entry',
  pending: 'pending change',
  sitesOff: 'site',
  hardDays: 'hard day',
  customPatterns: 'link pattern',
};

/** A key from the file can be any length; a place names it by its first characters. */
const SEGMENT_MAX_CHARS = 32;

function shortSegment(segment: string): string {
  return segment.length > SEGMENT_MAX_CHARS ? `${segment.slice(0, SEGMENT_MAX_CHARS)}…` : segment;
}

/** 1 → "1st", 2 → "2nd", 11 → "11th", 23 → "23rd". */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  const suffix = { 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** ['people', 1, 'accounts', 0, 'site'] → "people → 2nd person → accounts → 1st account → site". */
export function describePath(path: readonly PropertyKey[]): string {
  const words: string[] = [];
  path.forEach((segment, index) => {
    if (typeof segment === 'number') {
      const previous = path[index - 1];
      const noun = (typeof previous === 'string' ? ITEM_NOUN[previous] : undefined) ?? 'item';
      words.push(`${ordinal(segment + 1)} ${noun}`);
    } else {
      words.push(shortSegment(String(segment)));
    }
  });
  return words.join(' → ');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

const EXPECTED_TYPE: Record<string, () => string> = {
  string: () => t('errors.issue.text'),
  number: () => t('errors.issue.number'),
  int: () => t('errors.issue.wholeNumber'),
  boolean: () => t('errors.issue.yesNo'),
  array: () => t('errors.issue.list'),
  object: () => t('errors.issue.group'),
};

const LAST_DAY = new Date(Date.parse(DATE_RANGE.latest) - 1).toISOString().slice(0, 10);

const CHECK_TEXT: Record<CheckProblem, () => string> = {
  'date-range': () => t('errors.issue.dateRange', [DATE_RANGE.earliest.slice(0, 10), LAST_DAY]),
  'time-zone': () => t('errors.issue.timeZone'),
  'calendar-day': () => t('errors.issue.calendarDay'),
  handle: () => t('errors.issue.handle'),
  'accounts-total': () => t('errors.issue.accountsTotal', [String(LIMITS.accountsTotal)]),
};

/** The words for a rule of utils/data/schema-checks.ts (its `params.problem`). */
function describeCheck(problem: unknown): string {
  return typeof problem === 'string' && Object.hasOwn(CHECK_TEXT, problem) ? CHECK_TEXT[problem as CheckProblem]() : t('errors.issue.invalid');
}

/**
 * The version a file claims, as the person may read it back: a short number or text, else '?'.
 * (Never the value itself: it can be megabytes, or nested too deep to print.)
 */
export function versionText(version: unknown): string {
  if (typeof version === 'number' && Number.isFinite(version)) return String(version).slice(0, 12);
  if (typeof version === 'string' && version.length <= 12) return JSON.stringify(version);
  return '?';
}

/**
 * The place shown under an error, cut so both together stay within `ERROR_TEXT_MAX_CHARS`
 * whatever the file holds: a summary and a place, never a wall of text.
 */
export function shortWhere(where: string, error: string): string {
  const room = Math.max(0, ERROR_TEXT_MAX_CHARS - error.length - 1);
  return where.length > room ? `${where.slice(0, Math.max(0, room - 1))}…` : where;
}

/** What is wrong with one value, in a few plain words. */
export function describeProblem(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) return t('errors.issue.missing');
      return EXPECTED_TYPE[issue.expected]?.() ?? t('errors.issue.invalid');
    case 'invalid_value':
      return issue.values.length === 1
        ? t('errors.issue.shape', [String(issue.values[0])])
        : t('errors.issue.oneOf', [issue.values.map(String).join(', ')]);
    case 'invalid_format':
      if (issue.format === 'datetime') return t('errors.issue.dateTime');
      // The schema's own hint ("a date like 2026-02-14"), never zod's default wording.
      if (issue.format === 'regex' && !issue.message.startsWith('Invalid')) return t('errors.issue.shape', [issue.message]);
      return t('errors.issue.invalid');
    case 'too_big':
      if (issue.origin === 'string') return t('errors.issue.textTooLong', [String(issue.maximum)]);
      if (issue.origin === 'array') return t('errors.issue.tooManyItems', [String(issue.maximum)]);
      return t('errors.issue.tooBig', [String(issue.maximum)]);
    case 'too_small':
      if (issue.origin === 'string') return t('errors.issue.emptyText');
      if (issue.origin === 'array') return t('errors.issue.tooFewItems', [String(issue.minimum)]);
      return t('errors.issue.tooSmall', [String(issue.minimum)]);
    case 'invalid_union':
      return t('errors.issue.unknownKind');
    case 'custom':
      return describeCheck(issue.params?.problem);
    default:
      return t('errors.issue.invalid');
  }
}

/** The first problem of a failed parse: where it is, and what is wrong there. */
export function describeFirstIssue(error: z.ZodError, input: unknown): { where: string; detail: string } {
  const issue = error.issues[0];
  if (!issue) return { where: '', detail: t('errors.issue.invalid') };
  return { where: describePath(issue.path), detail: describeProblem(issue, input) };
}
