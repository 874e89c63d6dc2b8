/**
 * Every change to the stored document, as pure functions: (document, message, context) → a new
 * document or a reason it was not made. No clock, no storage, no ids of their own: `now`, the
 * zone and `newId` come in through the context, so every rule is table-tested. The input
 * document is never mutated. The store validates the result with `DocumentSchema` before writing.
 *
 * Changes that make the guard weaker (lowering friction or the cool-down, pausing, switching a
 * site off, turning feed hiding off, removing a person) wait for the cool-down the person chose
 * in a calmer moment (design.md, "Friction"); everything else takes effect at once.
 */
import type { Message } from './messages';
import type {
  Account,
  CoolDown,
  EventType,
  LogEvent,
  PastStreak,
  PendingChange,
  Person,
  StoredDocument,
  TextItem,
} from './schema';
import { appendEvent } from './event-log';
import { LIMITS } from './limits';
import { wouldExceedAccountsTotal } from './account-limits';
import { isLowering } from './friction';
import { localDateOf, startOfLocalDay, streakDaysBetween } from '../days/day-count';

export interface ReduceContext {
  now: Date;
  timeZone: string;
  newId(): string;
}

export type Mutation = Exclude<
  Message,
  {
    type:
      | 'state-requested'
      | 'view-requested'
      | 'export-requested'
      | 'kept-aside-export-requested'
      | 'import-requested'
      | 'erase-requested'
      | 'page-continue-requested'
      | 'strict-phrase-entered'
      | 'page-pass-claimed'
      | 'support-page-requested'
      | 'site-check-reported';
  }
>;

export type ReduceError =
  | 'person-not-found'
  | 'account-not-found'
  | 'account-already-guarded'
  | 'item-not-found'
  | 'change-not-found'
  | 'phrase-needed'
  | 'limit-reached'
  | 'too-many-accounts';

export type Outcome = { ok: true; doc: StoredDocument; data?: unknown } | { ok: false; error: ReduceError };

type MutationOf<T extends Mutation['type']> = Extract<Mutation, { type: T }>;

/** The bounds of utils/data/schema.ts (utils/data/limits.ts): a change that would pass one is refused. */
export { LIMITS };

const COOL_DOWN_MS: Record<CoolDown, number> = { none: 0, '1h': 60 * 60 * 1000, '24h': 24 * 60 * 60 * 1000 };
const COOL_DOWN_STRENGTH: Record<CoolDown, number> = { none: 0, '1h': 1, '24h': 2 };

// ---------------------------------------------------------------------------------------------
// Small helpers

function ok(doc: StoredDocument, data?: unknown): Outcome {
  return data === undefined ? { ok: true, doc } : { ok: true, doc, data };
}

function fail(error: ReduceError): Outcome {
  return { ok: false, error };
}

function withSettings(doc: StoredDocument, settings: Partial<StoredDocument['settings']>): StoredDocument {
  return { ...doc, settings: { ...doc.settings, ...settings } };
}

function logged(
  doc: StoredDocument,
  type: EventType,
  ctx: ReduceContext,
  details: Pick<LogEvent, 'site' | 'what' | 'days' | 'way'> = {},
): StoredDocument {
  const event: LogEvent = { type, at: ctx.now.toISOString() };
  if (details.site !== undefined) event.site = details.site;
  if (details.what !== undefined) event.what = details.what;
  if (details.days !== undefined) event.days = details.days;
  if (details.way !== undefined) event.way = details.way;
  return { ...doc, events: appendEvent(doc.events, event, ctx.timeZone) };
}

function findPerson(doc: StoredDocument, personId: string): Person | undefined {
  return doc.people.find((person) => person.id === personId);
}

function withPerson(doc: StoredDocument, personId: string, change: (person: Person) => Person): StoredDocument {
  return { ...doc, people: doc.people.map((person) => (person.id === personId ? change(person) : person)) };
}

/**
 * Two accounts are the same when the site and the handle match, or when both carry the same
 * handle-independent id (a renamed Bluesky handle keeps its DID).
 */
function isSameAccount(a: Account, b: Account): boolean {
  if (a.site !== b.site) return false;
  if (a.handle === b.handle) return true;
  return a.stableId !== undefined && a.stableId === b.stableId;
}

function isGuarded(doc: StoredDocument, account: Account): boolean {
  return doc.people.some((person) => person.accounts.some((guarded) => isSameAccount(guarded, account)));
}

