/**
 * The few helpers every adapter needs, written once so the adapters cannot drift apart:
 * reading a link into a ref, adding a ref to an item's people, cleaning a typed handle and
 * normalising a host name. Pure, like the adapters themselves: nothing here touches the DOM at
 * import, and nothing here knows a site.
 */
import type { Action, PageRef, SiteAdapter } from './site-adapter';
import { cssString } from './css-string';

/** A host name as adapters compare it: lower-case, without the trailing dot of a fully qualified name. */
export function normalizeHost(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}

/** True when `hostname` is one of `hosts` or a subdomain of one (mobile.x.com for x.com). */
export function isHostOrSubdomain(hostname: string, hosts: readonly string[]): boolean {
  const host = normalizeHost(hostname);
  return hosts.some((listed) => host === listed || host.endsWith(`.${listed}`));
}

/** A path segment percent-decoded, or undefined when its escapes are broken (`%E0%A4`). */
export function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * What a person typed or pasted as a handle, without the wrapping every site's users add: spaces,
 * a leading '@' and trailing slashes. Case is left to the adapter (some ids are case-sensitive).
 */
export function cleanHandle(raw: string): string {
  return raw.trim().replace(/^@/, '').replace(/\/+$/, '');
}

/**
 * A reader for links found in a page: resolves `href` against the site's origin and classifies it
 * with the adapter's own `parseUrl`. Undefined for a missing or unparsable link.
 */
export function linkReader(parseUrl: SiteAdapter['parseUrl'], base: string): (href: string | null | undefined) => PageRef | undefined {
  return (href) => {
    if (!href) return undefined;
    try {
      return parseUrl(new URL(href, base));
    } catch {
      return undefined;
    }
  };
}

/**
 * Adds the person a ref names to an item's people, once: a ref that names someone already listed
 * (by handle or by stable id) completes that entry instead of adding a second one. A ref that
 * names no one is ignored. Whatever kind of page the ref came from, the entry is a person.
 */
export function addRef(refs: PageRef[], ref: Partial<PageRef> | undefined): void {
  if (!ref || !(ref.handle || ref.stableId)) return;
  const known = refs.find((r) => (ref.handle && r.handle === ref.handle) || (ref.stableId && r.stableId === ref.stableId));
  if (known) {
    if (!known.handle && ref.handle) known.handle = ref.handle;
    if (!known.stableId && ref.stableId) known.stableId = ref.stableId;
    return;
  }
  refs.push({ kind: 'profile', ...(ref.handle && { handle: ref.handle }), ...(ref.stableId && { stableId: ref.stableId }) });
}

/**
 * The first link inside `root` that reads as a person's profile (not a post, story or tag link)
 * and names them by handle; with `byStableIdToo`, a profile link by stable id alone counts too.
 */
export function firstProfileRef(
  root: ParentNode | null | undefined,
  readLink: (href: string | null | undefined) => PageRef | undefined,
  { selector = 'a[href]', byStableIdToo = false }: { selector?: string; byStableIdToo?: boolean } = {},
): PageRef | undefined {
  if (!root) return undefined;
  for (const link of root.querySelectorAll(selector)) {
    const ref = readLink(link.getAttribute('href'));
    if (ref?.kind === 'profile' && (ref.handle || (byStableIdToo && ref.stableId))) return ref;
  }
  return undefined;
}

/** A button-like element (`button`, or `[role="button"]` as Meta's apps write them) around an icon labelled `label`. */
export function buttonAroundIcon(label: string): string {
  return `:is(button, [role="button"]):has(svg[aria-label="${label}"])`;
}

/**
 * For controls known only by their text ("Follow", "Message"): the action of the innermost
 * button-like element on the path (a `button`, or an element with one of `roles`) whose whole text
 * is in `actions` (lower-case). Only short texts count: a whole card can be a role=button too.
 */
export function actionByButtonText(
  path: readonly Element[],
  actions: ReadonlyMap<string, Action>,
  roles: readonly string[] = ['button'],
): Action | undefined {
  for (const element of path) {
    if (element.localName !== 'button' && !roles.includes(element.getAttribute('role') ?? '')) continue;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
    if (text.length > 20) return undefined;
    const action = actions.get(text);
    if (action) return action;
  }
  return undefined;
}

