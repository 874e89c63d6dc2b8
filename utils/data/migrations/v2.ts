/**
 * Version 2 of the stored document, FROZEN: what version 2 wrote (as `core` + `log`, joined here
 * into one document). Never edit it to follow the current schema; migration 003 reads it. Its own
 * copy of the site list is deliberate (the current list may grow without changing version 2).
 *
 * What changed in version 3 (see ./003-urge-toolkit.ts): the person's own tools for the moment
 * of an urge were added.
 */
import '../zod-config';
import { z } from 'zod';

export const V2_VERSION = 2 as const;

const isoInstant = z.iso.datetime({ offset: true });
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-02-14');
const id = z.string().min(1).max(64);
const shortText = z.string().trim().min(1).max(500);

const V2SiteIdSchema = z.enum(['x', 'bluesky', 'instagram', 'linkedin']);

const V2AccountSchema = z.object({
  site: V2SiteIdSchema,
  /** Normalised by the site's adapter (lower-case, no '@'). */
  handle: z.string().min(1).max(256),
  /** A handle-independent id where the site has one (Bluesky DID, X numeric id, LinkedIn member id). */
  stableId: z.string().min(1).max(256).optional(),
});

const V2FeedHidingSchema = z.enum(['off', 'hide', 'collapse']);

const V2PersonSchema = z.object({
  id,
  /** The name the person chose for them; never shown in a page. */
  label: z.string().trim().max(80),
  accounts: z.array(V2AccountSchema).max(50),
  feedHiding: V2FeedHidingSchema,
  addedAt: isoInstant,
});

const V2TextItemSchema = z.object({ id, text: shortText });

const V2FrictionSchema = z.enum(['gentle', 'firm', 'strict']);
const V2CoolDownSchema = z.enum(['none', '1h', '24h']);

/** A change that makes the guard weaker waits for the cool-down the person chose. */
const V2PendingChangeSchema = z.discriminatedUnion('kind', [
  z.object({ id, kind: z.literal('friction'), friction: V2FrictionSchema, requestedAt: isoInstant, effectiveAt: isoInstant }),
  z.object({ id, kind: z.literal('pause-guard'), requestedAt: isoInstant, effectiveAt: isoInstant }),
  z.object({ id, kind: z.literal('remove-person'), personId: id, requestedAt: isoInstant, effectiveAt: isoInstant }),
  z.object({ id, kind: z.literal('site-off'), site: V2SiteIdSchema, requestedAt: isoInstant, effectiveAt: isoInstant }),
  z.object({ id, kind: z.literal('cool-down'), coolDown: V2CoolDownSchema, requestedAt: isoInstant, effectiveAt: isoInstant }),
  z.object({ id, kind: z.literal('feed-hiding'), personId: id, feedHiding: V2FeedHidingSchema, requestedAt: isoInstant, effectiveAt: isoInstant }),
]);

const V2SettingsSchema = z.object({
  friction: V2FrictionSchema,
  /** The phrase typed at strict friction, in the person's own words. */
  strictPhrase: z.string().trim().max(200),
  coolDown: V2CoolDownSchema,
  /** The whole guard paused (after the cool-down). */
  paused: z.boolean(),
  /** Sites switched off by the person; absent means on. */
  sitesOff: z.array(V2SiteIdSchema),
  pending: z.array(V2PendingChangeSchema).max(50),
  /** Set when the first-run set-up was finished or skipped. */
  setupDone: z.boolean(),
});

const V2PastStreakSchema = z.object({
  startedAt: isoInstant,
  endedAt: isoInstant,
  timeZone: z.string().min(1).max(64),
  days: z.number().int().min(0),
  note: z.string().max(2000).optional(),
});

const V2StreakSchema = z.object({
  /** The instant the count starts, and the zone it was set in. */
  startedAt: isoInstant,
  timeZone: z.string().min(1).max(64),
  goalDays: z.number().int().min(1).max(3650),
  history: z.array(V2PastStreakSchema).max(1000),
  /** Milestones (in days) already celebrated in this streak, so each is shown once. */
  celebrated: z.array(z.number().int().min(1)).max(100),
});

const V2EventTypeSchema = z.enum(['urge-resisted', 'went-through', 'contact-recorded', 'journal-entry', 'milestone']);

const V2EventSchema = z.object({
  type: V2EventTypeSchema,
  at: isoInstant,
  site: V2SiteIdSchema.optional(),
  /** What was reached for: a page kind or a control action. */
  what: z.string().max(32).optional(),
  /** Milestone days, for 'milestone'. */
  days: z.number().int().min(0).optional(),
});

/** Old events are compacted into one row per local day: counts per type, and urges per hour. */
const V2DailyCountSchema = z.object({
  date: localDate,
  counts: z.partialRecord(V2EventTypeSchema, z.number().int().min(0)),
  /** Urges (resisted or not) per local hour 0–23, for the private "when urges come" view. */
  urgeHours: z.array(z.number().int().min(0)).length(24),
});

const V2EventLogSchema = z.object({
  recent: z.array(V2EventSchema).max(5000),
  daily: z.array(V2DailyCountSchema).max(4000),
});

const V2JournalEntrySchema = z.object({
  id,
  at: isoInstant,
  text: z.string().trim().min(1).max(20_000),
});

const V2HardDaySchema = z.object({
  id,
  /** Month and day ("02-14"), every year. */
  monthDay: z.string().regex(/^\d{2}-\d{2}$/, 'a month and day like 02-14'),
  label: z.string().trim().max(80),
});

const V2CustomPatternSchema = z.object({
  id,
  personId: id,
  /** A URL pattern with * wildcards, e.g. https://example.social/@someone* */
  pattern: z.string().trim().min(1).max(500),
});

/** The part every content script reads: small, and with no journal or log in it. */
const V2CoreSchema = z.object({
  version: z.literal(V2_VERSION),
  settings: V2SettingsSchema,
  people: z.array(V2PersonSchema).max(50),
  reasons: z.array(V2TextItemSchema).max(100),
  insteadIdeas: z.array(V2TextItemSchema).max(100),
  streak: V2StreakSchema,
  hardDays: z.array(V2HardDaySchema).max(100),
  customPatterns: z.array(V2CustomPatternSchema).max(200),
});

export const V2DocumentSchema = V2CoreSchema.extend({
  events: V2EventLogSchema,
  journal: z.array(V2JournalEntrySchema).max(10_000),
});

export type V2Document = z.infer<typeof V2DocumentSchema>;