// ---------------------------------------------------------------------------------------------
// Pending changes (cool-down)

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A weakening change as asked for, before it gets an id and its times. */
export type PendingRequest = DistributiveOmit<PendingChange, 'id' | 'requestedAt' | 'effectiveAt'>;

/** Asking again for the same change (same kind, same person or site) replaces the earlier request. */
function pendingKey(change: PendingRequest): string {
  switch (change.kind) {
    case 'remove-person':
    case 'feed-hiding':
    case 'contact-needed':
      return `${change.kind}:${change.personId}`;
    case 'hard-hours-removed':
      return `${change.kind}:${change.hardHoursId}`;
    case 'site-off':
      return `${change.kind}:${change.site}`;
    case 'friction':
    case 'pause-guard':
    case 'cool-down':
    case 'pause-until':
      return change.kind;
  }
}

function withoutPending(doc: StoredDocument, keep: (change: PendingChange) => boolean): StoredDocument {
  const pending = doc.settings.pending.filter(keep);
  return pending.length === doc.settings.pending.length ? doc : withSettings(doc, { pending });
}

function withoutPendingLike(doc: StoredDocument, request: PendingRequest): StoredDocument {
  const key = pendingKey(request);
  return withoutPending(doc, (change) => pendingKey(change) !== key);
}

function removePerson(doc: StoredDocument, personId: string): StoredDocument {
  const withoutThem = {
    ...doc,
    people: doc.people.filter((person) => person.id !== personId),
    customPatterns: doc.customPatterns.filter((pattern) => pattern.personId !== personId),
  };
  return withoutPending(withoutThem, (change) => !('personId' in change) || change.personId !== personId);
}

/** What a weakening change does once its cool-down has passed. */
function applyWeakening(doc: StoredDocument, change: PendingRequest): StoredDocument {
  switch (change.kind) {
    case 'friction':
      return withSettings(doc, { friction: change.friction });
    case 'pause-guard':
      return withSettings(doc, { paused: true, pausedUntil: undefined });
    case 'contact-needed':
      return withPerson(doc, change.personId, (person) => ({ ...person, contactNeeded: true }));
    case 'hard-hours-removed':
      return { ...doc, hardHours: doc.hardHours.filter((window) => window.id !== change.hardHoursId) };
    case 'pause-until': {
      // A pause with no end stays one; two short pauses end at the later end.
      if (doc.settings.paused && doc.settings.pausedUntil === undefined) return doc;
      const earlier = doc.settings.paused ? Date.parse(doc.settings.pausedUntil ?? '') : Number.NEGATIVE_INFINITY;
      return withSettings(doc, { paused: true, pausedUntil: Date.parse(change.until) > earlier ? change.until : doc.settings.pausedUntil });
    }
    case 'remove-person':
      return removePerson(doc, change.personId);
    case 'site-off':
      return doc.settings.sitesOff.includes(change.site)
        ? doc
        : withSettings(doc, { sitesOff: [...doc.settings.sitesOff, change.site] });
    case 'cool-down':
      return withSettings(doc, { coolDown: change.coolDown });
    case 'feed-hiding':
      return withPerson(doc, change.personId, (person) => ({ ...person, feedHiding: change.feedHiding }));
  }
}

/**
 * A weakening change: at once with no cool-down, otherwise pending until now + the cool-down in
 * force when it was asked for. The reply's `data` says which: `{ pendingId, effectiveAt }` or nothing.
 */
function requestWeakening(doc: StoredDocument, request: PendingRequest, ctx: ReduceContext): Outcome {
  const withoutEarlier = withoutPendingLike(doc, request);
  const wait = COOL_DOWN_MS[doc.settings.coolDown];
  if (wait === 0) return ok(applyWeakening(withoutEarlier, request));
  if (withoutEarlier.settings.pending.length >= LIMITS.pending) return fail('limit-reached');
  const change = {
    ...request,
    id: ctx.newId(),
    requestedAt: ctx.now.toISOString(),
    effectiveAt: new Date(ctx.now.getTime() + wait).toISOString(),
  } as PendingChange;
  return ok(withSettings(withoutEarlier, { pending: [...withoutEarlier.settings.pending, change] }), {
    pendingId: change.id,
    effectiveAt: change.effectiveAt,
  });
}

