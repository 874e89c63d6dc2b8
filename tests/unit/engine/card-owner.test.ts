import { describe, expect, test } from 'vitest';
import { ownerOfCard } from '../../../utils/engine/control-guard';
import { instagramAdapter } from '../../../utils/sites/instagram';
import { linkedinAdapter } from '../../../utils/sites/linkedin';

/** An element and its ancestors, innermost first, as `composedPath()` gives them. */
function pathOf(element: Element): Element[] {
  const path: Element[] = [];
  for (let current: Element | null = element; current; current = current.parentElement) path.push(current);
  return path;
}

const instagram = (href: string) => instagramAdapter.parseUrl(new URL(href, 'https://www.instagram.com/'));
const linkedin = (href: string) => linkedinAdapter.parseUrl(new URL(href, 'https://www.linkedin.com/'));

describe('ownerOfCard: the one person a control’s own card names', () => {
  test.each([
    [
      'a suggestion card: avatar and name link to one person',
      '<aside><div><a href="/sam/"><img></a><a href="/sam/">sam</a><button id="control"><div>Follow</div></button></div></aside>',
      'sam',
    ],
    [
      'a list of several people: the row is the card, not the list',
      '<ul><li><a href="/sam/">sam</a><button id="control">Follow</button></li><li><a href="/alex/">alex</a><button>Follow</button></li></ul>',
      'sam',
    ],
    [
      'a block that names two people before any one of them: no owner',
      '<div><a href="/sam/">sam</a><a href="/alex/">alex</a><div><button id="control">Follow</button></div></div>',
      undefined,
    ],
    [
      'links that are not people (explore, a post by code) name no one',
      '<div><a href="/explore/people/">See all</a><a href="/p/Cabcdef1/">post</a><button id="control">Follow</button></div>',
      undefined,
    ],
    ['no link at all', '<div><div><button id="control">Follow</button></div></div>', undefined],
    [
      'the control is itself the person’s link',
      '<div><a href="/alex/">alex</a><a id="control" href="/sam/">sam</a></div>',
      'sam',
    ],
  ])('%s → %s', (_why, html, expected) => {
    document.body.innerHTML = html;
    expect(ownerOfCard(pathOf(document.getElementById('control')!), instagram)?.handle).toBe(expected);
  });

  test('too far up is no longer the control’s own card', () => {
    let html = '<button id="control">Follow</button>';
    for (let i = 0; i < 12; i++) html = `<div>${html}</div>`;
    document.body.innerHTML = `<div><a href="/sam/">sam</a>${html}</div>`;
    expect(ownerOfCard(pathOf(document.getElementById('control')!), instagram)).toBeUndefined();
  });

  test('a LinkedIn card carries the member id beside the vanity: one person', () => {
    document.body.innerHTML =
      '<div><a href="/in/sam-rivers/?profileUrn=urn%3Ali%3Afsd_profile%3AACoAAB1cD2eFgHiJkLmNoPqRsTuVwXyZ0123456">Sam</a><a href="/in/sam-rivers/">Sam</a><button id="control" aria-label="Invite Sam Rivers to connect">Connect</button></div>';
    expect(ownerOfCard(pathOf(document.getElementById('control')!), linkedin)).toMatchObject({
      handle: 'sam-rivers',
      stableId: 'ACoAAB1cD2eFgHiJkLmNoPqRsTuVwXyZ0123456',
    });
  });
});
