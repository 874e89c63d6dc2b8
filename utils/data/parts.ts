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

import { PART_KEYS, withCoreAndStreak } from './join-core';

export { PART_KEYS };
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

/** The list a period part holds, its field and its item schema. */
function listOfPart(key: string): { field: string; item: z.ZodType; max: number } | undefined {
  if (key.startsWith(RECENT_PREFIX)) return { field: 'events', item: EventSchema, max: LIMITS.recentEvents };
  if (key.startsWith(DAILY_PREFIX)) return { field: 'rows', item: DailyCountSchema, max: LIMITS.dailyRows };
  if (key.startsWith(JOURNAL_PREFIX)) return { field: 'entries', item: JournalEntrySchema, max: LIMITS.journal };
  return undefined;
}

/**
 * `next` validated against its schema, knowing that `prev` (the same part as stored) is valid: an
 * item or field that is the very same object as in `prev` was validated before, so only what is
 * new is parsed (one logged urge parses one event, not the month). Every rule of the part's schema
 * is a rule of one field or one item (the limits of utils/data/limits.ts), so this is the same
 * check as a full parse. A part with no valid `prev` is parsed whole.
 */
function checkedPart(key: string, prev: unknown, next: unknown): unknown {
  if (!isRecord(prev) || !isRecord(next) || prev.version !== next.version) return parsePart(key, next);
  const list = listOfPart(key);
  if (list) {
    const items = next[list.field];
    if (!Array.isArray(items) || items.length > list.max || Object.keys(next).length !== 2) return parsePart(key, next);
    const known = new Set(listOf(prev, list.field));
    const out: unknown[] = [];
    for (const item of items) {
      if (known.has(item)) {
        out.push(item);
        continue;
      }
      const parsed = list.item.safeParse(item);
      if (!parsed.success) return undefined;
      out.push(parsed.data);
    }
    return { version: next.version, [list.field]: out };
  }
  const schema = key === PART_KEYS.core ? CorePartSchema : key === PART_KEYS.streak ? StreakPartSchema : undefined;
  if (!schema) return undefined;
  const shape = schema.shape as Record<string, z.ZodType>;
  const out: Record<string, unknown> = {};
  for (const field of new Set([...Object.keys(prev), ...Object.keys(next)])) {
    const fieldSchema = shape[field];
    // A field the schema does not know: the full parse says what to do with it.
    if (!fieldSchema) return parsePart(key, next);
    const value = next[field];
    if (value === prev[field]) {
      if (value !== undefined) out[field] = value;
      continue;
    }
    const parsed = fieldSchema.safeParse(value);
    if (!parsed.success) return undefined;
    if (parsed.data !== undefined) out[field] = parsed.data;
  }
  return out;
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

type Category = 'core' | 'streak' | 'recent' | 'daily' | 'journal';
const CATEGORIES: readonly Category[] = ['core', 'streak', 'recent', 'daily', 'journal'];
const PREFIXES: Record<Category, string> = { core: PART_KEYS.core, streak: PART_KEYS.streak, recent: RECENT_PREFIX, daily: DAILY_PREFIX, journal: JOURNAL_PREFIX };

function categoryOf(key: string): Category | undefined {
  return CATEGORIES.find((category) => (category === 'core' || category === 'streak' ? key === PREFIXES[category] : key.startsWith(PREFIXES[category])));
}

/** The parts of one category of the document. */
function splitCategory(doc: StoredDocument, category: Category): Parts {
  const { version } = doc;
  const parts: Parts = {};
  switch (category) {
    case 'core': {
      const { events: _events, journal: _journal, streak: _streak, ...core } = doc;
      parts[PART_KEYS.core] = core;
      break;
    }
    case 'streak':
      parts[PART_KEYS.streak] = { version, ...doc.streak };
      break;
    case 'recent':
      for (const [month, events] of groupInOrder(doc.events.recent, monthOf)) parts[`${RECENT_PREFIX}${month}`] = { version, events };
      break;
    case 'daily':
      for (const [year, rows] of groupInOrder(doc.events.daily, (row: DailyCount) => row.date.slice(0, 4))) parts[`${DAILY_PREFIX}${year}`] = { version, rows };
      break;
    case 'journal':
      for (const [month, entries] of groupInOrder(doc.journal, monthOf)) parts[`${JOURNAL_PREFIX}${month}`] = { version, entries };
      break;
  }
  return parts;
}

/** Whether `next` may differ from `prev` in this category (the reducers share what they keep). */
function mayDiffer(prev: StoredDocument, next: StoredDocument, category: Category): boolean {
  switch (category) {
    case 'core': {
      const keys = new Set([...Object.keys(prev), ...Object.keys(next)]);
      for (const key of ['events', 'journal', 'streak']) keys.delete(key);
      return [...keys].some((key) => (prev as Record<string, unknown>)[key] !== (next as Record<string, unknown>)[key]);
    }
    case 'streak':
      return prev.streak !== next.streak;
    case 'recent':
      return prev.events.recent !== next.events.recent;
    case 'daily':
      return prev.events.daily !== next.events.daily;
    case 'journal':
      return prev.journal !== next.journal;
  }
}

/** The document as parts. The lists inside the parts hold the document's own items (not copies). */
export function splitDocument(doc: StoredDocument): Parts {
  return Object.assign({}, ...CATEGORIES.map((category) => splitCategory(doc, category))) as Parts;
}

function listOf(value: unknown, field: string): unknown[] {
  return isRecord(value) && Array.isArray(value[field]) ? (value[field] as unknown[]) : [];
}

/** Every item of the period parts under `prefix`, oldest period first. */
function gather(parts: Parts, prefix: string, field: string): unknown[] {
  const keys: string[] = [];
  for (const key in parts) if (key.startsWith(prefix)) keys.push(key);
  keys.sort();
  // concat, not flatMap: this runs for every logged urge (bench/store.measure.ts).
  return ([] as unknown[]).concat(...keys.map((key) => listOf(parts[key], field)));
}

/**
 * The parts joined back into one document, unvalidated (migrations and salvage validate it).
 * Periods are joined oldest first; a period part that is not a record adds nothing.
 */
export function joinParts(parts: Parts): unknown {
  const keys = Object.keys(parts).filter(isPartKey);
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
    events: { recent: gather(parts, RECENT_PREFIX, 'events'), daily: gather(parts, DAILY_PREFIX, 'rows') },
    journal: gather(parts, JOURNAL_PREFIX, 'entries'),
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

function listIn(doc: StoredDocument, category: 'recent' | 'journal'): readonly { at: string }[] {
  return category === 'recent' ? doc.events.recent : doc.journal;
}

/**
 * When `next`'s list in this category is `prev`'s with items added at its end: the parts those
 * items go to (the last period, or new ones), with only the new items parsed; `false` when one of
 * them is not valid; undefined when the change is not an append (then the category is split again).
 */
function appendedParts(parts: Parts, prev: StoredDocument, next: StoredDocument, category: Category): Parts | false | undefined {
  if (category !== 'recent' && category !== 'journal') return undefined;
  const before = listIn(prev, category);
  const after = listIn(next, category);
  if (after.length <= before.length) return undefined;
  for (let i = 0; i < before.length; i++) if (after[i] !== before[i]) return undefined;
  const prefix = PREFIXES[category];
  const list = listOfPart(prefix)!;
  const lastKey = Object.keys(parts).filter((key) => key.startsWith(prefix)).sort().at(-1);
  const out: Parts = {};
  let last = lastKey ? lastKey.slice(prefix.length) : '';
  for (const item of after.slice(before.length)) {
    const parsed = list.item.safeParse(item);
    if (!parsed.success) return false;
    const own = monthOf(item);
    last = own < last ? last : own;
    const key = `${prefix}${last}`;
    const part = out[key] ?? parts[key];
    const items = [...listOf(part, list.field), parsed.data];
    if (items.length > list.max) return false;
    out[key] = { version: next.version, [list.field]: items };
  }
  return out;
}

/**
 * What `next` changes against the stored `parts`: only the parts whose content differs, each
 * parsed with its schema. Undefined when a changed part (or a total across parts) is not valid.
 */
export function diffParts(parts: Parts, next: StoredDocument, prev?: StoredDocument): PartsChange | undefined {
  if (next.events.recent.length > LIMITS.recentEvents || next.events.daily.length > LIMITS.dailyRows || next.journal.length > LIMITS.journal) return undefined;
  // With the document the parts hold, only the categories the change touched are split again.
  const categories = new Set(prev ? CATEGORIES.filter((category) => mayDiffer(prev, next, category)) : CATEGORIES);
  const set: Parts = {};
  const remove: string[] = [];
  for (const category of categories) {
    // The common change (an urge logged, an entry written) adds at the end: only what it adds is looked at.
    const appended = prev ? appendedParts(parts, prev, next, category) : undefined;
    if (appended === false) return undefined;
    if (appended) {
      Object.assign(set, appended);
      continue;
    }
    const nextParts = splitCategory(next, category);
    for (const [key, value] of Object.entries(nextParts)) {
      if (samePart(parts[key], value)) continue;
      const parsed = checkedPart(key, parts[key], value);
      if (parsed === undefined) return undefined;
      set[key] = parsed;
    }
    for (const key of Object.keys(parts)) if (categoryOf(key) === category && !(key in nextParts)) remove.push(key);
  }
  return { set, remove };
}

/**
 * The document after `change`, from `doc` (the document before it) and `parts` (after it): only
 * what the change touched is joined again. The same as `joinParts(parts)` for valid parts.
 */
export function joinChange(doc: StoredDocument, parts: Parts, change: PartsChange): StoredDocument {
  const touched = [...Object.keys(change.set), ...change.remove];
  const has = (prefix: string) => touched.some((key) => key.startsWith(prefix));
  let next = withCoreAndStreak(
    doc,
    touched.includes(PART_KEYS.core) ? parts[PART_KEYS.core] : undefined,
    touched.includes(PART_KEYS.streak) ? parts[PART_KEYS.streak] : undefined,
  );
  if (has(RECENT_PREFIX)) next = { ...next, events: { ...next.events, recent: gather(parts, RECENT_PREFIX, 'events') as StoredDocument['events']['recent'] } };
  if (has(DAILY_PREFIX)) next = { ...next, events: { ...next.events, daily: gather(parts, DAILY_PREFIX, 'rows') as StoredDocument['events']['daily'] } };
  if (has(JOURNAL_PREFIX)) next = { ...next, journal: gather(parts, JOURNAL_PREFIX, 'entries') as StoredDocument['journal'] };
  return next;
}

/** The stored parts after a change. */
export function withChange(parts: Parts, change: PartsChange): Parts {
  const out: Parts = { ...parts, ...change.set };
  for (const key of change.remove) delete out[key];
  return out;
}
