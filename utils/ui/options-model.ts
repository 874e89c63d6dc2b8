/**
 * Pure helpers for the options page: dates and times shown in local time, the words of the "when
 * urges come" view, and a few small rules.
 * No clock, no storage, no `browser`: locale and time zone are passed in, so every rule here is
 * table-tested (tests/unit/ui/options-model.test.ts).
 */
import type { CoolDown, Friction, JournalEntry, StoredDocument } from '../data/schema';
import type { SiteId } from '../sites/site-ids';
import type { Action } from '../sites/site-adapter';
import type { Message, Reply } from '../data/messages';
import { isLowering } from '../data/friction';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * One formatter per locale and options: making one costs more than formatting with it, and the
 * options page formats dozens of dates and hours as it first draws (issue 17, item 8).
 */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** How options components ask for a change: the page sends it to the background and answers. */
export type SendMessage = (message: Message) => Promise<Reply>;

/** A supported site as the options page shows it: its name and an example profile link. */
export interface SiteChoice {
  id: SiteId;
  label: string;
  example: string;
  /** Accounts here usually have the same handle as on that site (utils/sites/site-adapter.ts). */
  sameHandleAs?: SiteId;
  /** Actions paused only if the person chooses, with their default (utils/sites/site-adapter.ts). */
  choosablePauses?: Partial<Record<Action, boolean>>;
  /** Where the site also knows accounts by a number (utils/sites/site-adapter.ts `accountsByNumber`): a profile link by number. */
  numberExample?: string;
}

export interface SameHandleOffer {
  site: SiteId;
  handle: string;
  /** The site of the account the offer comes from. */
  from: SiteId;
}

/**
 * The accounts a person probably also has: for each of their accounts on a site that another site
 * shares handles with (Instagram → Threads), the same handle there, unless it is on their list
 * already or is not a valid handle there. Offered, never added by itself.
 */
export function sameHandleOffers(
  accounts: readonly { site: SiteId; handle: string }[],
  sites: readonly SiteChoice[],
  normalizeHandle: (site: SiteId, raw: string) => string | undefined,
): SameHandleOffer[] {
  const offers: SameHandleOffer[] = [];
  for (const target of sites) {
    if (!target.sameHandleAs) continue;
    for (const account of accounts) {
      if (account.site !== target.sameHandleAs) continue;
      const handle = normalizeHandle(target.id, account.handle);
      if (!handle) continue;
      const known = (list: readonly { site: SiteId; handle: string }[]) => list.some((a) => a.site === target.id && a.handle === handle);
      if (!known(accounts) && !known(offers)) offers.push({ site: target.id, handle, from: account.site });
    }
  }
  return offers;
}

/** What utils/sites/recognize.ts answers for a pasted link (`recognizeProfileLink`). */
export type RecognizedLink =
  | { ok: true; site: SiteId; handle: string; stableId?: string; profileUrl: string }
  | { ok: false; reason: 'not-a-link' | 'unsupported-site' | 'no-person' };

// ---------------------------------------------------------------------------------------------
// The person's own link patterns: the rules live with the sites (the background turns them into
// redirect rules), the options page uses the same check and match for its live preview.
export {
  checkLinkPattern,
  linkPatternMatches,
  LINK_PATTERN_MAX_LENGTH,
  type LinkPatternCheck,
  type LinkPatternProblem,
} from '../sites/custom-patterns';

/**
 * Site access for the person's own link patterns: a pattern pauses only where the browser lets the
 * extension act (its redirect needs host permission). The options page's wiring asks the browser.
 */
export interface PatternAccess {
  /** Whether the extension may act on the pattern's site; undefined while unknown. */
  granted(pattern: string): boolean | undefined;
  /** Asks the browser. Call it inside the click, before any await. Resolves to whether access is given. */
  request(pattern: string): Promise<boolean>;
}

// ---------------------------------------------------------------------------------------------
// Dates and times, always in the person's local time

