/**
 * Version 1 of the stored document, FROZEN: this is what version 1 wrote, under the storage key
 * `state`, as one object. Never edit it to follow the current schema; it exists so that migration
 * 002 can read old data and old exports. Its own copies of every enum are deliberate (the current
 * lists may grow or shrink without changing what version 1 meant).
 *
 * What changed in version 2 (see ./002-journal-out-of-log.ts): journal entries were events with a
 * `text` in the one bounded log (so compaction could drop what someone wrote), and feed hiding was
 * one global setting instead of per person.
 */
import '../zod-config';
import { z } from 'zod';

export const V1_VERSION = 1 as const;

/** The storage key version 1 used for its whole document. */
export const V1_STORAGE_KEY = 'state';

const isoInstant = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(64);
const shortText = z.string().trim().min(1).max(500);

const V1SiteIdSchema = z.enum(['x', 'bluesky', 'instagram', 'linkedin']);
const V1FrictionSchema = z.enum(['gentle', 'firm', 'strict']);
const V1CoolDownSchema = z.enum(['none', '1h', '24h']);
const V1FeedHidingSchema = z.enum(['off', 'hide', 'collapse']);

export const V1AccountSchema = z.object({
  site: V1SiteIdSchema,
  handle: z.string().min(1).max(256),
});

export const V1PersonSchema = z.object({
  id,
  label: z.string().trim().max(80),
  accounts: z.array(V1AccountSchema).max(50),
  addedAt: isoInstant,
});

export const V1PendingChangeSchema = z.discriminatedUnion('kind', [
  z.object({ id, kind: z.literal('friction'), friction: V1FrictionSchema, requestedAt: isoInstant, effectiveAt: isoInstant }),
  z.object({ id, kind: z.literal('remove-person'), personId: id, requestedAt: isoInstant, effectiveAt: isoInstant }),
]);

export const V1SettingsSchema = z.object({
  friction: V1FrictionSchema,
  coolDown: V1CoolDownSchema,
  /** One setting for every guarded person. */
  feedHiding: V1FeedHidingSchema,
  pending: z.array(V1PendingChangeSchema).max(50),
});

export const V1PastStreakSchema = z.object({
  startedAt: isoInstant,
  endedAt: isoInstant,
  timeZone: z.string().min(1).max(64),
  days: z.number().int().min(0),
  note: z.string().max(2000).optional(),
});

export const V1StreakSchema = z.object({
  startedAt: isoInstant,
  timeZone: z.string().min(1).max(64),
  goalDays: z.number().int().min(1).max(3650),
  history: z.array(V1PastStreakSchema).max(1000),
});

export const V1EventSchema = z.object({
  type: z.enum(['urge-resisted', 'went-through', 'contact-recorded', 'journal-entry', 'milestone']),
  at: isoInstant,
  site: V1SiteIdSchema.optional(),
  what: z.string().max(32).optional(),
  days: z.number().int().min(0).optional(),
  /** What the person wrote, on 'journal-entry' events only. */
  text: z.string().trim().min(1).max(20_000).optional(),
});

export const V1DocumentSchema = z.object({
  version: z.literal(V1_VERSION),
  settings: V1SettingsSchema,
  people: z.array(V1PersonSchema).max(50),
  reasons: z.array(z.object({ id, text: shortText })).max(100),
  insteadIdeas: z.array(z.object({ id, text: shortText })).max(100),
  streak: V1StreakSchema,
  /** The one bounded log: oldest first, the oldest dropped beyond 5000. */
  events: z.array(V1EventSchema).max(5000),
});

export type V1Document = z.infer<typeof V1DocumentSchema>;
export type V1Event = z.infer<typeof V1EventSchema>;
