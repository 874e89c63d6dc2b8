/**
 * Pure view-model functions for the popup and the first-run set-up: what to show, computed from
 * the stored document, `now` and a time zone passed in. No clock, no storage, no `browser`, so
 * every rule here is table-tested (tests/unit/ui/popup-model.test.ts).
 */
import type { StoredDocument, Friction } from '../data/schema';
import type { SiteId } from '../sites/site-ids';
import { daysWithoutContact, goalProgress, isHardDay, localDateOf, startOfLocalDay } from '../days/day-count';
import { longestStreakDays, milestonesToCelebrate, nextMilestone } from '../days/milestones';
import { countsToday, totalCount } from '../data/event-log';

// ---------------------------------------------------------------------------------------------
// The popup

export interface PopupView {
  days: number;
  goalDays: number;
  /** 0…1, for the progress ring. */
  fraction: number;
  goalReached: boolean;
  daysLeft: number;
  /** The next milestone in days, or undefined past the last one. */
  nextMilestone: number | undefined;
  urgesToday: number;
  urgesTotal: number;
  longestStreak: number;
  /** Milestones reached and not celebrated yet, smallest first. */
  toCelebrate: number[];
  hardDay: boolean;
}

/**
 * `urges`: the counts from the log, when the page holds them rather than the log (the background
 * makes them: utils/ui/page-view.ts); without, they are counted from `doc.events`.
 */
export function popupView(doc: StoredDocument, now: Date, timeZone: string, urges?: { urgesToday: number; urgesTotal: number }): PopupView {
  const days = daysWithoutContact(doc.streak, now, timeZone);
  const goalDays = doc.streak.goalDays;
  const progress = goalProgress(days, goalDays);
  return {
    days,
    goalDays,
    fraction: Math.min(1, Math.max(0, progress.fraction)),
    goalReached: progress.reached,
    daysLeft: progress.daysLeft,
    nextMilestone: nextMilestone(days, goalDays) ?? undefined,
    urgesToday: urges ? urges.urgesToday : countsToday(doc.events, now, timeZone).urgesResisted,
    urgesTotal: urges ? urges.urgesTotal : totalCount(doc.events, 'urge-resisted'),
    longestStreak: longestStreakDays(doc.streak.history, days),
    toCelebrate: [...milestonesToCelebrate(days, goalDays, doc.streak.celebrated)].sort((a, b) => a - b),
    hardDay: isHardDay(
      doc.hardDays.map((hardDay) => hardDay.monthDay),
      now,
      timeZone,
    ),
  };
}

/** The answers the set-up starts from (in the popup and in the options page): what is stored. */
export function setupAnswers(doc: StoredDocument): Pick<StoredDocument, 'reasons' | 'plans'> & { goalDays: number; friction: Friction; strictPhrase: string } {
  return { reasons: doc.reasons, plans: doc.plans, goalDays: doc.streak.goalDays, friction: doc.settings.friction, strictPhrase: doc.settings.strictPhrase };
}

/** The set-up runs until it is finished or skipped (`setupDone`), whether or not someone was added. */
export function needsSetup(doc: StoredDocument): boolean {
  return !doc.settings.setupDone;
}

/** The sites where someone is guarded, in the registry's order. */
export function guardedSites(doc: StoredDocument, siteOrder: readonly SiteId[]): SiteId[] {
  const guarded = new Set(doc.people.flatMap((person) => person.accounts.map((account) => account.site)));
  return siteOrder.filter((site) => guarded.has(site));
}

export type SiteStatus = 'active' | 'access-missing' | 'off';

/** Switched off wins (the person chose it); otherwise the guard needs the site's host access. */
export function siteStatus(switchedOff: boolean, hasAccess: boolean): SiteStatus {
  if (switchedOff) return 'off';
  return hasAccess ? 'active' : 'access-missing';
}

/** The stroke of an SVG progress ring: the visible arc is `fraction` of the circumference. */
export function ringStroke(fraction: number, radius: number): { dashArray: string; dashOffset: number } {
  const circumference = 2 * Math.PI * radius;
  const clamped = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  return { dashArray: circumference.toFixed(3), dashOffset: Number((circumference * (1 - clamped)).toFixed(3)) };
}

// ---------------------------------------------------------------------------------------------
// The first-run set-up