/** Applies every pending change whose cool-down has passed (effectiveAt <= now), oldest first. */
export function applyDuePending(doc: StoredDocument, now: Date): StoredDocument {
  const isDue = (change: PendingChange) => Date.parse(change.effectiveAt) <= now.getTime();
  const due = doc.settings.pending.filter(isDue);
  due.sort((a, b) => Date.parse(a.effectiveAt) - Date.parse(b.effectiveAt));
  let next = due.length === 0 ? doc : withoutPending(doc, (change) => !isDue(change));
  for (const change of due) next = applyWeakening(next, change);
  return endedPause(next, now);
}

/** A pause for a while is over once its end has passed: the guard is on again by itself. */
function endedPause(doc: StoredDocument, now: Date): StoredDocument {
  const { paused, pausedUntil } = doc.settings;
  if (!paused || pausedUntil === undefined || Date.parse(pausedUntil) > now.getTime()) return doc;
  return withSettings(doc, { paused: false, pausedUntil: undefined });
}

// ---------------------------------------------------------------------------------------------
// Urges, contact, the journal

function urgeResisted(doc: StoredDocument, msg: MutationOf<'urge-resisted'>, ctx: ReduceContext): Outcome {
  return ok(logged(doc, 'urge-resisted', ctx, { site: msg.site, what: msg.what, way: msg.way }));
}

function wentThrough(doc: StoredDocument, msg: MutationOf<'went-through'>, ctx: ReduceContext): Outcome {
  const withEvent = logged(doc, 'went-through', ctx, { site: msg.site, what: msg.what });
  // Only the person decides what resets the count (design.md, "What counts as what").
  return ok(msg.countAsContact ? restartStreak(withEvent, ctx, undefined) : withEvent);
}

/** The current streak goes to the history; a new one starts now, with the same goal. */
function restartStreak(doc: StoredDocument, ctx: ReduceContext, note: string | undefined): StoredDocument {
  const { streak } = doc;
  const endedAt = ctx.now.toISOString();
  const past: PastStreak = {
    startedAt: streak.startedAt,
    endedAt,
    // Counted in the zone the person is in now, as the popup counted it just before (day-count.ts).
    timeZone: ctx.timeZone,
    days: streakDaysBetween(streak.startedAt, endedAt, ctx.timeZone),
  };
  const trimmedNote = note?.trim();
  if (trimmedNote) past.note = trimmedNote;
  // Past the bound the oldest streak goes, rather than refusing to record contact.
  const history = [...streak.history, past].slice(-LIMITS.history);
  const restarted: StoredDocument = {
    ...doc,
    streak: { startedAt: endedAt, timeZone: ctx.timeZone, goalDays: streak.goalDays, history, celebrated: [] },
  };
  return logged(restarted, 'contact-recorded', ctx);
}

function contactRecorded(doc: StoredDocument, msg: MutationOf<'contact-recorded'>, ctx: ReduceContext): Outcome {
  return ok(restartStreak(doc, ctx, msg.note));
}

function journalEntryAdded(doc: StoredDocument, msg: MutationOf<'journal-entry-added'>, ctx: ReduceContext): Outcome {
  if (doc.journal.length >= LIMITS.journal) return fail('limit-reached');
  const entry = { id: ctx.newId(), at: ctx.now.toISOString(), text: msg.text.trim() };
  // The log records that something was written, never the words (they stay in the journal).
  const withEntry = { ...doc, journal: [...doc.journal, entry] };
  return ok(logged(withEntry, 'journal-entry', ctx), { id: entry.id });
}

function journalEntryDeleted(doc: StoredDocument, msg: MutationOf<'journal-entry-deleted'>): Outcome {
  const journal = doc.journal.filter((entry) => entry.id !== msg.entryId);
  if (journal.length === doc.journal.length) return fail('item-not-found');
  return ok({ ...doc, journal });
}

// ---------------------------------------------------------------------------------------------
// People and accounts

function personAdded(doc: StoredDocument, msg: MutationOf<'person-added'>, ctx: ReduceContext): Outcome {
  if (doc.people.length >= LIMITS.people) return fail('limit-reached');
  const accounts: Account[] = [];
  for (const account of msg.accounts) {
    if (!accounts.some((kept) => isSameAccount(kept, account))) accounts.push(account);
  }
  if (accounts.some((account) => isGuarded(doc, account))) return fail('account-already-guarded');
  if (wouldExceedAccountsTotal(doc.people, accounts.length)) return fail('too-many-accounts');
  const person: Person = {
    id: ctx.newId(),
    label: msg.label.trim(),
    accounts,
    feedHiding: msg.feedHiding ?? 'off',
    addedAt: ctx.now.toISOString(),
  };
  return ok({ ...doc, people: [...doc.people, person] }, { id: person.id });
}

