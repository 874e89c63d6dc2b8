/**
 * Runs `fn` in a task after this one: after a clicked link's own activation (the browser follows
 * the link once the click's listeners have returned, in the same task, so the link must still be
 * in the document until then). Not a timer: once the link has opened a tab in front, this page is
 * hidden, and Chromium and Firefox hold a hidden page's timers back for up to a second; the pause
 * stayed open that long, and an urge let pass was not counted when the tab closed first (seen
 * 2026-12-01 in tests/e2e/interstitial.e2e.ts, "Message a friend instead"). A message port's
 * task is not held back, and no page sees it.
 */
export function afterActivation(fn: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(null);
}
