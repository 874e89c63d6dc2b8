/** The popup's and the set-up's view-model functions: pure, zone passed explicitly. */
import { describe, expect, test } from 'vitest';
import { emptyDocument, type StoredDocument } from '../../../utils/data/schema';
import {
  formatPauseTime,
  formatSinceDay,
  frictionReady,
  guardPauseState,
  type GuardPauseState,
  guardedSites,
  localDateToday,
  needsSetup,
  nextSetupStep,
  parseGoalDays,
  parseSetupHash,
  parseStartDate,
  popupView,
  previousSetupStep,
  resumeSetupStep,
  ringStroke,
  setupHash,
  siteStatus,
  stepNumber,
  type SetupStep,
} from '../../../utils/ui/popup-model';

const NOW = new Date('2026-11-23T10:00:00Z');

function doc(change: (d: StoredDocument) => void = () => {}): StoredDocument {
  const d = emptyDocument(NOW, 'Europe/Madrid');
  change(d);
  return d;
}
const person = (sites: StoredDocument['people'][number]['accounts'][number]['site'][]) => ({
  id: `p-${sites.join('-')}`,
  label: '',
  accounts: sites.map((site) => ({ site, handle: 'someone' })),
  feedHiding: 'off' as const,
  addedAt: NOW.toISOString(),
});

describe('set-up steps', () => {
  test.each<[SetupStep, SetupStep, SetupStep]>([
    ['welcome', 'link', 'welcome'],
    ['link', 'goal', 'welcome'],
    ['goal', 'start', 'link'],
    ['start', 'reasons', 'goal'],
    ['reasons', 'plans', 'start'],
    ['plans', 'friction', 'reasons'],
    ['friction', 'done', 'plans'],
    ['done', 'done', 'friction'],
  ])('after %s comes %s, before it %s', (step, next, previous) => {
    expect(nextSetupStep(step)).toBe(next);
    expect(previousSetupStep(step)).toBe(previous);
  });

  test.each<[SetupStep, { current: number; total: number } | undefined]>([
    ['welcome', undefined],
    ['link', { current: 1, total: 6 }],
    ['friction', { current: 6, total: 6 }],
    ['done', undefined],
  ])('step number of %s', (step, expected) => {
    expect(stepNumber(step)).toEqual(expected);
  });

  test.each<[string, SetupStep | undefined]>([
    ['#setup', 'welcome'],
    ['setup', 'welcome'],
    ['#setup/goal', 'goal'],
    ['#setup/friction', 'friction'],
    ['#setup/nonsense', 'welcome'],
    ['#people', undefined],
    ['', undefined],
    ['#setup-later', undefined],
  ])('the fragment %j means step %j', (hash, expected) => {
    expect(parseSetupHash(hash)).toBe(expected);
  });

  test.each<SetupStep>(['welcome', 'link', 'goal', 'start', 'reasons', 'friction', 'done'])('setupHash(%s) reads back', (step) => {
    expect(parseSetupHash(setupHash(step))).toBe(step);
  });

  test.each<[string, string | null, StoredDocument, SetupStep]>([
    ['a remembered step wins', 'start', doc(), 'start'],
    ['nothing remembered, nobody added', null, doc(), 'welcome'],
    ['a stale value is ignored', 'step-9', doc(), 'welcome'],
    ['someone added, no reasons yet', null, doc((d) => d.people.push(person(['x']))), 'goal'],
    [
      'someone added and a reason written',
      null,
      doc((d) => {
        d.people.push(person(['x']));
        d.reasons.push({ id: 'r1', text: 'For me.' });
      }),
      'friction',
    ],
  ])('resume: %s', (_name, remembered, stored, expected) => {
    expect(resumeSetupStep(remembered, stored)).toBe(expected);
  });

  test.each<[string, boolean, boolean]>([
    ['new document', false, true],
    ['finished or skipped', true, false],
  ])('needsSetup: %s', (_name, setupDone, expected) => {
    expect(needsSetup(doc((d) => (d.settings.setupDone = setupDone)))).toBe(expected);
  });
});

