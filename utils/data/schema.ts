/**
 * The stored document, current version. Types come from the schemas (z.infer), so the
 * shape is written once. Older versions live frozen in ./migrations/; every stored document
 * and every import is migrated to this shape and parsed with `DocumentSchema` before use.
 */
import './zod-config';
import { z } from 'zod';
import { SITE_IDS } from '../sites/site-ids';
import { ACTIONS } from '../sites/site-adapter';
import { LIMITS } from './limits';
import { FRICTIONS } from './friction';
import { checkAccountHandle, checkAccountsTotal, instantSchema, localDateSchema, monthDaySchema, timeZoneSchema } from './schema-checks';
import { isFriendLink } from '../friend/friend-link';

export const SCHEMA_VERSION = 4 as const;

const isoInstant = instantSchema;
const localDate = localDateSchema;
const id = z.string().min(1).max(LIMITS.idChars);
const shortText = z.string().trim().min(1).max(LIMITS.shortTextChars);

export const SiteIdSchema = z.enum(SITE_IDS);

export const AccountSchema = z.object({
  site: SiteIdSchema,
  /** Normalised by the site's adapter (lower-case, no '@'). */
  handle: z.string().min(1).max(LIMITS.handleChars),
  /** A handle-independent id where the site has one (Bluesky DID, X numeric id, LinkedIn member id). */
  stableId: z.string().min(1).max(LIMITS.stableIdChars).optional(),
}).superRefine(checkAccountHandle);

export const FeedHidingSchema = z.enum(['off', 'hide', 'collapse']);

/**
 * How far feed hiding reaches, for everyone whose posts are hidden: 'own', their own posts (and
 * what they repost or quote), or 'mentions', also posts that tag or mention them and suggestion
 * cards that show them (issue 12, item 7). Optional in settings: absent is 'own', as before.
 */
export const FeedReachSchema = z.enum(['own', 'mentions']);

export const PersonSchema = z.object({
  id,
  /** The name the person chose for them; never shown in a page. */
  label: z.string().trim().max(LIMITS.labelChars),
  accounts: z.array(AccountSchema).max(LIMITS.accountsPerPerson),
  feedHiding: FeedHidingSchema,
  addedAt: isoInstant,
  /** Version 3: some contact is needed (children, work, a shared home); their messages ask "is this needed contact?". */
  contactNeeded: z.boolean().optional(),
});

export const TextItemSchema = z.object({ id, text: shortText });

export const FrictionSchema = z.enum(FRICTIONS);
export const CoolDownSchema = z.enum(['none', '1h', '24h']);

/** A change that makes the guard weaker waits for the cool-down the person chose. */
export const PendingChangeSchema = z.discriminatedUnion('kind', [
  z.object({ id, kind: z.literal('friction'), friction: FrictionSchema, requestedAt: isoInstant, effectiveAt: isoInstant }),
  z.object({ id, kind: z.literal('pause-guard'), requestedAt: isoInstant, effectiveAt: isoInstant }),
  z.object({ id, kind: z.literal('remove-person'), personId: id, requestedAt: isoInstant, effectiveAt: isoInstant }),
  z.object({ id, kind: z.literal('site-off'), site: SiteIdSchema, requestedAt: isoInstant, effectiveAt: isoInstant }),
  z.object({ id, kind: z.literal('cool-down'), coolDown: CoolDownSchema, requestedAt: isoInstant, effectiveAt: isoInstant }),
  z.object({ id, kind: z.literal('feed-hiding'), personId: id, feedHiding: FeedHidingSchema, requestedAt: isoInstant, effectiveAt: isoInstant }),
  // Version 3: a pause for a while (an hour, until tomorrow), ending by itself at `until`.
  z.object({ id, kind: z.literal('pause-until'), until: isoInstant, requestedAt: isoInstant, effectiveAt: isoInstant }),
  // Version 3: removing hard hours makes the pause gentler in them, so it waits too.
  z.object({ id, kind: z.literal('hard-hours-removed'), hardHoursId: id, requestedAt: isoInstant, effectiveAt: isoInstant }),
  // Version 3: marking "some contact is needed" makes their messages easier to open, so it waits too.
  z.object({ id, kind: z.literal('contact-needed'), personId: id, requestedAt: isoInstant, effectiveAt: isoInstant }),
]);

