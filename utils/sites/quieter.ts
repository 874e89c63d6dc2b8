/**
 * "Quieter on their side too": per site, what the person can do in the site's own settings
 * (mute, unfollow, restrict, block, remove a connection) and what the other person can notice.
 * Data only, one row per site id, so a new site adds a row here (and its step sentences in
 * locales/*.yml under `quieter.<site>.<action>`); the words live in the copy, the facts here.
 * Each fact has a public source and the date it was checked. The menu wording of each site's
 * steps is UNVERIFIED against today's apps (sites move their menus): re-check before a release.
 */
import type { SiteId } from './site-ids';

export type QuieterAction = 'mute' | 'unfollow' | 'restrict' | 'block' | 'removeConnection';

/** What the other person can notice: the copy says it in words. */
export type QuieterNotice = 'private' | 'notNotified' | 'public' | 'canStillRead' | 'commentsHidden';

export interface QuieterStep {
  action: QuieterAction;
  notice: QuieterNotice;
}

export const QUIETER_STEPS: Record<SiteId, readonly QuieterStep[]> = {
  x: [
    // X, seen 2026-12: muting hides them from your timeline without unfollowing or blocking, and
    // muted accounts are not notified. Source: X Help Center "How to mute accounts on X", as
    // summarised at https://uxpatternsguide.com/sources/x-mute-accounts/
    { action: 'mute', notice: 'private' },
    // X, seen 2026-12: a block cannot stop them reading your public posts (logged out, or another
    // account). Source: https://howtodotechystuff.wordpress.com/tag/mute/ and X Help Center
    // "Blocking on X" (https://uxpatternsguide.com/sources/x-blocking-accounts/)
    { action: 'block', notice: 'canStillRead' },
  ],
  bluesky: [
    // Bluesky, seen 2026-12: mutes stay on your own account; blocks are public, enumerable data
    // anyone can look up. Source: https://docs.bsky.app/blog/block-implementation
    { action: 'mute', notice: 'private' },
    { action: 'block', notice: 'public' },
  ],
  instagram: [
    // Instagram, seen 2026-12: unfollowing does not notify them. Source:
    // https://www.internetmatters.org/parental-controls/social-media/instagram/
    { action: 'unfollow', notice: 'notNotified' },
    // Instagram, seen 2026-12: a restricted account's comments on your posts are visible only to
    // them, with no notifications to you. Source (quoting Instagram):
    // https://www.socialmediatoday.com/news/instagram-adds-new-restrict-option-to-limit-the-exposure-of-trolls-and-cy/564238/
    { action: 'restrict', notice: 'commentsHidden' },
  ],
  linkedin: [
    // LinkedIn, seen 2026-12: unfollowing keeps the connection and hides their posts; removing a
    // connection does not notify them. Sources: https://blog.closelyhq.com/what-happens-when-you-remove-a-linkedin-connection
    // and http://salesenabled.com/friend-frenemy-sometimes-makes-sense-remove-linkedin-connection/
    { action: 'unfollow', notice: 'notNotified' },
    { action: 'removeConnection', notice: 'notNotified' },
  ],
  threads: [
    // Threads, seen 2026-12: muting keeps their threads and replies out of your feed; they are not
    // told and you still follow them. Source (quoting Threads' help): https://netaful.jp/?p=132395
    { action: 'mute', notice: 'private' },
    // Threads, seen 2026-12: a block (profile ⋯ menu) is not notified, though they may notice the
    // silence; it blocks them on Instagram too. Sources:
    // https://parsers.vc/news/241030-navigating-threads--blocking-and-reporting and
    // https://et.denizatm.com/pages/75605-how-to-block-or-mute-a-user-on-threads
    { action: 'block', notice: 'notNotified' },
  ],
  tiktok: [
    // TikTok, seen 2026-12: unfollowing (the "Following" button on their profile) sends them no
    // notification; their follower count drops by one. Source:
    // https://www.clrn.org/does-tiktok-notify-when-you-unfollow-someone
    { action: 'unfollow', notice: 'notNotified' },
    // TikTok, seen 2026-12: a block is not notified, though they may notice your profile is gone;
    // their videos and comments leave your For You feed too. Sources:
    // https://old.artsprofessional.co.uk/does-tiktok-notify-when-you-block-someone and
    // https://www.socialexperttips.com/does-blocking-someone-on-tiktok-remove-them-as-following-you/
    { action: 'block', notice: 'notNotified' },
  ],
  reddit: [
    // Reddit, seen 2026-12: a block is silent to the blocked person; since 2022 your posts and
    // comments show to them as deleted and your profile is closed to them, which they may notice.
    // Sources: https://www.reddit.com/r/announcements/comments/4dmnn6/ ("the block is completely
    // silent to the blocked user") and https://www.theeducationisthub.com/how-to-block-someone-from-seeing-your-posts-on-reddit/
    { action: 'block', notice: 'notNotified' },
  ],
  facebook: [
    // Facebook, seen 2026-12: unfollowing keeps you friends, stops their posts and stories in your
    // feed, and they are not notified. Source: https://www.androidpolice.com/how-to-unfollow-someone-on-facebook/
    { action: 'unfollow', notice: 'notNotified' },
    // Facebook, seen 2026-12: a block is confidential (they are not notified), though they may notice
    // that they cannot find you; it also unfriends them. Source (quoting Facebook's help):
    // https://makeoverarea.blogspot.com/2018/09/when-you-block-someone-on-facebook.html
    { action: 'block', notice: 'notNotified' },
  ],
};
