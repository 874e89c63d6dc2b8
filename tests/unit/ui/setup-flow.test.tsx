/**
 * The first-run set-up: each step saves what was confirmed, through the real client (`send`),
 * with browser.runtime.sendMessage stubbed on the fake browser.
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SetupFlow } from '../../../components/setup/SetupFlow';
import type { LinkRecognition } from '../../../components/setup/LinkStep';
import type { Message, Reply } from '../../../utils/data/messages';
import type { Plan, TextItem } from '../../../utils/data/schema';
import { send } from '../../../utils/ui/client';
import type { SetupStep } from '../../../utils/ui/popup-model';

const NOW = new Date('2026-11-23T10:00:00Z');
const ZONE = 'Europe/Madrid';

let root: HTMLElement;
let sent: Message[];
let reply: Reply;

function recognizeLink(input: string): LinkRecognition {
  if (!input.startsWith('https://')) return { ok: false, reason: 'not-a-link' };
  if (!input.includes('instagram.com')) return { ok: false, reason: 'unsupported-site' };
  return { ok: true, site: 'instagram', handle: 'someone', profileUrl: 'https://www.instagram.com/someone/' };
}

function Harness(props: { start: SetupStep; reasons?: TextItem[]; plans?: Plan[]; onFinished?: () => void; steps?: SetupStep[] }) {
  const [step, setStep] = useState<SetupStep>(props.start);
  return (
    <SetupFlow
      step={step}
      onStepChange={(next) => {
        props.steps?.push(next);
        setStep(next);
      }}
      onSave={send}
      onFinished={props.onFinished ?? (() => {})}
      siteNames="X, Bluesky and Reddit"
      recognizeLink={recognizeLink}
      siteLabel={(site) => (site === 'instagram' ? 'Instagram' : site)}
      reasons={props.reasons ?? []}
      plans={props.plans ?? []}
      goalDays={30}
      friction="gentle"
      strictPhrase=""
      now={() => NOW}
      timeZone={ZONE}
    />
  );
}

const byTestId = (id: string) => {
  const element = root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!element) throw new Error(`no element with data-testid="${id}"`);
  return element;
};
const query = (id: string) => root.querySelector(`[data-testid="${id}"]`);

/** One macrotask: a reply travels through a few promise steps (utils/data/reliable-send.ts). */
const replies = () => new Promise((resolve) => setTimeout(resolve, 0));