function personRenamed(doc: StoredDocument, msg: MutationOf<'person-renamed'>): Outcome {
  if (!findPerson(doc, msg.personId)) return fail('person-not-found');
  return ok(withPerson(doc, msg.personId, (person) => ({ ...person, label: msg.label.trim() })));
}

function accountAdded(doc: StoredDocument, msg: MutationOf<'account-added'>): Outcome {
  const person = findPerson(doc, msg.personId);
  if (!person) return fail('person-not-found');
  if (isGuarded(doc, msg.account)) return fail('account-already-guarded');
  if (person.accounts.length >= LIMITS.accountsPerPerson) return fail('limit-reached');
  if (wouldExceedAccountsTotal(doc.people, 1)) return fail('too-many-accounts');
  return ok(withPerson(doc, msg.personId, (p) => ({ ...p, accounts: [...p.accounts, msg.account] })));
}

function accountRemoved(doc: StoredDocument, msg: MutationOf<'account-removed'>): Outcome {
  const person = findPerson(doc, msg.personId);
  if (!person) return fail('person-not-found');
  const accounts = person.accounts.filter((account) => !isSameAccount(account, msg.account));
  if (accounts.length === person.accounts.length) return fail('account-not-found');
  return ok(withPerson(doc, msg.personId, (p) => ({ ...p, accounts })));
}

function personRemovalRequested(
  doc: StoredDocument,
  msg: MutationOf<'person-removal-requested'>,
  ctx: ReduceContext,
): Outcome {
  if (!findPerson(doc, msg.personId)) return fail('person-not-found');
  return requestWeakening(doc, { kind: 'remove-person', personId: msg.personId }, ctx);
}

function feedHidingChanged(doc: StoredDocument, msg: MutationOf<'feed-hiding-changed'>, ctx: ReduceContext): Outcome {
  const person = findPerson(doc, msg.personId);
  if (!person) return fail('person-not-found');
  const request: PendingRequest = { kind: 'feed-hiding', personId: msg.personId, feedHiding: msg.feedHiding };
  if (msg.feedHiding === 'off' && person.feedHiding !== 'off') return requestWeakening(doc, request, ctx);
  // Hiding, or switching between hide and collapse, is not weaker: at once, and it replaces a pending "off".
  return ok(applyWeakening(withoutPendingLike(doc, request), request));
}

// ---------------------------------------------------------------------------------------------
// Reasons and "instead" ideas

function textItemAdded(
  doc: StoredDocument,
  list: 'reasons' | 'insteadIdeas',
  text: string,
  ctx: ReduceContext,
): Outcome {
  if (doc[list].length >= LIMITS[list]) return fail('limit-reached');
  const item: TextItem = { id: ctx.newId(), text: text.trim() };
  return ok({ ...doc, [list]: [...doc[list], item] }, { id: item.id });
}

function textItemRemoved(doc: StoredDocument, list: 'reasons' | 'insteadIdeas', itemId: string): Outcome {
  const items = doc[list].filter((item) => item.id !== itemId);
  if (items.length === doc[list].length) return fail('item-not-found');
  return ok({ ...doc, [list]: items });
}

// ---------------------------------------------------------------------------------------------
// Friction, cool-down, pause, sites

function frictionChanged(doc: StoredDocument, msg: MutationOf<'friction-changed'>, ctx: ReduceContext): Outcome {
  const newPhrase = msg.strictPhrase?.trim() ?? '';
  const phrase = newPhrase !== '' ? newPhrase : doc.settings.strictPhrase;
  if (msg.friction === 'strict' && phrase === '') return fail('phrase-needed');
  const request: PendingRequest = { kind: 'friction', friction: msg.friction };
  if (isLowering(doc.settings.friction, msg.friction)) return requestWeakening(doc, request, ctx);
  // Raising (or keeping) friction is immediate and replaces a lowering that was still waiting.
  return ok(withSettings(withoutPendingLike(doc, request), { friction: msg.friction, strictPhrase: phrase }));
}

