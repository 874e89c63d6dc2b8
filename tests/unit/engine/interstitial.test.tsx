import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Interstitial, type InterstitialProps } from '../../../components/interstitial/Interstitial';
import type { Friction } from '../../../utils/data/schema';

let container: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
  vi.useRealTimers();
});

function show(friction: Friction, pauseSeconds: number, extra: Partial<InterstitialProps> = {}) {
  const props: InterstitialProps = {
    prompt: { subject: 'page', pageKind: 'profile', asksToCount: false },
    days: 12,
    goalDays: 30,
    reason: 'Calm mornings',
    friction,
    pauseSeconds,
    frameUrl: (mode) => `chrome-extension://id/pause.html?mode=${mode}`,
    phraseConfirmed: false,
    onBack: vi.fn(),
    onDone: vi.fn(),
    ...extra,
  };
  act(() => render(<Interstitial {...props} />, container));
  return props;
}

const actions = () => [...container.querySelectorAll('[data-action]')].map((el) => el.getAttribute('data-action'));
const wait = (seconds: number) => {
  for (let i = 0; i < seconds; i++) act(() => void vi.advanceTimersByTime(1000));
};

describe('Interstitial', () => {
  test('shows the day count, the reason and the pause; "Go back" comes first', () => {
    show('gentle', 5);
    expect(container.querySelector('[data-part="days"]')?.textContent).toContain('Day 12 of no contact.');
    expect(container.querySelector('[data-part="reason"] blockquote')?.textContent).toBe('Calm mornings');
    expect(container.querySelector('[data-part="pause"] .countdown')?.textContent).toBe('You can choose in 5 seconds.');
    expect(actions()[0]).toBe('back');
  });

  test('a plan of their own is shown as one sentence; "Do my plan" ends the pause at once', () => {
    const props = show('firm', 15, { plan: { when: 'I want to look', then: 'text my sister' }, onPlan: vi.fn() });
    expect(container.querySelector('[data-part="plan"] p')?.textContent).toBe('When I want to look, I will text my sister.');
    expect(actions()).toEqual(['back', 'plan', 'write']);
    act(() => (container.querySelector('[data-action="plan"]') as HTMLButtonElement).click());
    expect(props.onPlan).toHaveBeenCalledOnce();
    expect(props.onDone).not.toHaveBeenCalled();
  });

  test('"Find support" is a quiet line under the lead; it opens support and the pause stays', () => {
    const props = show('gentle', 5, { onSupport: vi.fn() });
    const body = container.querySelector('#ncg-body')!;
    expect(body.children[0]?.getAttribute('data-part')).toBe('lead');
    expect(body.children[1]?.querySelector('button')?.getAttribute('data-part')).toBe('support');
    act(() => (container.querySelector('[data-part="support"]') as HTMLButtonElement).click());
    expect(props.onSupport).toHaveBeenCalledOnce();
    expect(container.querySelector('[data-part="quieter"]')).toBeNull();
    expect(props.onBack).not.toHaveBeenCalled();
    expect(container.querySelector('[data-part="lead"]')).not.toBeNull();
  });

  test('"Message a friend instead" is a link to their app; the pause ends after the browser follows it', async () => {
    const props = show('gentle', 5, { friend: { href: 'https://t.me/sam', call: false, message: 'Can we talk?' }, onFriend: vi.fn() });
    const link = container.querySelector<HTMLAnchorElement>('[data-action="friend"]')!;
    expect(link.getAttribute('href')).toBe('https://t.me/sam');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.textContent).toBe('Message a friend instead');
    expect(container.querySelector('[data-part="friend-message"]')?.textContent).toContain('Can we talk?');
    // The test document must not follow the link (happy-dom would try the network).
    container.addEventListener('click', (event) => event.preventDefault());
    act(() => link.click());
    expect(props.onFriend).not.toHaveBeenCalled();
    // In a message port's task (utils/ui/after-activation.ts), not after a timer.
    await vi.waitFor(() => expect(props.onFriend).toHaveBeenCalledOnce());
  });

  test('a tel: friend reads "Call a friend instead"', () => {
    show('gentle', 5, { friend: { href: 'tel:+15551234567', call: true }, onFriend: vi.fn() });
    expect(container.querySelector('[data-action="friend"]')?.textContent).toBe('Call a friend instead');
    expect(container.querySelector('[data-part="friend-message"]')).toBeNull();
  });

  test('needed contact: asks "Is this needed contact?" and goes on at once, never counting it', () => {
    const props = show('strict', 15, { prompt: { subject: 'page', pageKind: 'messages', asksToCount: false, neededContact: true } });
    expect(container.querySelector('[data-part="title"]')?.textContent).toBe('Is this needed contact?');
    expect(container.querySelector('[data-part="lead"]')?.textContent).toContain('will not change your count');
    expect(actions()).toEqual(['back', 'needed', 'write']);
    act(() => (container.querySelector('[data-action="needed"]') as HTMLButtonElement).click());
    expect(props.onDone).toHaveBeenCalledWith(false);
  });

  test('"Quieter on their side too" sits beside "Find support" and opens the steps', () => {
    const props = show('gentle', 5, { onSupport: vi.fn(), onQuieter: vi.fn() });
    act(() => (container.querySelector('[data-part="quieter"]') as HTMLButtonElement).click());
    expect(props.onQuieter).toHaveBeenCalledOnce();
    expect(props.onSupport).not.toHaveBeenCalled();
  });

  test('in hard hours it says why the pause is longer', () => {
    show('firm', 15, { hardHour: true });
    expect(container.querySelector('[data-part="hard-hour"]')?.textContent).toContain('hours you marked as hard');
  });

  test('without a plan there is no plan and no "Do my plan"', () => {
    show('gentle', 5, { onPlan: vi.fn() });
    expect(container.querySelector('[data-part="plan"]')).toBeNull();
    expect(actions()).toEqual(['back', 'write']);
  });

  test.each([
    ['gentle', 5],
    ['firm', 15],
  ] as const)('%s: no "Continue" until the %i second pause is over', (friction, seconds) => {
    show(friction, seconds);
    expect(actions()).toEqual(['back', 'write']);
    wait(seconds - 1);
    expect(actions()).toEqual(['back', 'write']);
    wait(1);
    expect(actions()).toEqual(['back', 'write', 'continue']);
  });

  test('firm asks once more before going through', () => {
    const props = show('firm', 1);
    wait(1);
    act(() => (container.querySelector('[data-action="continue"]') as HTMLButtonElement).click());
    expect(actions()).toEqual(['back', 'confirm']);
    act(() => (container.querySelector('[data-action="confirm"]') as HTMLButtonElement).click());
    expect(props.onDone).toHaveBeenCalledWith(false);
  });

  test('strict: after the pause, the phrase frame (an extension page), and "Continue" only once the phrase is confirmed', () => {
    const props = show('strict', 2);
    expect(container.querySelector('iframe')).toBeNull();
    wait(2);
    expect(container.querySelector('iframe[data-part="phrase-frame"]')?.getAttribute('src')).toBe('chrome-extension://id/pause.html?mode=phrase');
    expect(actions()).toEqual(['back', 'write']);
    act(() => render(<Interstitial {...props} phraseConfirmed />, container));
    expect(actions()).toEqual(['back', 'write', 'continue']);
  });

  test('"Write it down instead" opens the journal frame, typed in the extension page', () => {
    show('gentle', 5);
    act(() => (container.querySelector('[data-action="write"]') as HTMLButtonElement).click());
    expect(container.querySelector('iframe[data-part="journal-frame"]')?.getAttribute('src')).toBe('chrome-extension://id/pause.html?mode=journal');
    expect(container.querySelector('input, textarea')).toBeNull();
  });
});

describe('Let the wave pass', () => {
  test('a 90-second countdown; "Go back now" during it, "Go back" once the wave has passed, both end like going back', () => {
    const props = show('gentle', 5, { onWave: vi.fn() });
    expect(actions()).toEqual(['back', 'wave', 'write']);
    act(() => (container.querySelector('[data-action="wave"]') as HTMLButtonElement).click());
    expect(container.querySelector('[data-part="title"]')?.textContent).toBe('Let the wave pass');
    expect(container.querySelector('[data-part="wave-countdown"]')?.textContent).toBe('90 seconds left');
    expect(actions()).toEqual(['wave-back']);
    expect(container.querySelector('[data-action="wave-back"]')?.textContent).toBe('Go back now');
    wait(90);
    expect(container.querySelector('[data-part="wave-countdown"]')).toBeNull();
    expect(container.querySelector('[data-part="wave-done"]')?.textContent).toBe('The wave has passed. You let it go by.');
    act(() => (container.querySelector('[data-action="wave-back"]') as HTMLButtonElement).click());
    expect(props.onWave).toHaveBeenCalledOnce();
    expect(props.onBack).not.toHaveBeenCalled();
  });
});