export const SettingsSchema = z.object({
  friction: FrictionSchema,
  /** The phrase typed at strict friction, in the person's own words. */
  strictPhrase: z.string().trim().max(LIMITS.strictPhraseChars),
  coolDown: CoolDownSchema,
  /** The whole guard paused (after the cool-down). */
  paused: z.boolean(),
  /** Sites switched off by the person; absent means on. */
  sitesOff: z.array(SiteIdSchema),
  pending: z.array(PendingChangeSchema).max(LIMITS.pending),
  /** Set when the first-run set-up was finished or skipped. */
  setupDone: z.boolean(),
  /** Version 3: with `paused`, the pause ends by itself at this instant (a pause for a while). */
  pausedUntil: isoInstant.optional(),
  /**
   * The person's choice for actions a site declares choosable (`choosablePauses` in
   * utils/sites/site-adapter.ts, an anonymous vote): true pauses them. Optional, so no version
   * bump: absent (or an action absent) means the site's default.
   */
  choosablePauses: z.partialRecord(z.enum(ACTIONS), z.boolean()).optional(),
  /** Feed hiding's reach (FeedReachSchema); absent is 'own', so no version bump was needed. */
  feedReach: FeedReachSchema.optional(),
});

export const PastStreakSchema = z.object({
  startedAt: isoInstant,
  endedAt: isoInstant,
  timeZone: timeZoneSchema,
  days: z.number().int().min(0).max(LIMITS.days),
  note: z.string().max(LIMITS.noteChars).optional(),
});

export const StreakSchema = z.object({
  /** The instant the count starts, and the zone it was set in. */
  startedAt: isoInstant,
  timeZone: timeZoneSchema,
  goalDays: z.number().int().min(1).max(LIMITS.goalDays),
  history: z.array(PastStreakSchema).max(LIMITS.history),
  /** Milestones (in days) already celebrated in this streak, so each is shown once. */
  celebrated: z.array(z.number().int().min(1).max(LIMITS.days)).max(LIMITS.celebrated),
});

/** Ways of letting an urge pass besides "go back" (version 3). */
export const UrgeWaySchema = z.enum(['plan', 'friend', 'wave']);

export const EventTypeSchema = z.enum(['urge-resisted', 'went-through', 'contact-recorded', 'journal-entry', 'milestone']);

export const EventSchema = z.object({
  type: EventTypeSchema,
  at: isoInstant,
  site: SiteIdSchema.optional(),
  /** What was reached for: a page kind or a control action. */
  what: z.string().max(LIMITS.whatChars).optional(),
  /** Milestone days, for 'milestone'. */
  days: z.number().int().min(0).max(LIMITS.days).optional(),
  /** How an urge was let pass, when it was not plain "go back": 'plan' (their if-then plan), 'friend' (a message to a friend), 'wave' (riding the urge out with the timer). */
  way: UrgeWaySchema.optional(),
});

/** Old events are compacted into one row per local day: counts per type, and urges per hour. */
export const DailyCountSchema = z.object({
  date: localDate,
  counts: z.partialRecord(EventTypeSchema, z.number().int().min(0).max(LIMITS.dailyCount)),
  /** Urges (resisted or not) per local hour 0–23, for the private "when urges come" view. */
  urgeHours: z.array(z.number().int().min(0).max(LIMITS.dailyCount)).length(24),
});

export const EventLogSchema = z.object({
  recent: z.array(EventSchema).max(LIMITS.recentEvents),
  daily: z.array(DailyCountSchema).max(LIMITS.dailyRows),
});

export const JournalEntrySchema = z.object({
  id,
  at: isoInstant,
  text: z.string().trim().min(1).max(LIMITS.journalTextChars),
});

export const HardDaySchema = z.object({
  id,
  /** Month and day ("02-14"), every year. */
  monthDay: monthDaySchema,
  label: z.string().trim().max(LIMITS.labelChars),
});

export const CustomPatternSchema = z.object({
  id,
  personId: id,
  /** A URL pattern with * wildcards, e.g. https://example.social/@someone* */
  pattern: z.string().trim().min(1).max(LIMITS.patternChars),
});