function coolDownChanged(doc: StoredDocument, msg: MutationOf<'cool-down-changed'>, ctx: ReduceContext): Outcome {
  const request: PendingRequest = { kind: 'cool-down', coolDown: msg.coolDown };
  // A shorter cool-down waits for the current one, or it could undo itself in one click.
  if (COOL_DOWN_STRENGTH[msg.coolDown] < COOL_DOWN_STRENGTH[doc.settings.coolDown]) {
    return requestWeakening(doc, request, ctx);
  }
  return ok(withSettings(withoutPendingLike(doc, request), { coolDown: msg.coolDown }));
}

function guardPauseRequested(doc: StoredDocument, ctx: ReduceContext): Outcome {
  if (doc.settings.paused) return ok(doc);
  return requestWeakening(doc, { kind: 'pause-guard' }, ctx);
}

function guardResumed(doc: StoredDocument): Outcome {
  const resumed = withoutPending(doc, (change) => change.kind !== 'pause-guard' && change.kind !== 'pause-until');
  return ok(withSettings(resumed, { paused: false, pausedUntil: undefined }));
}

/**
 * A pause for a while: an hour, or until the start of the next local day, counted from when the
 * pause begins (after the cool-down, so a 24-hour cool-down cannot turn it into nothing).
 */
function guardShortPauseRequested(
  doc: StoredDocument,
  msg: MutationOf<'guard-short-pause-requested'>,
  ctx: ReduceContext,
): Outcome {
  if (doc.settings.paused && doc.settings.pausedUntil === undefined) return ok(doc);
  const startsAt = new Date(ctx.now.getTime() + COOL_DOWN_MS[doc.settings.coolDown]);
  const until =
    msg.length === '1h'
      ? new Date(startsAt.getTime() + COOL_DOWN_MS['1h'])
      : startOfLocalDay(nextLocalDate(localDateOf(startsAt, ctx.timeZone)), ctx.timeZone);
  return requestWeakening(doc, { kind: 'pause-until', until: until.toISOString() }, ctx);
}

/** The calendar date after 'YYYY-MM-DD' (plain dates, no zone involved). */
function nextLocalDate(date: string): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

function siteToggled(doc: StoredDocument, msg: MutationOf<'site-toggled'>, ctx: ReduceContext): Outcome {
  const request: PendingRequest = { kind: 'site-off', site: msg.site };
  if (!msg.on) {
    if (doc.settings.sitesOff.includes(msg.site)) return ok(doc);
    return requestWeakening(doc, request, ctx);
  }
  const on = withoutPendingLike(doc, request);
  return ok(withSettings(on, { sitesOff: on.settings.sitesOff.filter((site) => site !== msg.site) }));
}

function choosablePauseSet(doc: StoredDocument, msg: MutationOf<'choosable-pause-set'>): Outcome {
  if (doc.settings.choosablePauses?.[msg.action] === msg.paused) return ok(doc);
  return ok(withSettings(doc, { choosablePauses: { ...doc.settings.choosablePauses, [msg.action]: msg.paused } }));
}

function pendingChangeCancelled(doc: StoredDocument, msg: MutationOf<'pending-change-cancelled'>): Outcome {
  const remaining = withoutPending(doc, (change) => change.id !== msg.changeId);
  return remaining === doc ? fail('change-not-found') : ok(remaining);
}

// ---------------------------------------------------------------------------------------------
// The count, milestones, hard days, link patterns, set-up

function goalSet(doc: StoredDocument, msg: MutationOf<'goal-set'>): Outcome {
  return ok({ ...doc, streak: { ...doc.streak, goalDays: msg.goalDays } });
}

function streakStartSet(doc: StoredDocument, msg: MutationOf<'streak-start-set'>, ctx: ReduceContext): Outcome {
  // A start in the future would count negative days: it starts now at the latest.
  const startedAt = new Date(Math.min(Date.parse(msg.startedAt), ctx.now.getTime())).toISOString();
  const days = streakDaysBetween(startedAt, ctx.now.toISOString(), msg.timeZone);
  // Milestones still reached stay celebrated; ones no longer reached will be celebrated when they are.
  const celebrated = doc.streak.celebrated.filter((milestone) => milestone <= days);
  return ok({ ...doc, streak: { ...doc.streak, startedAt, timeZone: msg.timeZone, celebrated } });
}

