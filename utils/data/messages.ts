/**
 * Every message sent to the background, named by intent. The background parses each one with
 * `MessageSchema` and checks that the sender may send it (`isAllowedFrom`). Replies are typed
 * per message in `Reply`.
 */
import './zod-config';
import { z } from 'zod';
import {
  AccountSchema,
  CoolDownSchema,
  FeedHidingSchema,
  FeedReachSchema,
  FriendSchema,
  HardHoursSchema,
  FrictionSchema,
  PlanSchema,
  SiteIdSchema,
  UrgeWaySchema,
} from './schema';
import { LIMITS } from './limits';
import { ACTIONS } from '../sites/site-adapter';
import { instantSchema, monthDaySchema, timeZoneSchema } from './schema-checks';

const id = z.string().min(1).max(LIMITS.idChars);
const isoInstant = instantSchema;
const text = z.string().trim().min(1).max(LIMITS.shortTextChars);
const what = z.string().max(LIMITS.whatChars).optional();

export const MessageSchema = z.discriminatedUnion('type', [
  // From the guard on a site page (content script) or the pause page.
  z.object({ type: z.literal('urge-resisted'), site: SiteIdSchema.optional(), what, way: UrgeWaySchema.optional() }),
  z.object({ type: z.literal('went-through'), site: SiteIdSchema.optional(), what, countAsContact: z.boolean() }),
  // From the popup or options page.
  z.object({ type: z.literal('contact-recorded'), note: z.string().trim().max(LIMITS.noteChars).optional() }),
  z.object({ type: z.literal('journal-entry-added'), text: z.string().trim().min(1).max(LIMITS.journalTextChars) }),
  z.object({ type: z.literal('journal-entry-deleted'), entryId: id }),
  z.object({
    type: z.literal('person-added'),
    label: z.string().trim().max(LIMITS.labelChars),
    accounts: z.array(AccountSchema).min(1).max(LIMITS.accountsPerPerson),
    feedHiding: FeedHidingSchema.optional(),
  }),
  z.object({ type: z.literal('person-renamed'), personId: id, label: z.string().trim().max(LIMITS.labelChars) }),
  z.object({ type: z.literal('account-added'), personId: id, account: AccountSchema }),
  z.object({ type: z.literal('account-removed'), personId: id, account: AccountSchema }),
  z.object({ type: z.literal('person-removal-requested'), personId: id }),
  z.object({ type: z.literal('feed-hiding-changed'), personId: id, feedHiding: FeedHidingSchema }),
  z.object({ type: z.literal('feed-reach-changed'), feedReach: FeedReachSchema }),
  z.object({ type: z.literal('reason-added'), text }),
  z.object({ type: z.literal('reason-removed'), reasonId: id }),
  z.object({ type: z.literal('instead-idea-added'), text }),
  z.object({ type: z.literal('instead-idea-removed'), ideaId: id }),
  z.object({ type: z.literal('friction-changed'), friction: FrictionSchema, strictPhrase: z.string().trim().max(LIMITS.strictPhraseChars).optional() }),
  z.object({ type: z.literal('cool-down-changed'), coolDown: CoolDownSchema }),
  z.object({ type: z.literal('guard-pause-requested') }),
  z.object({ type: z.literal('guard-resumed') }),
  z.object({ type: z.literal('site-toggled'), site: SiteIdSchema, on: z.boolean() }),
  // A pause a site lets the person choose (an anonymous vote): on or off at once, since either way
  // nothing reaches the other person (utils/sites/site-adapter.ts `choosablePauses`).
  z.object({ type: z.literal('choosable-pause-set'), action: z.enum(ACTIONS), paused: z.boolean() }),
  z.object({ type: z.literal('pending-change-cancelled'), changeId: id }),
  z.object({ type: z.literal('goal-set'), goalDays: z.number().int().min(1).max(LIMITS.goalDays) }),
  z.object({ type: z.literal('streak-start-set'), startedAt: isoInstant, timeZone: timeZoneSchema }),
  z.object({ type: z.literal('milestones-seen'), days: z.array(z.number().int().min(1).max(LIMITS.days)).max(LIMITS.celebrated) }),
  z.object({ type: z.literal('hard-day-added'), monthDay: monthDaySchema, label: z.string().trim().max(LIMITS.labelChars) }),
  z.object({ type: z.literal('hard-day-removed'), hardDayId: id }),
  z.object({ type: z.literal('custom-pattern-added'), personId: id, pattern: z.string().trim().min(1).max(LIMITS.patternChars) }),
  z.object({ type: z.literal('custom-pattern-removed'), patternId: id }),
  z.object({ type: z.literal('setup-finished') }),
  z.object({ type: z.literal('plan-added'), when: PlanSchema.shape.when, then: PlanSchema.shape.then }),
  z.object({ type: z.literal('plan-removed'), planId: id }),
  // From the interstitial on a site page: open the "Find support" page, or the people in options
  // ("quieter on their side too"), in a new tab (a browser effect, no data).
  z.object({ type: z.literal('support-page-requested'), page: z.enum(['support', 'quieter']).optional() }),
  // From the popup: pause the guard for a while; it waits for the cool-down like any pause.
  z.object({ type: z.literal('guard-short-pause-requested'), length: z.enum(['1h', 'tomorrow']) }),
  z.object({ type: z.literal('friend-saved'), link: FriendSchema.shape.link, message: FriendSchema.shape.message }),
  z.object({ type: z.literal('friend-removed') }),
  z.object({ type: z.literal('contact-needed-set'), personId: id, needed: z.boolean() }),
  z.object({ type: z.literal('hard-hours-added'), from: HardHoursSchema.shape.from, to: HardHoursSchema.shape.to, days: HardHoursSchema.shape.days }),
  z.object({ type: z.literal('hard-hours-removal-requested'), hardHoursId: id }),
  z.object({ type: z.literal('import-requested'), json: z.string().max(LIMITS.importChars) }),
  z.object({ type: z.literal('erase-requested'), confirm: z.literal('erase everything') }),
  z.object({ type: z.literal('export-requested') }),
  z.object({ type: z.literal('kept-aside-export-requested') }),
  z.object({ type: z.literal('state-requested') }),
  // From the popup and options page: what their first screen shows, not the whole state
  // (utils/ui/page-view.ts): the newest `journal` entries, and the log's figures in `timeZone`.
  z.object({ type: z.literal('view-requested'), journal: z.number().int().min(0).max(LIMITS.journal), timeZone: timeZoneSchema }),
  // From the pause page and the extension frames inside the interstitial: browser effects, no data change.
  z.object({ type: z.literal('page-continue-requested'), url: z.url({ protocol: /^https?$/ }) }),
  z.object({ type: z.literal('strict-phrase-entered'), phrase: z.string().max(LIMITS.strictPhraseChars) }),
  // From the guard on a site page as it starts: did the person just choose "continue" to this
  // page on the pause page? (Then the page is not paused a second time.)
  z.object({ type: z.literal('page-pass-claimed'), url: z.url({ protocol: /^https?$/ }) }),
  // From the guard on a site page, once a page it checks has rendered: did it show what a working
  // page of this site shows (utils/data/site-checks.ts)? Kept under its own key, not in the document.
  z.object({ type: z.literal('site-check-reported'), site: SiteIdSchema, found: z.boolean() }),
]);

