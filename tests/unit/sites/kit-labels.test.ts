import { describe, expect, test } from 'vitest';
import {
  actionByButtonText,
  actionsByText,
  ariaLabelSelector,
  ariaLabelTemplate,
  buttonAroundLocalizedIcon,
  labelForms,
  UI_LANGUAGES,
  type LocalizedLabel,
} from '../../../utils/sites/kit';

const like: LocalizedLabel = { en: ['Like'], es: ['Me gusta'], pt: ['Curtir'], fr: ['J’aime'], de: ['Gefällt mir'] };
const follow: LocalizedLabel = { en: ['Follow {name}'], es: ['Seguir a {name}'], pt: [], fr: ['Suivre {name}'], de: ['{name} folgen'] };

function element(html: string): Element {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host.firstElementChild!;
}

describe('labelForms', () => {
  test('every language, once, with both apostrophes where a form has one', () => {
    expect(labelForms(like)).toEqual(['Like', 'Me gusta', 'Curtir', 'J’aime', "J'aime", 'Gefällt mir']);
  });

  test('an empty language adds nothing', () => {
    expect(labelForms({ en: ['Send'], es: [], pt: [], fr: [], de: [] })).toEqual(['Send']);
  });

  test('the languages are the five the issue asks for', () => {
    expect(UI_LANGUAGES).toEqual(['en', 'es', 'pt', 'fr', 'de']);
  });
});

describe('ariaLabelSelector and buttonAroundLocalizedIcon', () => {
  test.each([
    ['<svg aria-label="Like"></svg>', true, 'English'],
    ['<svg aria-label="Me gusta"></svg>', true, 'Spanish'],
    ['<svg aria-label="J’aime"></svg>', true, 'French, typographic apostrophe'],
    ["<svg aria-label=\"J'aime\"></svg>", true, 'French, straight apostrophe'],
    ['<svg aria-label="Gefällt mir"></svg>', true, 'German'],
    ['<svg aria-label="Gefällt mir nicht mehr"></svg>', false, 'German unlike: a longer label is another control'],
    ['<svg aria-label="Unlike"></svg>', false, 'English unlike'],
    ['<svg aria-label="like"></svg>', false, 'case counts: the site writes one form'],
  ])('%s → %s (%s)', (html, expected) => {
    expect(element(html).matches(ariaLabelSelector('svg', like))).toBe(expected);
  });

  test.each([
    ['<div role="button"><svg aria-label="Curtir"></svg></div>', true],
    ['<button type="button"><span><svg aria-label="Gefällt mir"></svg></span></button>', true],
    ['<div><svg aria-label="Curtir"></svg></div>', false],
    ['<div role="button"><svg aria-label="Salvar"></svg></div>', false],
  ])('%s around a labelled icon → %s', (html, expected) => {
    expect(element(html).matches(buttonAroundLocalizedIcon(like))).toBe(expected);
  });
});

describe('ariaLabelTemplate', () => {
  test.each([
    ['Follow Sam Rivers', true],
    ['Seguir a Sam Rivers', true],
    ['Suivre Sam Rivers', true],
    ['Sam Rivers folgen', true],
    ['Following Sam Rivers', false],
    ['Message Sam Rivers', false],
    ['folgen', false],
  ])('%j → %s', (label, expected) => {
    const button = document.createElement('button');
    button.setAttribute('aria-label', label);
    expect(button.matches(ariaLabelTemplate('button', follow))).toBe(expected);
  });

  test('a form without {name} is a prefix', () => {
    const button = document.createElement('button');
    button.setAttribute('aria-label', 'Repost this post');
    expect(button.matches(ariaLabelTemplate('button', { en: ['Repost'], es: [], pt: [], fr: [], de: [] }))).toBe(true);
  });

  test('a form that is only {name} would match every label, so it is left out', () => {
    expect(ariaLabelTemplate('button', { en: ['{name}', 'Follow {name}'], es: [], pt: [], fr: [], de: [] })).toBe('button[aria-label^="Follow "]');
  });
});

describe('actionsByText with actionByButtonText', () => {
  const actions = actionsByText([
    [{ en: ['Follow', 'Follow Back'], es: ['Seguir'], pt: ['Seguir'], fr: ['Suivre'], de: ['Folgen'] }, 'follow'],
    [{ en: ['Message'], es: ['Enviar mensaje'], pt: [], fr: ['Envoyer un message'], de: ['Nachricht senden'] }, 'message'],
  ]);

  test.each([
    ['<button>Follow</button>', 'follow'],
    ['<button><div>Follow Back</div></button>', 'follow'],
    ['<button>Folgen</button>', 'follow'],
    ['<div role="button">  Seguir </div>', 'follow'],
    ['<button>Suivre</button>', 'follow'],
    ['<div role="button">Envoyer un message</div>', 'message'],
    ['<button>Nachricht senden</button>', 'message'],
    ['<button>Abonniert</button>', undefined],
    ['<div>Folgen</div>', undefined],
  ])('%s → %s', (html, action) => {
    expect(actionByButtonText([element(html)], actions)).toBe(action);
  });
});
