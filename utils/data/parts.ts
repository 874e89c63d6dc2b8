/**
 * The stored layout from version 4 on: the document is kept in parts that change at different
 * rates, so a change costs what it changes (issue 17, item 1). Before, every logged urge rewrote
 * one document that held the whole journal and event log (1,000 changes from 20 pages: median
 * acknowledgement 98 s).
 *
 * - `core`: settings, people and the person's own lists (small; what the guard reads, with `streak`);
 * - `streak`: the count, its history and the milestones celebrated;
 * - `log:recent:<YYYY-MM>`: recent events by UTC month of `at`; `log:daily:<YYYY>`: compacted rows by year;
 * - `journal:<YYYY-MM>`: journal entries by UTC month of `at`.
 *
 * Each part carries the version and is validated on its own; a change writes only the parts whose
 * content it changed (found by reference: the reducers never mutate and share what they keep).
 * Joining the parts gives back the document that migrations, reducers and exports see. Pure.
 */
import './zod-config';
import { z } from 'zod';
import {
  CoreSchema,
  DailyCountSchema,
  EventSchema,
  JournalEntrySchema,
  SCHEMA_VERSION,
  StreakSchema,
  type DailyCount,
  type StoredDocument,
} from './schema';
import { LIMITS } from './limits';
import { isRecord } from './is-record';

export const PART_KEYS = { core: 'core', streak: 'streak' } as const;
const RECENT_PREFIX = 'log:recent:';
const DAILY_PREFIX = 'log:daily:';
const JOURNAL_PREFIX = 'journal:';

const version = z.literal(SCHEMA_VERSION);
export const CorePartSchema = CoreSchema.omit({ streak: true });
export const StreakPartSchema = StreakSchema.extend({ version });
const RecentPartSchema = z.object({ version, events: z.array(EventSchema).max(LIMITS.recentEvents) });
const DailyPartSchema = z.object({ version, rows: z.array(DailyCountSchema).max(LIMITS.dailyRows) });
const JournalPartSchema = z.object({ version, entries: z.array(JournalEntrySchema).max(LIMITS.journal) });

/** Every part by key. Values are what is stored under the key. */
export type Parts = Record<string, unknown>;

export function isPartKey(key: string): boolean {
  return key === PART_KEYS.core || key === PART_KEYS.streak || key.startsWith(RECENT_PREFIX) || key.startsWith(DAILY_PREFIX) || key.startsWith(JOURNAL_PREFIX);
}

function schemaOf(key: string): z.ZodType | undefined {
  if (key === PART_KEYS.core) return CorePartSchema;
  if (key === PART_KEYS.streak) return StreakPartSchema;
  if (key.startsWith(RECENT_PREFIX)) return RecentPartSchema;
  if (key.startsWith(DAILY_PREFIX)) return DailyPartSchema;
  if (key.startsWith(JOURNAL_PREFIX)) return JournalPartSchema;
  return undefined;
}

/** The part parsed with its own schema (a copy), or undefined when it is not valid. */
export function parsePart(key: string, value: unknown): unknown {
  const parsed = schemaOf(key)?.safeParse(value);
  return parsed?.success ? parsed.data : undefined;
}

const monthKeys = new WeakMap<object, string>();

/** The UTC month of an instant ("2026-11"), remembered per item: a change groups every item again. */
function monthOf(item: { at: string }): string {
  let key = monthKeys.get(item);
  if (key === undefined) {
    const ms = Date.parse(item.at);
    key = Number.isNaN(ms) ? item.at.slice(0, 7) : new Date(ms).toISOString().slice(0, 7);
    monthKeys.set(item, key);
  }
  return key;
}

/**
 * Consecutive runs of `items` by period, in order. A period never goes back (an item whose period
 * is earlier than the one before it joins that one: a clock moved backwards), so joining the
 * periods oldest first gives the items back in the order they arrived.
 */
