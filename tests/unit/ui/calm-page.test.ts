import { describe, expect, test } from 'vitest';
import { calmPageUrl } from '../../../utils/ui/calm-page';

const PAUSE = 'chrome-extension://abc/pause.html';

describe('calmPageUrl: where "go back" leads with nowhere to go back to', () => {
  test.each([
    ['a site page: only the origin rides along, never the path that names them', new URL('https://x.com/sam_rivers/status/1'), 'x', false, `${PAUSE}?mode=home&from=https%3A%2F%2Fx.com&site=x`],
    ['a page one of the person\'s own patterns paused', new URL('https://example.social/@sam?x=1'), undefined, true, `${PAUSE}?mode=home&from=https%3A%2F%2Fexample.social&source=pattern`],
  ])('%s', (_what, from, site, fromPattern, expected) => {
    expect(calmPageUrl(PAUSE, from, site, fromPattern)).toBe(expected);
  });
});