describe('set-up answers', () => {
  test.each<[string, number | undefined]>([
    ['45', 45],
    [' 7 ', 7],
    ['1', 1],
    ['3650', 3650],
    ['0', undefined],
    ['3651', undefined],
    ['2.5', undefined],
    ['-3', undefined],
    ['', undefined],
    ['thirty', undefined],
  ])('custom goal %j → %j', (text, expected) => {
    expect(parseGoalDays(text)).toBe(expected);
  });

  test.each<[string, string, string, ReturnType<typeof parseStartDate>]>([
    ['an earlier date, winter time', '2026-11-01', 'Europe/Madrid', { ok: true, startedAt: '2026-10-31T23:00:00.000Z' }],
    ['an earlier date, summer time', '2026-07-01', 'Europe/Madrid', { ok: true, startedAt: '2026-06-30T22:00:00.000Z' }],
    ['the day DST starts', '2026-03-29', 'Europe/Madrid', { ok: true, startedAt: '2026-03-28T23:00:00.000Z' }],
    ['southern hemisphere', '2026-10-04', 'Australia/Sydney', { ok: true, startedAt: '2026-10-03T14:00:00.000Z' }],
    ['today is allowed', '2026-11-23', 'Europe/Madrid', { ok: true, startedAt: '2026-11-22T23:00:00.000Z' }],
    ['tomorrow is ahead', '2026-11-24', 'Europe/Madrid', { ok: false, reason: 'future' }],
    // At 10:00 UTC it is already midnight of the 24th in Kiritimati (UTC+14): today there, so allowed.
    ['today where the day is further on', '2026-11-24', 'Pacific/Kiritimati', { ok: true, startedAt: '2026-11-23T10:00:00.000Z' }],
    ['the day after, there', '2026-11-25', 'Pacific/Kiritimati', { ok: false, reason: 'future' }],
    // Santiago skips local midnight when DST starts (2026-09-06 00:00 → 01:00, UTC-3 after).
    ['a day without a midnight', '2026-09-06', 'America/Santiago', { ok: true, startedAt: '2026-09-06T04:00:00.000Z' }],
    ['a leap day that exists', '2024-02-29', 'UTC', { ok: true, startedAt: '2024-02-29T00:00:00.000Z' }],
    ['a leap day that does not', '2026-02-29', 'UTC', { ok: false, reason: 'invalid' }],
    ['February 30th', '2026-02-30', 'UTC', { ok: false, reason: 'invalid' }],
    ['empty', '', 'UTC', { ok: false, reason: 'invalid' }],
    ['not a date', '23/11/2026', 'UTC', { ok: false, reason: 'invalid' }],
  ])('start date: %s', (_name, input, zone, expected) => {
    expect(parseStartDate(input, NOW, zone)).toEqual(expected);
  });

  test.each<[string, string]>([
    ['UTC', '2026-11-23'],
    ['Pacific/Kiritimati', '2026-11-24'],
    ['Pacific/Pago_Pago', '2026-11-22'],
  ])('today in %s is %s', (zone, expected) => {
    const lateUtc = new Date('2026-11-23T10:30:00Z');
    expect(localDateToday(lateUtc, zone)).toBe(expected);
  });

  test.each<[Parameters<typeof frictionReady>[0], string, boolean]>([
    ['gentle', '', true],
    ['firm', '', true],
    ['strict', '   ', false],
    ['strict', 'I choose myself', true],
  ])('friction %s with phrase %j ready: %s', (friction, phrase, expected) => {
    expect(frictionReady(friction, phrase)).toBe(expected);
  });
});