function milestonesSeen(doc: StoredDocument, msg: MutationOf<'milestones-seen'>, ctx: ReduceContext): Outcome {
  const fresh = [...new Set(msg.days)].filter((days) => !doc.streak.celebrated.includes(days)).sort((a, b) => a - b);
  if (fresh.length === 0) return ok(doc);
  const celebrated = [...doc.streak.celebrated, ...fresh].sort((a, b) => a - b).slice(-LIMITS.celebrated);
  let next: StoredDocument = { ...doc, streak: { ...doc.streak, celebrated } };
  for (const days of fresh) next = logged(next, 'milestone', ctx, { days });
  return ok(next);
}

function hardDayAdded(doc: StoredDocument, msg: MutationOf<'hard-day-added'>, ctx: ReduceContext): Outcome {
  if (doc.hardDays.length >= LIMITS.hardDays) return fail('limit-reached');
  const hardDay = { id: ctx.newId(), monthDay: msg.monthDay, label: msg.label.trim() };
  return ok({ ...doc, hardDays: [...doc.hardDays, hardDay] }, { id: hardDay.id });
}

function hardDayRemoved(doc: StoredDocument, msg: MutationOf<'hard-day-removed'>): Outcome {
  const hardDays = doc.hardDays.filter((hardDay) => hardDay.id !== msg.hardDayId);
  if (hardDays.length === doc.hardDays.length) return fail('item-not-found');
  return ok({ ...doc, hardDays });
}

function customPatternAdded(doc: StoredDocument, msg: MutationOf<'custom-pattern-added'>, ctx: ReduceContext): Outcome {
  if (!findPerson(doc, msg.personId)) return fail('person-not-found');
  const pattern = msg.pattern.trim();
  const existing = doc.customPatterns.find((p) => p.personId === msg.personId && p.pattern === pattern);
  if (existing) return ok(doc, { id: existing.id });
  if (doc.customPatterns.length >= LIMITS.customPatterns) return fail('limit-reached');
  const added = { id: ctx.newId(), personId: msg.personId, pattern };
  return ok({ ...doc, customPatterns: [...doc.customPatterns, added] }, { id: added.id });
}

function customPatternRemoved(doc: StoredDocument, msg: MutationOf<'custom-pattern-removed'>): Outcome {
  const customPatterns = doc.customPatterns.filter((pattern) => pattern.id !== msg.patternId);
  if (customPatterns.length === doc.customPatterns.length) return fail('item-not-found');
  return ok({ ...doc, customPatterns });
}

function planAdded(doc: StoredDocument, msg: MutationOf<'plan-added'>, ctx: ReduceContext): Outcome {
  if (doc.plans.length >= LIMITS.plans) return fail('limit-reached');
  const plan = { id: ctx.newId(), when: msg.when.trim(), then: msg.then.trim() };
  return ok({ ...doc, plans: [...doc.plans, plan] }, { id: plan.id });
}

function planRemoved(doc: StoredDocument, msg: MutationOf<'plan-removed'>): Outcome {
  const plans = doc.plans.filter((plan) => plan.id !== msg.planId);
  if (plans.length === doc.plans.length) return fail('item-not-found');
  return ok({ ...doc, plans });
}

/** "Some contact is needed": marking it waits for the cool-down (it eases their messages); unmarking is immediate. */
function contactNeededSet(doc: StoredDocument, msg: MutationOf<'contact-needed-set'>, ctx: ReduceContext): Outcome {
  const person = findPerson(doc, msg.personId);
  if (!person) return fail('person-not-found');
  const request: PendingRequest = { kind: 'contact-needed', personId: msg.personId };
  if (msg.needed) return person.contactNeeded ? ok(doc) : requestWeakening(doc, request, ctx);
  const { contactNeeded: _was, ...unmarked } = person;
  return ok(withPerson(withoutPendingLike(doc, request), msg.personId, () => unmarked));
}

/**
 * Feed hiding's reach. 'own' is stored as no field at all, so a document that never chose stays
 * exactly as before. Immediate both ways: it changes what is hidden, never the pause itself, and
 * a narrower reach has no pending-change kind of its own (adding one would change the schema).
 */
function feedReachChanged(doc: StoredDocument, msg: MutationOf<'feed-reach-changed'>): Outcome {
  const { feedReach: _was, ...settings } = doc.settings;
  return ok({ ...doc, settings: msg.feedReach === 'mentions' ? { ...settings, feedReach: 'mentions' } : settings });
}

function setupFinished(doc: StoredDocument): Outcome {
  return doc.settings.setupDone ? ok(doc) : ok(withSettings(doc, { setupDone: true }));
}

