/**
 * Every bound on stored data, in ONE place: the schema (utils/data/schema.ts), the messages
 * (utils/data/messages.ts), the reducers and the import all read these, so whatever an import
 * accepts, every later change and compaction accepts too. Listed for people in
 * docs/data-format.md ("Limits"); tests/unit/data/limits.test.ts checks each one at its edge and
 * that the schema uses every one of them.
 */

/** Counts of items and lengths of text. */
export const LIMITS = {
  /** People guarded. */
  people: 50,
  /** Accounts of one person. */
  accountsPerPerson: 50,
  /**
   * Accounts of everyone together. Each account costs the browser at most
   * `REGEX_RULES_PER_ACCOUNT` redirect rules and each link pattern one; Chrome and Firefox carry at
   * most `BROWSER_REGEX_RULE_LIMIT` regular-expression rules per extension, so 300 × 2 + 200 fits
   * with room to spare (tests/unit/data/limits.test.ts checks it against the adapters). The
   * spelling rules of case-insensitive sites (up to four per account) come on top and go in only
   * while they fit (utils/background/registration.ts `fitRegexRuleLimit`).
   */
  accountsTotal: 300,
  reasons: 100,
  insteadIdeas: 100,
  /** Changes waiting for their cool-down. */
  pending: 50,
  /** Past streaks kept (the oldest goes first). */
  history: 1000,
  /** Milestones already celebrated in the current streak. */
  celebrated: 100,
  hardDays: 100,
  customPatterns: 200,
  journal: 10_000,
  /** If-then plans ("when I want to look, I will …"). */
  plans: 20,
  /** Windows of hard hours. */
  hardHours: 50,
  /** Events kept one by one (compaction keeps far fewer: utils/data/event-log.ts). */
  recentEvents: 5000,
  /** Daily rows of the compacted log (compaction keeps about ten years). */
  dailyRows: 4000,

  /** Characters of an id. */
  idChars: 64,
  /** Characters of the name the person gives someone, or a hard day. */
  labelChars: 80,
  /** Characters of a reason or an "instead" idea. */
  shortTextChars: 500,
  /** Characters of a handle (the adapters' own rules are stricter: 30 on Instagram, 100 on LinkedIn). */
  handleChars: 256,
  stableIdChars: 256,
  strictPhraseChars: 200,
  /** Characters of the note on a past streak or a recorded contact. */
  noteChars: 2000,
  timeZoneChars: 64,
  /** Characters of what an event says was reached for (a page kind or an action). */
  whatChars: 32,
  journalTextChars: 20_000,
  patternChars: 500,
  /** Characters of an import file. */
  importChars: 20_000_000,

  /** Days of a goal. */
  goalDays: 3650,
  /** Days in any count (a past streak, a milestone): more than the 73,049 days of `DATE_RANGE`. */
  days: 75_000,
  /** Events of one type, or urges in one hour, on one compacted day (compaction stops adding here). */
  dailyCount: 1_000_000,
} as const;

export type LimitName = keyof typeof LIMITS;

/**
 * Every instant stored (an event, a streak, a journal entry, a pending change) lies in
 * [earliest, latest). Outside it, day arithmetic and `Date#toISOString` stop giving dates the schema
 * accepts (the year 10000 prints as "+010000-…"), so a file dated there is refused up front.
 */
export const DATE_RANGE = {
  earliest: '2000-01-01T00:00:00.000Z',
  latest: '2200-01-01T00:00:00.000Z',
} as const;

const EARLIEST_MS = Date.parse(DATE_RANGE.earliest);
const LATEST_MS = Date.parse(DATE_RANGE.latest);

/** Whether an ISO instant (already known to be well formed) lies in `DATE_RANGE`. */
export function isInstantInRange(iso: string): boolean {
  const ms = Date.parse(iso);
  return ms >= EARLIEST_MS && ms < LATEST_MS;
}

/**
 * Local calendar dates (the compacted log's days) of instants in `DATE_RANGE`, anywhere on Earth
 * (UTC−12 to UTC+14): one day either side.
 */
export const LOCAL_DATE_RANGE = {
  earliest: '1999-12-31',
  latest: '2200-01-01',
} as const;

/**
 * Chrome's `declarativeNetRequest.MAX_NUMBER_OF_REGEX_RULES` (1000 per extension; Firefox uses the
 * same number). Source: https://developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest#property-MAX_NUMBER_OF_REGEX_RULES
 */
export const BROWSER_REGEX_RULE_LIMIT = 1000;

/** The most redirect rules one guarded account needs (Instagram: its story and its live). */
export const REGEX_RULES_PER_ACCOUNT = 2;

/** Characters of an error shown to the person, whatever the input (a summary and a few places). */
export const ERROR_TEXT_MAX_CHARS = 300;