// ---- Labels in the site's languages ------------------------------------------------------------
// Where a control is known only by its label, the adapter lists that label in every interface
// language we cover, each with its source in docs/sites/<id>.md. These helpers turn one such table
// into selectors or a text lookup, so no adapter spells out the languages by hand.

/** The interface languages every label-only control is recognised in. */
export const UI_LANGUAGES = ['en', 'es', 'pt', 'fr', 'de'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/**
 * One control's label in each language: every form the site uses (a short and a long one, a second
 * wording). An empty list says that no form is known for that language yet (the docs say why).
 * In a template (`ariaLabelTemplate`), `{name}` stands for the person's display name.
 */
export type LocalizedLabel = Readonly<Record<UiLanguage, readonly string[]>>;

// Meta and LinkedIn write French elisions with a typographic apostrophe ("J’aime"); copies of the
// same label in public scripts use the straight one. Both are accepted.
const APOSTROPHES = /['\u2019]/g;

/** Every form of a label, once, each with both apostrophes where it has one. */
export function labelForms(label: LocalizedLabel): string[] {
  const forms = new Set<string>();
  for (const language of UI_LANGUAGES) {
    for (const form of label[language]) {
      forms.add(form);
      forms.add(form.replace(APOSTROPHES, "'"));
      forms.add(form.replace(APOSTROPHES, '\u2019'));
    }
  }
  return [...forms];
}

/** `<element>[aria-label="<form>"]` for every form, as one selector list. */
export function ariaLabelSelector(element: string, label: LocalizedLabel): string {
  return labelForms(label)
    .map((form) => `${element}[aria-label=${cssString(form)}]`)
    .join(', ');
}

/** A button-like element around an icon with any form of `label` (Meta's icon buttons). */
export function buttonAroundLocalizedIcon(label: LocalizedLabel): string {
  return `:is(button, [role="button"]):has(${ariaLabelSelector('svg', label)})`;
}

/**
 * `<element>` whose aria-label reads as a template with the person's name in it ("Follow {name}",
 * "{name} folgen"): the text before `{name}` as a prefix, the text after it as a suffix. A form
 * without `{name}` matches labels that start with it ("Repost" matches "Repost this post").
 */
export function ariaLabelTemplate(element: string, label: LocalizedLabel): string {
  return labelForms(label)
    .map((form) => form.split('{name}'))
    .filter(([before = '', after = '']) => before || after)
    .map(([before = '', after = '']) => `${element}${before ? `[aria-label^=${cssString(before)}]` : ''}${after ? `[aria-label$=${cssString(after)}]` : ''}`)
    .join(', ');
}

/** The lookup `actionByButtonText` reads: every form of every label (lower-case) to its action. */
export function actionsByText(entries: readonly (readonly [LocalizedLabel, Action])[]): ReadonlyMap<string, Action> {
  const actions = new Map<string, Action>();
  for (const [label, action] of entries) for (const form of labelForms(label)) actions.set(form.toLowerCase(), action);
  return actions;
}

/**
 * CSS for links to a person, for the feed stylesheet (`feedItem.hideSelectors`): `paths` are
 * their pages' paths without a trailing slash (`/sam`, `/in/sam`), matched relative or on one of
 * `origins`, with or without a trailing slash or a query, in any ASCII case (the `i` flag: the
 * sites' handles are ASCII). With `under`, any page below them too (their posts, their tabs).
 */
export function linksTo(paths: readonly string[], origins: readonly string[], { under = false }: { under?: boolean } = {}): string {
  const selectors: string[] = [];
  for (const origin of ['', ...origins]) {
    for (const path of paths) {
      const href = `${origin}${path}`;
      selectors.push(`a[href=${cssString(href)} i]`, `a[href^=${cssString(`${href}?`)} i]`);
      selectors.push(under ? `a[href^=${cssString(`${href}/`)} i]` : `a[href=${cssString(`${href}/`)} i]`, `a[href^=${cssString(`${href}/?`)} i]`);
    }
  }
  return selectors.join(', ');
}

/**
 * A small card that shows one person, for the feed stylesheet at reach 'mentions' (a "Suggested
 * for you" card, a hover card): an element with a link to them and a button as its own children.
 * `links` is a selector from `linksTo`.
 */
export function cardOf(links: string): string {
  return `:is(div, li, aside):has(> :is(${links})):has(> :is(button, [role="button"]))`;
}