// ---------------------------------------------------------------------------------------------

function assertNever(value: never): never {
  throw new Error(`Unhandled change: ${JSON.stringify(value)}`);
}

/**
 * Applies one change to the document as it is at `ctx.now` (pending changes that are due are
 * applied first, so a rule never reads a setting whose cool-down has already passed).
 */
export function reduce(stored: StoredDocument, msg: Mutation, ctx: ReduceContext): Outcome {
  const doc = applyDuePending(stored, ctx.now);
  switch (msg.type) {
    case 'urge-resisted':
      return urgeResisted(doc, msg, ctx);
    case 'went-through':
      return wentThrough(doc, msg, ctx);
    case 'contact-recorded':
      return contactRecorded(doc, msg, ctx);
    case 'journal-entry-added':
      return journalEntryAdded(doc, msg, ctx);
    case 'journal-entry-deleted':
      return journalEntryDeleted(doc, msg);
    case 'person-added':
      return personAdded(doc, msg, ctx);
    case 'person-renamed':
      return personRenamed(doc, msg);
    case 'account-added':
      return accountAdded(doc, msg);
    case 'account-removed':
      return accountRemoved(doc, msg);
    case 'person-removal-requested':
      return personRemovalRequested(doc, msg, ctx);
    case 'feed-hiding-changed':
      return feedHidingChanged(doc, msg, ctx);
    case 'feed-reach-changed':
      return feedReachChanged(doc, msg);
    case 'reason-added':
      return textItemAdded(doc, 'reasons', msg.text, ctx);
    case 'reason-removed':
      return textItemRemoved(doc, 'reasons', msg.reasonId);
    case 'instead-idea-added':
      return textItemAdded(doc, 'insteadIdeas', msg.text, ctx);
    case 'instead-idea-removed':
      return textItemRemoved(doc, 'insteadIdeas', msg.ideaId);
    case 'friction-changed':
      return frictionChanged(doc, msg, ctx);
    case 'cool-down-changed':
      return coolDownChanged(doc, msg, ctx);
    case 'guard-pause-requested':
      return guardPauseRequested(doc, ctx);
    case 'guard-resumed':
      return guardResumed(doc);
    case 'site-toggled':
      return siteToggled(doc, msg, ctx);
    case 'choosable-pause-set':
      return choosablePauseSet(doc, msg);
    case 'pending-change-cancelled':
      return pendingChangeCancelled(doc, msg);
    case 'goal-set':
      return goalSet(doc, msg);
    case 'streak-start-set':
      return streakStartSet(doc, msg, ctx);
    case 'milestones-seen':
      return milestonesSeen(doc, msg, ctx);
    case 'hard-day-added':
      return hardDayAdded(doc, msg, ctx);
    case 'hard-day-removed':
      return hardDayRemoved(doc, msg);
    case 'custom-pattern-added':
      return customPatternAdded(doc, msg, ctx);
    case 'custom-pattern-removed':
      return customPatternRemoved(doc, msg);
    case 'setup-finished':
      return setupFinished(doc);
    case 'plan-added':
      return planAdded(doc, msg, ctx);
    case 'plan-removed':
      return planRemoved(doc, msg);
    case 'guard-short-pause-requested':
      return guardShortPauseRequested(doc, msg, ctx);
    case 'friend-saved':
      return ok({ ...doc, friend: { link: msg.link.trim(), message: msg.message.trim() } });
    case 'contact-needed-set':
      return contactNeededSet(doc, msg, ctx);
    case 'hard-hours-added': {
      if (doc.hardHours.length >= LIMITS.hardHours) return fail('limit-reached');
      const window = { id: ctx.newId(), from: msg.from, to: msg.to, days: [...new Set(msg.days)].sort((a, b) => a - b) };
      return ok({ ...doc, hardHours: [...doc.hardHours, window] }, { id: window.id });
    }
    case 'hard-hours-removal-requested':
      // Fewer hard hours is a gentler pause in them: it waits for the cool-down.
      if (!doc.hardHours.some((window) => window.id === msg.hardHoursId)) return fail('item-not-found');
      return requestWeakening(doc, { kind: 'hard-hours-removed', hardHoursId: msg.hardHoursId }, ctx);
    case 'friend-removed': {
      const { friend: _gone, ...withoutFriend } = doc;
      return ok(withoutFriend);
    }
    default:
      return assertNever(msg);
  }
}