async function click(id: string) {
  await act(async () => {
    byTestId(id).click();
    await replies();
  });
}
async function type(id: string, value: string) {
  await act(async () => {
    const input = byTestId(id) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function submit(id: string) {
  await act(async () => {
    (byTestId(id) as HTMLFormElement).requestSubmit();
    await replies();
  });
}
async function mount(element: preact.ComponentChild) {
  await act(async () => {
    render(element, root);
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  reply = { ok: true };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: Message & { changeId?: string }) => {
    // Every change carries the sender's id for retries (utils/data/reliable-send.ts); the rows compare the rest.
    const { changeId: _changeId, ...rest } = message;
    sent.push(rest as Message);
    return reply;
  }) as never);
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

describe('set-up flow', () => {
  test('focus lands in each new step before the next task (a key typed at once goes there): the link box, else the heading', async () => {
    await mount(<Harness start="welcome" />);
    // Outside act(): only microtasks run, as between two key presses; no frame, no timer.
    const renders = async () => {
      for (let i = 0; i < 5; i++) await Promise.resolve();
    };
    byTestId('setup-begin').click();
    await renders();
    expect(byTestId('setup').dataset.step).toBe('link');
    expect(document.activeElement).toBe(byTestId('setup-link-input'));

    // A recognised link: the box is gone, and what was found is where focus is.
    const box = byTestId('setup-link-input') as HTMLInputElement;
    box.value = 'https://www.instagram.com/someone/';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await renders();
    (byTestId('setup-link') as HTMLFormElement).requestSubmit();
    await renders();
    expect(document.activeElement).toBe(byTestId('setup-link-found').querySelector('h2'));

    byTestId('setup-step-skip').click();
    await renders();
    expect(byTestId('setup').dataset.step).toBe('goal');
    expect(document.activeElement).toBe(root.querySelector('.step h2'));
  });

  test('walks every step and saves each answer as it is confirmed', async () => {
    const steps: SetupStep[] = [];
    const onFinished = vi.fn();
    await mount(<Harness start="welcome" steps={steps} onFinished={onFinished} />);

    await click('setup-begin');
    expect(byTestId('setup').dataset.step).toBe('link');

    await type('setup-link-input', 'https://www.instagram.com/someone/');
    await submit('setup-link');
    expect(byTestId('setup-found-site').textContent).toBe('Instagram');
    expect(byTestId('setup-found-handle').textContent).toBe('someone');
    await type('setup-name-input', '  Sam ');
    await click('setup-link-confirm');

    await click('setup-goal-60');
    await click('setup-next');

    await click('setup-start-earlier');
    await type('setup-start-date', '2026-11-01');
    await click('setup-next');

    await type('setup-reason-input', 'I deserve calm mornings.');
    await submit('setup-reasons');
    await type('setup-reason-input', 'My friends are here for me.');
    await click('setup-next');

    expect(byTestId('setup').dataset.step).toBe('plans');
    await type('setup-plan-when', 'I want to look at their profile');
    await type('setup-plan-then', 'text my sister');
    await submit('setup-plan-form');
    await type('setup-plan-when', 'it is late at night');
    await click('setup-next');
    expect(byTestId('setup').dataset.step).toBe('plans');
    await type('setup-plan-then', 'put my phone in the kitchen');
    await click('setup-next');

    await click('setup-friction-strict');
    await type('setup-phrase-input', 'I choose myself');
    await click('setup-next');

    expect(byTestId('setup').dataset.step).toBe('done');
    await click('setup-finish');

    expect(sent).toEqual([
      { type: 'person-added', label: 'Sam', accounts: [{ site: 'instagram', handle: 'someone' }] },
      { type: 'goal-set', goalDays: 60 },
      // Madrid is UTC+1 on 2026-11-01: the local midnight is 23:00 UTC the day before.
      { type: 'streak-start-set', startedAt: '2026-10-31T23:00:00.000Z', timeZone: ZONE },
      { type: 'reason-added', text: 'I deserve calm mornings.' },
      { type: 'reason-added', text: 'My friends are here for me.' },
      { type: 'plan-added', when: 'I want to look at their profile', then: 'text my sister' },
      { type: 'plan-added', when: 'it is late at night', then: 'put my phone in the kitchen' },
      { type: 'friction-changed', friction: 'strict', strictPhrase: 'I choose myself' },
      { type: 'setup-finished' },
    ]);
    expect(steps).toEqual(['link', 'goal', 'start', 'reasons', 'plans', 'friction', 'done']);
    expect(onFinished).toHaveBeenCalledOnce();
  });

  test.each<[string, string]>([
    ['not a link', 'That does not look like a link yet'],
    ['https://example.org/someone', 'We cannot guard this site yet'],
  ])('a pasted %j is explained kindly and nothing is saved', async (input, message) => {
    await mount(<Harness start="link" />);
    await type('setup-link-input', input);
    await submit('setup-link');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(message);
    expect(query('setup-link-found')).toBeNull();
    expect(sent).toEqual([]);
  });

  test.each<[string, string, string | undefined]>([
    ['0 days', '0', undefined],
    ['a fraction', '2.5', undefined],
    ['too many', '4000', undefined],
    ['a custom goal', ' 45 ', '45'],
  ])('custom goal: %s', async (_name, input, expected) => {
    await mount(<Harness start="goal" />);
    await click('setup-goal-custom');
    await type('setup-goal-days', input);
    await click('setup-next');
    if (expected === undefined) {
      expect(sent).toEqual([]);
      expect(byTestId('setup-goal-error').textContent).toContain('whole number of days');
      expect(byTestId('setup').dataset.step).toBe('goal');
    } else {
      expect(sent).toEqual([{ type: 'goal-set', goalDays: Number(expected) }]);
      expect(byTestId('setup').dataset.step).toBe('start');
    }
  });

  test('a start date still ahead is refused', async () => {
    await mount(<Harness start="start" />);
    await click('setup-start-earlier');
    await type('setup-start-date', '2026-11-24');
    await click('setup-next');
    expect(sent).toEqual([]);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('still ahead');
  });

  test('starting now saves the current instant and zone', async () => {
    await mount(<Harness start="start" />);
    await click('setup-next');
    expect(sent).toEqual([{ type: 'streak-start-set', startedAt: NOW.toISOString(), timeZone: ZONE }]);
  });

  test('strict friction asks for a phrase before saving', async () => {
    await mount(<Harness start="friction" />);
    await click('setup-friction-strict');
    await click('setup-next');
    expect(sent).toEqual([]);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('phrase');
    await click('setup-friction-firm');
    await click('setup-next');
    expect(sent).toEqual([{ type: 'friction-changed', friction: 'firm' }]);
  });

  test('a refused save keeps the step and shows the reason', async () => {
    reply = { ok: false, error: 'That account is already on your list.' };
    await mount(<Harness start="link" />);
    await type('setup-link-input', 'https://www.instagram.com/someone/');
    await submit('setup-link');
    await click('setup-link-confirm');
    expect(byTestId('setup').dataset.step).toBe('link');
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('That account is already on your list.');
  });

  test('reasons already saved are listed when the set-up resumes', async () => {
    await mount(<Harness start="reasons" reasons={[{ id: 'r1', text: 'For my sleep.' }]} />);
    expect(byTestId('setup-reasons-list').textContent).toBe('For my sleep.');
    await click('setup-next');
    expect(sent).toEqual([]);
    expect(byTestId('setup').dataset.step).toBe('plans');
  });

  test('plans already saved are listed as whole sentences; an empty plan step moves on without saving', async () => {
    await mount(<Harness start="plans" plans={[{ id: 'p1', when: 'I miss them', then: 'call a friend' }]} />);
    expect(byTestId('setup-plans-list').textContent).toBe('When I miss them, I will call a friend.');
    await type('setup-plan-when', 'I miss them');
    expect((byTestId('setup-plan-add') as HTMLButtonElement).disabled).toBe(true);
    await type('setup-plan-when', '');
    await click('setup-next');
    expect(sent).toEqual([]);
    expect(byTestId('setup').dataset.step).toBe('friction');
  });

  test.each<SetupStep>(['welcome', 'link', 'goal', 'start', 'reasons', 'plans', 'friction'])(
    'skipping the set-up from %s saves setup-finished',
    async (start) => {
      const onFinished = vi.fn();
      await mount(<Harness start={start} onFinished={onFinished} />);
      await click('setup-skip');
      expect(sent).toEqual([{ type: 'setup-finished' }]);
      expect(onFinished).toHaveBeenCalledOnce();
    },
  );

  test('back and skip-this-step move without saving', async () => {
    const steps: SetupStep[] = [];
    await mount(<Harness start="goal" steps={steps} />);
    await click('setup-step-skip');
    await click('setup-back');
    await click('setup-back');
    expect(steps).toEqual(['start', 'goal', 'link']);
    expect(sent).toEqual([]);
  });
});

describe('the welcome (opened on install) and "Bring back a copy"', () => {
  async function chooseFile(id: string, text: string) {
    await act(async () => {
      const input = byTestId(id) as HTMLInputElement;
      Object.defineProperty(input, 'files', { value: [new File([text], 'copy.json', { type: 'application/json' })], configurable: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(async () => undefined);
  }

  test('in a tab: what it does and cannot do, privacy, pinning for this browser, and an import that ends the set-up', async () => {
    const onFinished = vi.fn();
    await mount(<Harness start="welcome" onFinished={onFinished} />);
    expect(byTestId('welcome-details').textContent).toContain('On X, Bluesky and Reddit, it notices');
    expect(byTestId('welcome-details').textContent).toContain('not in other browsers');
    expect(byTestId('welcome-details').textContent).toContain('Nothing leaves this device');
    await chooseFile('setup-import-input', '{"format":"no-contact-guard"}');
    expect(sent).toEqual([{ type: 'import-requested', json: '{"format":"no-contact-guard"}' }]);
    expect(onFinished).toHaveBeenCalledOnce();
  });

  test('a refused import says why and stays on the welcome', async () => {
    reply = { ok: false, error: 'This file does not look like a No-Contact Guard export, so nothing was changed.' };
    const onFinished = vi.fn();
    await mount(<Harness start="welcome" onFinished={onFinished} />);
    await chooseFile('setup-import-input', 'nope');
    expect(byTestId('setup-import-outcome').textContent).toContain('does not look like');
    expect(onFinished).not.toHaveBeenCalled();
    expect(byTestId('setup').dataset.step).toBe('welcome');
  });
});
