/**
 * Hides a guarded person's posts in feeds before they paint: the engine's one observer hands
 * every mutation batch here (observer callbacks run as microtasks, before rendering). Items are
 * hidden with an inline style, or collapsed behind a neutral placeholder; nothing about the
 * person is written into the page.
 */
import type { PageRef, PageAdapter } from '../sites/site-adapter';
import type { GuardIndex, GuardMatch } from './guard-index';
import { createPlaceholder } from './placeholder';

export interface FeedHider {
  scan(): void;
  onMutations(records: readonly MutationRecord[]): void;
  stop(): void;
}

interface FeedHiderDeps {
  adapter: PageAdapter;
  doc: Document;
  index: GuardIndex;
  safe<T>(where: string, fn: () => T): T | undefined;
  largeBatch: number;
  /**
   * Hide every feed item, whoever wrote it: for the moments before the guard list arrives (an
   * asynchronous storage read), when items may already paint. The engine stops this hider and
   * starts the real one in the same task, so nobody else's item paints hidden for longer.
   */
  hideAll?: boolean;
}

/** What a provisional hider treats every item as: hidden, with no placeholder (nothing is known yet). */
const PROVISIONAL: GuardMatch = { personId: '', feedHiding: 'hide' };

export function createFeedHider({ adapter, doc, index, safe, largeBatch, hideAll = false }: FeedHiderDeps): FeedHider {
  const rule = adapter.feedItem!;
  /** Items we changed, with the parts hidden and their previous inline display, so stopping restores them exactly. */
  const changed = new Map<HTMLElement, { parts: { element: HTMLElement; display: string; priority: string }[]; placeholder?: Element }>();
  /** Items the person chose to show again. */
  const revealed = new WeakSet<Element>();

  /** What to hide of an item: its own parts where the adapter names them (replies stay), else all of it. */
  function partsOf(item: HTMLElement): HTMLElement[] {
    const parts = import.meta.env.GUARD_OWN_PARTS !== false && rule.ownParts ? (safe('feedItem.ownParts', () => rule.ownParts!(item)) ?? []) : [];
    const own = parts.filter((part): part is HTMLElement => part instanceof HTMLElement && part !== item && item.contains(part));
    return own.length > 0 ? own : [item];
  }

  function check(item: Element): void {
    if (!(item instanceof HTMLElement) || revealed.has(item)) return;
    const match = hideAll ? PROVISIONAL : guardedMatch(item);
    if (!match) {
      if (changed.has(item)) restore(item); // a recycled node now shows someone else
      return;
    }
    if (changed.has(item)) return;
    const parts = partsOf(item);
    const first = parts[0]!;
    changed.set(item, {
      parts: parts.map((element) => ({
        element,
        display: element.style.getPropertyValue('display'),
        priority: element.style.getPropertyPriority('display'),
      })),
      placeholder:
        match.feedHiding === 'collapse'
          ? createPlaceholder(
              doc,
              first,
              () => {
                revealed.add(item);
                restore(item);
              },
              { part: first !== item },
            )
          : undefined,
    });
    for (const part of parts) part.style.setProperty('display', 'none', 'important');
  }

  /**
   * Everything inside an item that could name someone hidden from feeds, as one selector
   * (the adapter's `mentionSelector`): most items name nobody guarded, and one native query tells
   * so for a fraction of what `authors()` costs, in Firefox above all, where every DOM call from
   * a content script crosses a wrapper (npm run bench, busy feed, 2026-11, page-world ratio:
   * Firefox 1.87–2.09 → 1.14–1.38; Chromium 1.36–1.65 → 1.08–1.27). Undefined: every item gets
   * the full check.
   */
  const mentionSelector = hideAll ? undefined : mentionSelectorOf(adapter, index, doc, safe);

  function mayNameSomeoneHidden(item: Element): boolean {
    if (mentionSelector === undefined) return true;
    return item.matches(mentionSelector) || item.querySelector(mentionSelector) !== null;
  }

  function guardedMatch(item: Element): GuardMatch | undefined {
    if (!mayNameSomeoneHidden(item)) return undefined;
    const authors = safe('feedItem', () => rule.authors(item)) ?? [];
    const people = index.feedReach === 'mentions' ? [...authors, ...linkedPeople(item)] : authors;
    return people.map((ref) => index.match(ref)).find((m) => m && m.feedHiding !== 'off');
  }

  /**
   * At reach 'mentions': everyone a link in the item leads to (a tag, a mention, a suggestion
   * card), read with the adapter's own parser, so a look-alike handle is never taken for them.
   * Only the links the mention selector picks out, when there is one.
   */
  function readLink(href: string): PageRef | undefined {
    try {
      return adapter.parseUrl(new URL(href, doc.baseURI));
    } catch {
      return undefined; // an href no URL can be made of names no one
    }
  }

  function linkedPeople(item: Element): PageRef[] {
    const links = mentionSelector === undefined ? item.querySelectorAll('a[href]') : item.querySelectorAll(mentionSelector);
    const refs: PageRef[] = [];
    for (const link of [item, ...links]) {
      const href = link.localName === 'a' ? link.getAttribute('href') : null;
      if (!href) continue;
      const ref = readLink(href);
      if (ref && (ref.handle || ref.stableId)) refs.push(ref);
    }
    return refs;
  }

  function restore(item: HTMLElement): void {
    const before = changed.get(item);
    if (!before) return;
    changed.delete(item);
    for (const { element, display, priority } of before.parts) {
      if (display) element.style.setProperty('display', display, priority);
      else element.style.removeProperty('display');
      if (element.getAttribute('style') === '') element.removeAttribute('style');
    }
    before.placeholder?.remove();
  }

  /**
   * Items already looked at. A large batch is handled by one document-wide query (cheaper than a
   * query per added node), and this set keeps that from re-checking every earlier item each time:
   * without it a feed appending 5,000 items in batches cost O(n²) checks (npm run bench, busy feed,
   * 2026-11: 1.25× main-thread time in Chromium). Recycled items are re-checked through their
   * mutation records instead.
   */
  const seen = new WeakSet<Element>();

  function scan(): void {
    for (const item of doc.querySelectorAll(rule.selector)) {
      if (seen.has(item)) continue;
      seen.add(item);
      check(item);
    }
  }

  function onMutations(records: readonly MutationRecord[]): void {
    let added = 0;
    for (const record of records) added += record.addedNodes.length;
    if (added === 0) return;
    const large = added > largeBatch;
    // A batch's records mostly share one target (a list appending its items one by one): look up
    // the item around a target once per run of records, not once per record.
    let previousTarget: Node | undefined;
    for (const record of records) {
      // A recycled item: its content changed, so its author may have too.
      if (record.target !== previousTarget) {
        previousTarget = record.target;
        const target = record.target instanceof Element ? record.target.closest(rule.selector) : null;
        if (target) {
          seen.add(target);
          check(target);
        }
      }
      if (large) continue;
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        // Nothing is hidden, so nothing here needs restoring, and nothing in this subtree names
        // anyone hidden from feeds: none of its items needs a look.
        if (changed.size === 0 && !mayNameSomeoneHidden(node)) continue;
        if (node.matches(rule.selector)) {
          seen.add(node);
          check(node);
        } else if (node.firstElementChild) {
          for (const item of node.querySelectorAll(rule.selector)) {
            seen.add(item);
            check(item);
          }
        }
      }
    }
    if (large) scan();
  }

  return {
    scan,
    onMutations,
    stop() {
      for (const item of [...changed.keys()]) restore(item);
    },
  };
}

/**
 * The adapter's mention selectors for every account hidden from feeds, joined into one; undefined
 * when the adapter has none or one fails (then every item gets the full check, the safe side).
 */
function mentionSelectorOf(
  adapter: PageAdapter,
  index: GuardIndex,
  doc: Document,
  safe: FeedHiderDeps['safe'],
): string | undefined {
  const forAccount = adapter.feedItem?.mentionSelector;
  if (!forAccount || index.feedHidingAccounts.length === 0) return undefined;
  return safe('feedItem.mentionSelector', () => {
    const selector = index.feedHidingAccounts.map((account) => forAccount(account)).join(', ');
    doc.createElement('div').matches(selector); // throws here, once, if the selector is invalid
    return selector;
  });
}
