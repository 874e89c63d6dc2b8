/**
 * The one classifier of controls: reads an adapter's declarations (control rules, shortcuts,
 * feed items) against an event's composed path. Pure: no listeners, no state.
 */
import type { Action, ControlRule, PageRef, PageAdapter } from '../sites/site-adapter';

export interface ControlHit {
  action: Action;
  element: Element;
}

const combinedSelectors = new WeakMap<PageAdapter, { press: string; doubleTap: string; hover: string }>();

function selectorsOf(adapter: PageAdapter): { press: string; doubleTap: string; hover: string } {
  let cached = combinedSelectors.get(adapter);
  if (!cached) {
    const of = (rules: readonly ControlRule[]) => rules.map((r) => r.selector).join(', ');
    cached = {
      press: of(adapter.controls.filter((r) => (r.gesture ?? 'press') === 'press')),
      doubleTap: of(adapter.controls.filter((r) => r.gesture === 'double-tap')),
      hover: of(adapter.controls.filter((r) => r.gesture === 'hover')),
    };
    combinedSelectors.set(adapter, cached);
  }
  return cached;
}

/** A second press of a double-click (its `detail` counts the clicks). */
function isDoubleTap(event: Event): boolean {
  return event.type === 'dblclick' || ((event as MouseEvent).detail ?? 0) >= 2;
}

/** `path` is innermost first, as `composedPath()` gives it. */
export function classifyPress(adapter: PageAdapter, path: readonly Element[], event: Event): ControlHit | undefined {
  const { press, doubleTap } = selectorsOf(adapter);
  for (const element of path) {
    if (press && element.matches(press)) {
      const rule = adapter.controls.find((r) => (r.gesture ?? 'press') === 'press' && element.matches(r.selector));
      if (rule) return { action: rule.action, element };
    }
    if (import.meta.env.GUARD_DOUBLE_TAP !== false && doubleTap && isDoubleTap(event) && element.matches(doubleTap)) {
      const rule = adapter.controls.find((r) => r.gesture === 'double-tap' && element.matches(r.selector));
      if (rule) return { action: rule.action, element };
    }
  }
  if (adapter.classifyControl) {
    const action = adapter.classifyControl(path);
    if (action) return { action, element: path[0]! };
  }
  return undefined;
}

/** Whether the adapter declares any hover rule (only then does the engine listen to hovers). */
export function hasHoverRules(adapter: PageAdapter): boolean {
  return selectorsOf(adapter).hover !== '';
}

/** A hover over a control that opens something acting (a reactions menu); `path` innermost first. */
export function classifyHover(adapter: PageAdapter, path: readonly Element[]): ControlHit | undefined {
  const { hover } = selectorsOf(adapter);
  if (!hover) return undefined;
  for (const element of path) {
    if (!element.matches(hover)) continue;
    const rule = adapter.controls.find((r) => r.gesture === 'hover' && element.matches(r.selector));
    if (rule) return { action: rule.action, element };
  }
  return undefined;
}

/** The innermost element on the path that opens someone's page without being a link, and that page. */
export function openerOfPath(adapter: PageAdapter, path: readonly Element[]): { ref: PageRef; element: Element } | undefined {
  if (!adapter.openers?.length) return undefined;
  for (const element of path) {
    const rule = adapter.openers.find((r) => element.matches(r.selector));
    const ref = rule?.opens(element);
    if (ref) return { ref, element };
  }
  return undefined;
}

/** A single-key shortcut acting on the focused post, which is on the keydown's path. */
export function classifyShortcut(adapter: PageAdapter, path: readonly Element[], key: string): ControlHit | undefined {
  const rule = adapter.shortcuts?.find((s) => s.key === key);
  if (!rule || !adapter.feedItem) return undefined;
  const item = path.find((el) => el.matches(adapter.feedItem!.selector));
  return item ? { action: rule.action, element: item } : undefined;
}

/** Whose is the control: the innermost feed item's author, or undefined (then the page's owner). */
export function ownerOfPath(adapter: PageAdapter, path: readonly Element[]): PageRef | undefined {
  if (!adapter.feedItem) return undefined;
  const item = path.find((el) => el.matches(adapter.feedItem!.selector));
  return item ? adapter.feedItem.authors(item)[0] : undefined;
}

/** How far above a control its own card may start: a few wrappers, never the whole page. */
const CARD_DEPTH = 12;

const samePerson = (a: PageRef, b: PageRef) => Boolean((a.handle && a.handle === b.handle) || (a.stableId && a.stableId === b.stableId));

/**
 * For a control outside every feed item (Follow on a suggestion card, a hover card, a row of a
 * search result or of a followers list): the one person its own card names. The card is the nearest
 * ancestor holding a link that `readLink` reads as a profile; it names one person when every such
 * link in it does. Several people (a list, the page itself) or none: undefined. Structure only, so
 * it does not depend on the site's language.
 */
export function ownerOfCard(path: readonly Element[], readLink: (href: string) => PageRef | undefined): PageRef | undefined {
  for (const element of path.slice(0, CARD_DEPTH)) {
    let person: PageRef | undefined;
    const links = element.matches('a[href]') ? [element] : [...element.querySelectorAll('a[href]')];
    for (const link of links) {
      const ref = readLink(link.getAttribute('href') ?? '');
      if (ref?.kind !== 'profile' || !(ref.handle || ref.stableId)) continue;
      if (person && !samePerson(person, ref)) return undefined;
      person ??= ref;
    }
    if (person) return person;
  }
  return undefined;
}

export function isEditable(element: Element): boolean {
  if (element.localName === 'input' || element.localName === 'textarea' || element.localName === 'select') return true;
  return (element as HTMLElement).isContentEditable === true;
}
