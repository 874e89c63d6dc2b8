/** The popup's main view, rendered with plain props: what the person sees for a given state. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupView, type PopupViewProps } from '../../../components/popup/PopupView';
import type { PauseForAWhileProps } from '../../../components/popup/PauseForAWhile';
import type { PopupView as PopupViewModel } from '../../../utils/ui/popup-model';

let root: HTMLElement;
const query = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const text = (id: string) => query(id)?.textContent ?? null;

const VIEW: PopupViewModel = {
  days: 12,
  goalDays: 30,
  fraction: 0.4,
  goalReached: false,
  daysLeft: 18,
  nextMilestone: 14,
  urgesToday: 1,
  urgesTotal: 9,
  longestStreak: 40,
  toCelebrate: [],
  hardDay: false,
};

function props(change: Partial<PopupViewProps> = {}): PopupViewProps {
  return {
    view: VIEW,
    milestones: [],
    nobodyGuarded: false,
    siteRows: [],
    privateAllowed: true,
    onDismissMilestones: vi.fn(),
    onRecordContact: vi.fn(async () => ({ ok: true as const })),
    onJournal: vi.fn(async () => ({ ok: true as const })),
    onGrant: vi.fn(),
    onOpenOptions: vi.fn(),
    ...change,
  };
}
async function mount(p: PopupViewProps) {
  await act(async () => render(<PopupView {...p} />, root));
}

beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('popup view', () => {
  test('shows the day, the goal, the next milestone, urges and the longest stretch', async () => {
    await mount(props());
    expect(text('day-number')).toBe('Day 12');
    expect(query('progress-ring')?.querySelector('svg')?.getAttribute('aria-label')).toBe('12 of 30 days');
    expect(text('goal')).toBe('Your goal is 30 days.');
    expect(text('next-milestone')).toBe('Next milestone in 2 days.');
    expect(text('urges-today')).toBe('1 today');
    expect(text('urges-total')).toBe('9 in total');
    expect(text('longest-streak')).toBe('Your longest stretch: 40 days');
    expect(query('milestone')).toBeNull();
    expect(query('hard-day')).toBeNull();
    expect(query('day-zero')).toBeNull();
  });

  test.each<[string, Partial<PopupViewModel>, string, string]>([
    ['the first day', { days: 0, urgesToday: 0, urgesTotal: 0, nextMilestone: 1 }, 'day-zero', 'You started today. That took courage.'],
    ['no urges yet', { urgesToday: 0, urgesTotal: 0 }, 'urges-total', 'None in total yet'],
    ['one day to the milestone', { days: 13 }, 'next-milestone', 'Next milestone in 1 day.'],
    ['the goal reached', { days: 30, goalReached: true, nextMilestone: 45 }, 'goal', 'You reached your goal of 30 days. Take a moment to notice that.'],
    ['a hard day', { hardDay: true }, 'hard-day', 'Today may be a hard day.'],
  ])('%s', async (_name, change, testId, expected) => {
    await mount(props({ view: { ...VIEW, ...change } }));
    expect(text(testId)).toContain(expected);
  });

  test('a milestone is celebrated quietly and can be put away', async () => {
    const p = props({ milestones: [7, 14] });
    await mount(p);
    expect(query('milestone')?.getAttribute('role')).toBe('status');
    expect(text('milestone')).toContain('14 days without contact.');
    await act(async () => query('milestone-dismiss')?.click());
    expect(p.onDismissMilestones).toHaveBeenCalledOnce();
  });

  test('per-site status, with a way to grant missing access', async () => {
    const p = props({
      siteRows: [
        { site: 'x', label: 'X', status: 'active' },
        { site: 'instagram', label: 'Instagram', status: 'access-missing' },
        { site: 'bluesky', label: 'Bluesky', status: 'off' },
      ],
      privateAllowed: false,
    });
    await mount(p);
    expect(query('site-x')?.dataset.status).toBe('active');
    expect(text('site-x')).toContain('Active');
    expect(text('site-bluesky')).toContain('Switched off');
    expect(query('site-grant-x')).toBeNull();
    await act(async () => query('site-grant-instagram')?.click());
    expect(p.onGrant).toHaveBeenCalledWith('instagram');
    expect(text('private-note')).toContain('Private windows are not covered');
  });

  test('a site the guard may no longer read fully says so under its row, with the date; the others say nothing', async () => {
    await mount(
      props({
        siteRows: [
          { site: 'x', label: 'X', status: 'active' },
          { site: 'instagram', label: 'Instagram', status: 'active', mayMissSince: '28 November' },
        ],
      }),
    );
    expect(text('site-may-miss-instagram')).toBe(
      'Instagram seems to have changed how its pages are built. Since 28 November, the guard may not see everything there. Pages you open fresh and links to the people you guard are still paused first.',
    );
    expect(query('site-may-miss-x')).toBeNull();
  });

  test('private windows allowed: no note', async () => {
    await mount(props({ siteRows: [{ site: 'x', label: 'X', status: 'active' }], privateAllowed: true }));
    expect(query('private-note')).toBeNull();
  });

  test('nobody guarded: an invitation to add someone instead of site status', async () => {
    const p = props({ nobodyGuarded: true });
    await mount(p);
    expect(query('site-status')).toBeNull();
    await act(async () => query('add-someone')?.click());
    expect(p.onOpenOptions).toHaveBeenCalledOnce();
  });
});

describe('the first day, in kind words (issue 14, "small words")', () => {
  test('day 0 is named "First day" in the big type (the number stays in data-days), with no "0 days" stretch', async () => {
    await mount(props({ view: { ...VIEW, days: 0, fraction: 0, longestStreak: 0 } }));
    expect(text('day-number')).toBe('First day');
    expect(query('day-number')?.getAttribute('data-days')).toBe('0');
    expect(text('day-zero')).toBe('You started today. That took courage.');
    expect(query('longest-streak')).toBeNull();
  });

  test('"Find support" is a quiet link to the support page, opened in a new tab', async () => {
    await mount(props());
    expect(query('find-support')?.getAttribute('href')).toBe('/support.html');
    expect(query('find-support')?.getAttribute('target')).toBe('_blank');
  });
});

describe('pause the guard for a while', () => {
  const formatTime = (iso: string) => iso.slice(11, 16);
  const pause = (state: PauseForAWhileProps['state'], send = vi.fn(async () => ({ ok: true as const }))): PauseForAWhileProps => ({
    state,
    waitsForCoolDown: true,
    formatTime,
    onSend: send,
  });

  test('folded away while the guard is on; each choice asks for that pause and says it waits for the cool-down', async () => {
    const p = pause({ kind: 'on' });
    await mount(props({ pause: p }));
    expect(query('pause-while')?.tagName).toBe('DETAILS');
    expect(text('pause-while')).toContain('waits for your cool-down');
    await act(async () => query('pause-1h')!.click());
    expect(p.onSend).toHaveBeenCalledWith({ type: 'guard-short-pause-requested', length: '1h' });
    await act(async () => query('pause-tomorrow')!.click());
    expect(p.onSend).toHaveBeenLastCalledWith({ type: 'guard-short-pause-requested', length: 'tomorrow' });
  });

  test.each<[PauseForAWhileProps['state'], string, string, Record<string, unknown>]>([
    [{ kind: 'waiting', changeId: 'c1', startsAt: '2026-11-23T11:00:00Z', until: '2026-11-23T12:00:00Z' }, 'From 11:00 to 12:00', 'pause-cancel', { type: 'pending-change-cancelled', changeId: 'c1' }],
    [{ kind: 'paused', until: '2026-11-23T12:00:00Z' }, 'paused until 12:00', 'pause-resume', { type: 'guard-resumed' }],
    [{ kind: 'paused' }, 'The guard is paused.', 'pause-resume', { type: 'guard-resumed' }],
  ])('%o says so, and one button undoes it', async (state, says, button, message) => {
    const p = pause(state);
    await mount(props({ pause: p }));
    expect(text('pause-while')).toContain(says);
    await act(async () => query(button)!.click());
    expect(p.onSend).toHaveBeenCalledWith(message);
  });
});