function groupInOrder<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  let last = '';
  for (const item of items) {
    const own = keyOf(item);
    const key = own < last ? last : own;
    last = key;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The document as parts. The lists inside the parts hold the document's own items (not copies). */
export function splitDocument(doc: StoredDocument): Parts {
  const { events, journal, streak, ...core } = doc;
  const parts: Parts = { [PART_KEYS.core]: core, [PART_KEYS.streak]: { version: doc.version, ...streak } };
  for (const [month, list] of groupInOrder(events.recent, monthOf)) parts[`${RECENT_PREFIX}${month}`] = { version: doc.version, events: list };
  for (const [year, rows] of groupInOrder(events.daily, (row: DailyCount) => row.date.slice(0, 4))) parts[`${DAILY_PREFIX}${year}`] = { version: doc.version, rows };
  for (const [month, entries] of groupInOrder(journal, monthOf)) parts[`${JOURNAL_PREFIX}${month}`] = { version: doc.version, entries };
  return parts;
}

function listOf(value: unknown, field: string): unknown[] {
  return isRecord(value) && Array.isArray(value[field]) ? (value[field] as unknown[]) : [];
}

/**
 * The parts joined back into one document, unvalidated (migrations and salvage validate it).
 * Periods are joined oldest first; a period part that is not a record adds nothing.
 */
export function joinParts(parts: Parts): unknown {
  const keys = Object.keys(parts).filter(isPartKey).sort();
  const gather = (prefix: string, field: string) => keys.filter((k) => k.startsWith(prefix)).flatMap((k) => listOf(parts[k], field));
  const core = parts[PART_KEYS.core];
  const streakPart = parts[PART_KEYS.streak];
  const { version: _streakVersion, ...streak } = isRecord(streakPart) ? streakPart : { version: undefined };
  const coreVersion = isRecord(core) ? core.version : undefined;
  // Parts of different versions are not one document (each carries its own).
  const sameVersion = keys.every((key) => !isRecord(parts[key]) || (parts[key] as Record<string, unknown>).version === coreVersion);
  return {
    ...(isRecord(core) ? core : {}),
    ...(sameVersion ? {} : { version: undefined }),
    streak: isRecord(streakPart) ? streak : streakPart,
    events: { recent: gather(RECENT_PREFIX, 'events'), daily: gather(DAILY_PREFIX, 'rows') },
    journal: gather(JOURNAL_PREFIX, 'entries'),
  };
}

/** Whether two parts hold the same content, compared by reference (field by field, item by item). */
function samePart(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length || x.some((item, i) => item !== y[i])) return false;
  }
  return true;
}

export interface PartsChange {
  /** Parts to write, each validated (the parsed copy). */
  set: Parts;
  /** Parts that no longer exist (a month whose events were all compacted, a deleted entry's month). */
  remove: string[];
}

/**
 * What `next` changes against the stored `parts`: only the parts whose content differs, each
 * parsed with its schema. Undefined when a changed part (or a total across parts) is not valid.
 */
export function diffParts(parts: Parts, next: StoredDocument): PartsChange | undefined {
  const nextParts = splitDocument(next);
  const set: Parts = {};
  for (const [key, value] of Object.entries(nextParts)) {
    if (samePart(parts[key], value)) continue;
    const parsed = parsePart(key, value);
    if (parsed === undefined) return undefined;
    set[key] = parsed;
  }
  if (next.events.recent.length > LIMITS.recentEvents || next.events.daily.length > LIMITS.dailyRows || next.journal.length > LIMITS.journal) return undefined;
  const remove = Object.keys(parts).filter((key) => isPartKey(key) && !(key in nextParts));
  return { set, remove };
}

/** The stored parts after a change. */
export function withChange(parts: Parts, change: PartsChange): Parts {
  const out: Parts = { ...parts, ...change.set };
  for (const key of change.remove) delete out[key];
  return out;
}
