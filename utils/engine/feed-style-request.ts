/**
 * The guard's one question about feed hiding's stylesheet: "bring this tab's sheet in step with
 * the stored list". It names no one: the background reads who from storage and injects the sheet
 * itself (utils/background/feed-style.ts). Plain data here; the background validates it.
 */
export const FEED_STYLE_WANTED = 'feed-style-wanted';

export interface FeedStyleWanted {
  type: typeof FEED_STYLE_WANTED;
  site: string;
  /** The first ask of this document: no earlier sheet of ours is in it. */
  first: boolean;
}

/** The background's answer: true when the sheet hides everyone whose posts are set to 'hide'. */
export function isStyled(reply: unknown): boolean {
  return (reply as { ok?: unknown; data?: { styled?: unknown } } | undefined)?.ok === true && (reply as { data: { styled?: unknown } }).data?.styled === true;
}