describe('popup', () => {
  test.each<[boolean, boolean, ReturnType<typeof siteStatus>]>([
    [false, true, 'active'],
    [false, false, 'access-missing'],
    [true, true, 'off'],
    [true, false, 'off'],
  ])('site switched off %s, access %s → %s', (off, access, expected) => {
    expect(siteStatus(off, access)).toBe(expected);
  });

  test.each<[number, number]>([
    [0, 1],
    [0.25, 0.75],
    [1, 0],
    [1.7, 0],
    [-0.5, 1],
    [Number.NaN, 1],
  ])('ring at %s leaves %s of the circle empty', (fraction, emptyShare) => {
    const stroke = ringStroke(fraction, 50);
    const circumference = 2 * Math.PI * 50;
    expect(Number(stroke.dashArray)).toBeCloseTo(circumference, 2);
    expect(stroke.dashOffset).toBeCloseTo(circumference * emptyShare, 2);
  });

  test('guarded sites come in the given order, each once', () => {
    const stored = doc((d) => d.people.push(person(['instagram', 'x']), person(['x'])));
    expect(guardedSites(stored, ['x', 'bluesky', 'instagram', 'linkedin'])).toEqual(['x', 'instagram']);
    expect(guardedSites(doc(), ['x', 'bluesky'])).toEqual([]);
  });

  test('popupView reads the count, the goal and the urges from the document', () => {
    const stored = doc((d) => {
      d.streak.startedAt = '2026-11-12T23:00:00.000Z'; // 2026-11-13 00:00 in Madrid
      d.streak.goalDays = 30;
      d.streak.celebrated = [1, 3, 7];
      d.events.recent.push(
        { type: 'urge-resisted', at: '2026-11-23T08:00:00.000Z', site: 'x' },
        { type: 'urge-resisted', at: '2026-11-20T08:00:00.000Z', site: 'x' },
        { type: 'went-through', at: '2026-11-23T08:30:00.000Z', site: 'x' },
      );
    });
    const view = popupView(stored, NOW, 'Europe/Madrid');
    expect(view).toMatchObject({
      days: 10,
      goalDays: 30,
      goalReached: false,
      daysLeft: 20,
      nextMilestone: 14,
      urgesToday: 1,
      urgesTotal: 2,
      longestStreak: 10,
      toCelebrate: [],
      hardDay: false,
    });
    expect(view.fraction).toBeCloseTo(10 / 30, 5);
  });

  test('popupView: milestones reached and not yet celebrated, and a hard day', () => {
    const stored = doc((d) => {
      d.streak.startedAt = '2026-11-12T23:00:00.000Z';
      d.streak.celebrated = [1, 3];
      d.hardDays.push({ id: 'h1', monthDay: '11-23', label: '' });
    });
    const view = popupView(stored, NOW, 'Europe/Madrid');
    expect(view.toCelebrate).toEqual([7]);
    expect(view.hardDay).toBe(true);
  });
});

describe('a pause for a while', () => {
  const base = emptyDocument(new Date('2026-11-23T10:00:00Z'), 'UTC');
  const withSettings = (settings: Partial<StoredDocument['settings']>): StoredDocument => ({ ...base, settings: { ...base.settings, ...settings } });
  const waiting = { id: 'w1', kind: 'pause-until' as const, until: '2026-11-23T12:00:00.000Z', requestedAt: '2026-11-23T10:00:00.000Z', effectiveAt: '2026-11-23T11:00:00.000Z' };

  test.each<[string, StoredDocument, GuardPauseState]>([
    ['on', base, { kind: 'on' }],
    ['paused with no end', withSettings({ paused: true }), { kind: 'paused' }],
    ['paused for a while', withSettings({ paused: true, pausedUntil: '2026-11-23T12:00:00.000Z' }), { kind: 'paused', until: '2026-11-23T12:00:00.000Z' }],
    ['waiting for the cool-down', withSettings({ pending: [waiting] }), { kind: 'waiting', changeId: 'w1', startsAt: '2026-11-23T11:00:00.000Z', until: '2026-11-23T12:00:00.000Z' }],
  ])('%s', (_why, doc, expected) => {
    expect(guardPauseState(doc)).toEqual(expected);
  });

  test.each([
    ['the time alone today', '2026-11-23T12:05:00Z', '12:05'],
    ['with the weekday on another day', '2026-11-24T00:00:00Z', 'Tue 00:00'],
  ])('formatPauseTime: %s', (_why, iso, expected) => {
    expect(formatPauseTime(iso, new Date('2026-11-23T10:00:00Z'), 'en-GB', 'UTC')).toBe(expected);
  });
});

describe('formatSinceDay: the day a run of self-check misses began', () => {
  test.each([
    ['English', '2026-11-28T09:00:00Z', 'en-GB', 'UTC', '28 November'],
    ['Spanish, as "Desde el …" reads it', '2026-11-28T09:00:00Z', 'es', 'UTC', '28 de noviembre'],
    ['late evening in UTC is already the next day in Tokyo', '2026-11-28T23:30:00Z', 'en-GB', 'Asia/Tokyo', '29 November'],
  ])('%s', (_why, iso, locale, zone, expected) => {
    expect(formatSinceDay(iso, locale, zone)).toBe(expected);
  });
});