export const SETUP_STEPS = ['welcome', 'link', 'goal', 'start', 'reasons', 'plans', 'friction', 'done'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

/** The steps the person is asked something in, numbered "step 1 of 5". */
export const QUESTION_STEPS: readonly SetupStep[] = ['link', 'goal', 'start', 'reasons', 'plans', 'friction'];

export function isSetupStep(value: string): value is SetupStep {
  return (SETUP_STEPS as readonly string[]).includes(value);
}

export function nextSetupStep(step: SetupStep): SetupStep {
  const index = SETUP_STEPS.indexOf(step);
  return SETUP_STEPS[Math.min(index + 1, SETUP_STEPS.length - 1)] ?? 'done';
}

export function previousSetupStep(step: SetupStep): SetupStep {
  const index = SETUP_STEPS.indexOf(step);
  return SETUP_STEPS[Math.max(index - 1, 0)] ?? 'welcome';
}

/** "Step 2 of 5" for question steps, undefined for the welcome and the last page. */
export function stepNumber(step: SetupStep): { current: number; total: number } | undefined {
  const index = QUESTION_STEPS.indexOf(step);
  return index < 0 ? undefined : { current: index + 1, total: QUESTION_STEPS.length };
}

/** The options page's fragment for a step: `#setup` starts at the beginning, `#setup/goal` resumes. */
export function setupHash(step: SetupStep): string {
  return step === 'welcome' ? '#setup' : `#setup/${step}`;
}

/** Reads `#setup` or `#setup/<step>`; undefined when the fragment is not about the set-up. */
export function parseSetupHash(hash: string): SetupStep | undefined {
  const match = /^#?setup(?:\/([a-z-]+))?$/.exec(hash);
  if (!match) return undefined;
  const step = match[1] ?? 'welcome';
  return isSetupStep(step) ? step : 'welcome';
}

/**
 * Where to resume: the step remembered by the page (hash or sessionStorage) if any, otherwise
 * a guess from what was already saved, so closing the popup mid-way loses nothing.
 */
export function resumeSetupStep(remembered: string | null | undefined, doc: StoredDocument): SetupStep {
  if (remembered && isSetupStep(remembered)) return remembered;
  if (doc.people.length === 0) return 'welcome';
  if (doc.reasons.length === 0) return 'goal';
  return 'friction';
}

export const GOAL_CHOICES = [21, 30, 60, 90] as const;
export const MAX_GOAL_DAYS = 3650;

/** A custom goal typed by the person: a whole number of days, 1…3650. */
export function parseGoalDays(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return undefined;
  const days = Number(trimmed);
  return days >= 1 && days <= MAX_GOAL_DAYS ? days : undefined;
}

export type StartResult = { ok: true; startedAt: string } | { ok: false; reason: 'invalid' | 'future' };

/**
 * An earlier start date (`YYYY-MM-DD` from a date input) becomes the first instant of that local
 * day in `timeZone`, as an ISO instant. Today is allowed (its start is not ahead); a later day is not.
 */
export function parseStartDate(localDate: string, now: Date, timeZone: string): StartResult {
  const start = startOfLocalDay(localDate.trim(), timeZone);
  if (Number.isNaN(start.getTime())) return { ok: false, reason: 'invalid' };
  if (start.getTime() > now.getTime()) return { ok: false, reason: 'future' };
  return { ok: true, startedAt: start.toISOString() };
}

/** Today's local date in `timeZone`, for the date input's `max`. */
export function localDateToday(now: Date, timeZone: string): string {
  return localDateOf(now, timeZone);
}

/** Strict friction needs a phrase in the person's own words; the others need nothing more. */
export function frictionReady(friction: Friction, phrase: string): boolean {
  return friction !== 'strict' || phrase.trim().length > 0;
}

// ---------------------------------------------------------------------------------------------
// A pause for a while (popup)

/** Where the guard stands, for the popup's "pause for a while". */
export type GuardPauseState =
  | { kind: 'on' }
  | { kind: 'paused'; until?: string }
  /** A pause was asked for and waits for the cool-down: it starts at `startsAt`. */
  | { kind: 'waiting'; changeId: string; startsAt: string; until?: string };

/** A pause's start or end: the time alone today ("11:05"), with the weekday on another day ("Wed 00:00"). */
export function formatPauseTime(iso: string, now: Date, locale: string, timeZone: string): string {
  const at = new Date(iso);
  const sameDay = localDateOf(at, timeZone) === localDateOf(now, timeZone);
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: 'numeric', minute: '2-digit', timeZone }
    : { weekday: 'short', hour: 'numeric', minute: '2-digit', timeZone };
  return new Intl.DateTimeFormat(locale, options).format(at);
}

/** The day a self-check run began, for "since …" (a date, no time: when exactly matters little). */
export function formatSinceDay(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone }).format(new Date(iso));
}

export function guardPauseState(doc: StoredDocument): GuardPauseState {
  const { settings } = doc;
  if (settings.paused) return settings.pausedUntil === undefined ? { kind: 'paused' } : { kind: 'paused', until: settings.pausedUntil };
  const waiting = settings.pending
    .filter((change) => change.kind === 'pause-until' || change.kind === 'pause-guard')
    .sort((a, b) => Date.parse(a.effectiveAt) - Date.parse(b.effectiveAt))[0];
  if (!waiting) return { kind: 'on' };
  return {
    kind: 'waiting',
    changeId: waiting.id,
    startsAt: waiting.effectiveAt,
    ...(waiting.kind === 'pause-until' && { until: waiting.until }),
  };
}