export type Message = z.infer<typeof MessageSchema>;
export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/** What a content script (a site page) may send: only what its interstitial reports. */
const FROM_SITE_PAGES: ReadonlySet<MessageType> = new Set(['urge-resisted', 'went-through', 'page-pass-claimed', 'support-page-requested', 'site-check-reported']);

export type SenderKind = 'extension-page' | 'site-page';

export function isAllowedFrom(type: MessageType, sender: SenderKind): boolean {
  return sender === 'extension-page' || FROM_SITE_PAGES.has(type);
}

/** Every reply has this shape, so a caller always learns whether the change was made. */
export type Reply =
  | { ok: true; data?: unknown }
  | { ok: false; error: string; where?: string };

/**
 * From the background to open extension pages after every write: the parts it changed
 * (utils/data/parts.ts). `whole`: everything was replaced (import, erase): ask for the state again.
 */
export interface StateChanged {
  type: 'state-changed';
  revision: string;
  previous: string | undefined;
  set: Record<string, unknown>;
  remove: string[];
  whole?: boolean;
  space?: import('./storage-space').StorageSpace;
}

/**
 * The reply to `state-requested` and `export-requested` (`data`). `problem` is set when the stored
 * data could not be used as it is: it was written by a newer version (left untouched), or it
 * failed validation and was kept aside (see utils/data/store.ts).
 */
export interface StateSnapshot {
  doc: import('./schema').StoredDocument;
  /** The stored revision this is (utils/data/store.ts): changes after it come as `state-changed`. */
  revision?: string;
  problem?: 'newer-version' | 'quarantined';
  /** With 'quarantined': when each copy was set aside and what of it could not be kept. */
  keptAside?: { at: string; lost: string[] }[];
  /** The browser's estimate of the space used and given (utils/data/storage-space.ts), when it gives one. */
  space?: import('./storage-space').StorageSpace;
}