/** An if-then plan in the person's own words: "When <when>, I will <then>." (version 3) */
export const PlanSchema = z.object({
  id,
  when: z.string().trim().min(1).max(200),
  then: z.string().trim().min(1).max(300),
});

/**
 * One friend to reach instead (version 3): a messaging app's https link, mailto:, sms: or tel:,
 * and a message prepared in a calm moment. The extension never sends it.
 */
export const FriendSchema = z.object({
  link: z.string().trim().min(1).max(2000).refine(isFriendLink, 'a messaging app link (https://…), mailto:, sms: or tel:'),
  message: z.string().trim().max(1000),
});

const hour = z.number().int().min(0).max(23);

/** Version 3: hours the person finds hard (late nights, weekends): the pause is one level firmer then. */
export const HardHoursSchema = z.object({
  id,
  from: hour,
  to: hour,
  /** Weekdays the window starts on, 0 = Sunday; empty means every day. */
  days: z.array(z.number().int().min(0).max(6)).max(7),
});

/** The part every content script reads: small, and with no journal or log in it. */
export const CoreSchema = z.object({
  version: z.literal(SCHEMA_VERSION),
  settings: SettingsSchema,
  people: z.array(PersonSchema).max(LIMITS.people).superRefine(checkAccountsTotal),
  reasons: z.array(TextItemSchema).max(LIMITS.reasons),
  insteadIdeas: z.array(TextItemSchema).max(LIMITS.insteadIdeas),
  streak: StreakSchema,
  hardDays: z.array(HardDaySchema).max(LIMITS.hardDays),
  customPatterns: z.array(CustomPatternSchema).max(LIMITS.customPatterns),
  plans: z.array(PlanSchema).max(LIMITS.plans),
  friend: FriendSchema.optional(),
  hardHours: z.array(HardHoursSchema).max(LIMITS.hardHours),
});

export const DocumentSchema = CoreSchema.extend({
  events: EventLogSchema,
  journal: z.array(JournalEntrySchema).max(LIMITS.journal),
});

export type Account = z.infer<typeof AccountSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type FeedHiding = z.infer<typeof FeedHidingSchema>;
export type FeedReach = z.infer<typeof FeedReachSchema>;
export type TextItem = z.infer<typeof TextItemSchema>;
export type Friction = z.infer<typeof FrictionSchema>;
export type CoolDown = z.infer<typeof CoolDownSchema>;
export type PendingChange = z.infer<typeof PendingChangeSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
export type Streak = z.infer<typeof StreakSchema>;
export type PastStreak = z.infer<typeof PastStreakSchema>;
export type EventType = z.infer<typeof EventTypeSchema>;
export type LogEvent = z.infer<typeof EventSchema>;
export type DailyCount = z.infer<typeof DailyCountSchema>;
export type EventLog = z.infer<typeof EventLogSchema>;
export type JournalEntry = z.infer<typeof JournalEntrySchema>;
export type HardDay = z.infer<typeof HardDaySchema>;
export type CustomPattern = z.infer<typeof CustomPatternSchema>;
export type Core = z.infer<typeof CoreSchema>;
export type Plan = z.infer<typeof PlanSchema>;
export type UrgeWay = z.infer<typeof UrgeWaySchema>;
export type Friend = z.infer<typeof FriendSchema>;
export type HardHours = z.infer<typeof HardHoursSchema>;
export type StoredDocument = z.infer<typeof DocumentSchema>;

export { STORAGE_KEYS } from './storage-keys';

/** A fresh document: nobody guarded yet, the count starting at `now` in `timeZone`. */
export function emptyDocument(now: Date, timeZone: string): StoredDocument {
  return {
    version: SCHEMA_VERSION,
    settings: {
      friction: 'gentle',
      strictPhrase: '',
      coolDown: 'none',
      paused: false,
      sitesOff: [],
      pending: [],
      setupDone: false,
    },
    people: [],
    reasons: [],
    insteadIdeas: [],
    streak: { startedAt: now.toISOString(), timeZone, goalDays: 30, history: [], celebrated: [] },
    hardDays: [],
    customPatterns: [],
    plans: [],
    hardHours: [],
    events: { recent: [], daily: [] },
    journal: [],
  };
}