/** "Nov 24, 2026, 3:00 PM" in `locale` and `timeZone`: when a waiting change takes effect. */
export function formatLocalDateTime(iso: string, locale: string, timeZone: string): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** "February 14" for a hard day's "02-14". A leap year, so "02-29" has a name too. */
export function formatMonthDay(monthDay: string, locale: string): string {
  const [month, day] = monthDay.split('-').map(Number);
  const date = new Date(Date.UTC(2024, (month ?? 1) - 1, day ?? 1, 12));
  return dateFormat(locale, { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** "02-14" for month 2, day 14; undefined for a day the month never has (Feb 29 is kept: it comes back). */
export function parseMonthDay(month: number, day: number): string | undefined {
  if (!Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12) return undefined;
  if (day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0)) return undefined;
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Month names for the hard-day picker, January first. */
export function monthNames(locale: string): string[] {
  const format = dateFormat(locale, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, month) => format.format(new Date(Date.UTC(2024, month, 1, 12))));
}

// ---------------------------------------------------------------------------------------------
// When urges come: relative words, never counts

export type UrgeLevel = 'none' | 'low' | 'medium' | 'high';

/** Each value relative to the largest one: thirds of the largest, so the view shows a pattern and no score. */
export function urgeLevels(values: readonly number[]): UrgeLevel[] {
  const max = Math.max(0, ...values);
  return values.map((value) => {
    if (max === 0 || value <= 0) return 'none';
    const share = value / max;
    if (share > 2 / 3) return 'high';
    if (share > 1 / 3) return 'medium';
    return 'low';
  });
}

/** Bar length as a share of the largest value (0…1). */
export function barFractions(values: readonly number[]): number[] {
  const max = Math.max(0, ...values);
  return values.map((value) => (max > 0 ? Math.max(0, value) / max : 0));
}

/** "10 PM" / "22" for hour 0–23, in `locale`. */
export function hourLabel(hour: number, locale: string): string {
  return dateFormat(locale, { hour: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 1, hour)));
}

/** Weekday name for 0 = Sunday … 6 = Saturday (Date#getDay numbering), in `locale`. */
export function weekdayLabel(weekday: number, locale: string): string {
  // 2026-11-22 is a Sunday.
  return dateFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 10, 22 + weekday, 12)));
}

// ---------------------------------------------------------------------------------------------
// Small rules

/** Raising friction is immediate; lowering it waits for the cool-down (if there is one). */
export function frictionChangeTiming(from: Friction, to: Friction, coolDown: CoolDown): 'same' | 'now' | 'after-cool-down' {
  if (from === to) return 'same';
  return isLowering(from, to) && coolDown !== 'none' ? 'after-cool-down' : 'now';
}

/** The fragment popup-model.ts `setupHash` writes: `#setup` or `#setup/<step>`. */
const SETUP_HASH = /^#?setup(?:\/[a-z-]+)?$/;

/** Set-up first: on request (#setup, #setup/<step>), or on a first visit while nobody is guarded yet. */
export function showsSetup(doc: StoredDocument, hash: string): boolean {
  return SETUP_HASH.test(hash) || (!doc.settings.setupDone && doc.people.length === 0);
}

/**
 * What an open page shows now. A page opened on the settings stays on them when the data is
 * erased there, so the "erased" line is read and an import is one step away; the set-up comes
 * back on request or the next time the page opens. (tests/e2e/journeys.e2e.ts: export, erase,
 * import found the import out of reach behind the set-up.)
 */
export function showsSetupNow(doc: StoredDocument, hash: string, openedInSetup: boolean): boolean {
  return SETUP_HASH.test(hash) || (openedInSetup && showsSetup(doc, hash));
}

/** Journal entries drawn at first, and added by each "show older entries" (the options page asks the background for them). */
export const JOURNAL_PAGE = 20;

/** The journal, newest first. */
export function journalNewestFirst(entries: readonly JournalEntry[]): JournalEntry[] {
  return [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/** The first line of an entry, cut at a word near `maxChars`, for the list. */
export function journalPreview(text: string, maxChars = 80): string {
  const firstLine = text.trim().split(/\r?\n/)[0] ?? '';
  if (firstLine.length <= maxChars && !text.trim().includes('\n')) return firstLine;
  if (firstLine.length <= maxChars) return `${firstLine}…`;
  const cut = firstLine.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxChars / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** "Instagram, X and Bluesky", for the sentence that says which sites we recognise. */
export function listText(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

/** A file name for the export, from the background's answer, kept to safe characters. */
export function safeFileName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]/g, '-');
  return cleaned.endsWith('.json') ? cleaned : `${cleaned}.json`;
}

// Hard hours (issue 14)

/** "22:00" / "10 PM" for a local hour, in `locale` (a fixed UTC day, so no zone shifts it). */
export function formatHour(hour: number, locale: string): string {
  return dateFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 7, hour)));
}

/** Short weekday names, Sunday first, in `locale` (2024-01-07 was a Sunday). */
export function weekdayNames(locale: string, width: 'short' | 'long' = 'short'): string[] {
  const format = dateFormat(locale, { weekday: width, timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, day) => format.format(new Date(Date.UTC(2024, 0, 7 + day, 12))));
}
