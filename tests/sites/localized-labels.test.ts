/**
 * Every control the first sites know only by its label, in every interface language we cover
 * (en, es, pt, fr, de): one row per site, language and control, with the markup the site's notes
 * document (docs/sites/<id>.md, Languages). Each row is pressed inside a post by the guarded person,
 * so the engine's classifier must name the action and the post must be theirs.
 */
import { describe, expect, test } from 'vitest';
import { classifyPress, ownerOfPath } from '../../utils/engine/control-guard';
import { adapterById } from '../../utils/sites/registry';
import type { Action } from '../../utils/sites/site-adapter';
import type { SiteId } from '../../utils/sites/site-ids';
import type { UiLanguage } from '../../utils/sites/kit';
import { pathOf } from './site-table-runner';

type Row = [site: SiteId, lang: UiLanguage, control: string, action: Action | undefined];

/** A post by `sam` on each site, with `{{control}}` where the control goes (marked #control). */
const POSTS: Partial<Record<SiteId, string>> = {
  instagram: '<article><header><a href="/sam/">sam</a></header><section>{{control}}</section></article>',
  threads: '<div data-pressable-container="true"><a href="/@sam/post/DCabc0001">1d</a><div>{{control}}</div></div>',
  linkedin: '<div data-testid="mainFeed"><div role="listitem"><a data-view-name="feed-actor-image" href="/in/sam/">Sam</a><div>{{control}}</div></div></div>',
  x: '<article data-testid="tweet"><a href="/sam/status/1790000000000000001"><time>1d</time></a><div role="group">{{control}}</div></article>',
};

const icon = (label: string) => `<div role="button" id="control"><svg aria-label="${label}"></svg></div>`;
const text = (label: string, element = 'button', role = '') => `<${element} id="control"${role && ` role="${role}"`}><span>${label}</span></${element}>`;
const labelled = (label: string) => `<button id="control" type="button" aria-label="${label}">…</button>`;

const ROWS: Row[] = [
  // Instagram: icons, and text-only buttons.
  ...([
    ['en', 'Like', 'Comment', 'Share', 'Follow', 'Message'],
    ['es', 'Me gusta', 'Comentar', 'Compartir', 'Seguir', 'Enviar mensaje'],
    ['pt', 'Curtir', 'Comentar', 'Compartilhar', 'Seguir', 'Enviar mensagem'],
    ['fr', 'J’aime', 'Commenter', 'Partager', 'Suivre', 'Envoyer un message'],
    ['de', 'Gefällt mir', 'Kommentieren', 'Teilen', 'Folgen', 'Nachricht senden'],
  ] as const).flatMap(([lang, like, comment, share, follow, message]): Row[] => [
    ['instagram', lang, icon(like), 'like'],
    ['instagram', lang, icon(comment), 'comment'],
    ['instagram', lang, icon(share), 'share'],
    ['instagram', lang, text(follow), 'follow'],
    ['instagram', lang, text(message, 'div', 'button'), 'message'],
  ]),
  ['instagram', 'fr', icon("J'aime"), 'like'],
  ['instagram', 'de', icon('Gefällt mir nicht mehr'), undefined],
  ['instagram', 'pt', icon('Descurtir'), undefined],
  ['instagram', 'es', icon('Guardar'), undefined],
  ['instagram', 'pt', '<form><textarea id="control" aria-label="Adicione um comentário..."></textarea></form>', 'comment'],
  // Threads: icons, the Repost menu's items and Follow, by their text.
  ...([
    ['en', 'Like', 'Reply', 'Repost', 'Share', 'Quote', 'Follow'],
    ['es', 'Me gusta', 'Responder', 'Republicar', 'Compartir', 'Citar', 'Seguir'],
    ['pt', 'Curtir', 'Responder', 'Repostar', 'Compartilhar', 'Citar', 'Seguir'],
    ['fr', 'J’aime', 'Répondre', 'Republier', 'Partager', 'Citer', 'Suivre'],
    ['de', 'Gefällt mir', 'Antworten', 'Reposten', 'Teilen', 'Zitieren', 'Folgen'],
  ] as const).flatMap(([lang, like, reply, repost, share, quote, follow]): Row[] => [
    ['threads', lang, icon(like), 'like'],
    ['threads', lang, icon(reply), 'reply'],
    ['threads', lang, icon(repost), 'repost'],
    ['threads', lang, icon(share), 'share'],
    ['threads', lang, text(quote, 'div', 'menuitem'), 'quote'],
    ['threads', lang, text(follow, 'div', 'button'), 'follow'],
  ]),
  // LinkedIn: labels with the person's name, button texts, and the icons every language shares.
  ...([
    ['en', 'React Like', 'Comment', 'Repost', 'Send', 'Invite Sam Rivers to connect', 'Follow Sam Rivers', 'Message Sam Rivers'],
    ['es', 'Reaccionar Recomendar', 'Comentar', 'Compartir', 'Enviar', 'Invitar a Sam Rivers a conectar', 'Seguir a Sam Rivers', 'Enviar mensaje a Sam Rivers'],
    ['pt', 'Reagir Gostei', 'Comentar', 'Compartilhar', 'Enviar', 'Convidar Sam Rivers para se conectar', 'Seguir Sam Rivers', 'Enviar mensagem para Sam Rivers'],
    ['fr', 'Réagir J’aime', 'Commenter', 'Republier', 'Envoyer', 'Inviter Sam Rivers à rejoindre votre réseau', 'Suivre Sam Rivers', 'Envoyer un message à Sam Rivers'],
    ['de', 'Reagieren Gefällt mir', 'Kommentieren', 'Reposten', 'Senden', '', 'Sam Rivers folgen', 'Nachricht an Sam Rivers'],
  ] as const).flatMap(([lang, react, comment, repost, send, connect, follow, message]): Row[] => [
    ['linkedin', lang, labelled(react), 'like'],
    ['linkedin', lang, labelled(comment), 'comment'],
    ['linkedin', lang, text(repost), 'repost'],
    ['linkedin', lang, text(send), 'share'],
    ...(connect ? [['linkedin', lang, labelled(connect), 'follow'] as Row] : []),
    ['linkedin', lang, labelled(follow), 'follow'],
    ['linkedin', lang, labelled(message), 'message'],
  ]),
  ['linkedin', 'de', '<button id="control"><svg id="thumbs-up-outline-small"></svg><span>Gefällt mir</span></button>', 'like'],
  ['linkedin', 'de', '<button id="control"><svg data-test-icon="comment-medium"><use href="#comment-medium"></use></svg></button>', 'comment'],
  ['linkedin', 'de', '<button id="control"><svg id="repost-small"></svg></button>', 'repost'],
  ['linkedin', 'es', '<button id="control" class="social-reshare-button">…</button>', 'repost'],
  ['linkedin', 'de', '<button id="control"><svg id="send-privately-small"></svg></button>', 'share'],
  ['linkedin', 'de', '<div role="button" id="control"><svg><use href="#connect-medium"></use></svg><span>Vernetzen</span></div>', 'follow'],
  ['linkedin', 'fr', labelled('Réagir J’aime').replace('aria-label', 'aria-pressed="true" aria-label'), undefined],
  // X: only the share button is known by its label.
  ...([
    ['en', 'Share post'],
    ['es', 'Compartir post'],
    ['pt', 'Compartilhar post'],
    ['fr', 'Partager le post'],
    ['de', 'Post teilen'],
  ] as const).map(([lang, share]): Row => ['x', lang, labelled(share), 'share']),
];

describe.each(ROWS.map((row) => [row[0], row[1], row[2], row[3]] as const))('%s (%s): %s', (site, _lang, control, action) => {
  test(`→ ${action ?? 'not a control'}, on the post's author`, () => {
    document.body.innerHTML = POSTS[site]!.replace('{{control}}', control);
    const element = document.getElementById('control')!;
    const adapter = adapterById(site);
    const path = pathOf(element.querySelector('svg, span') ?? element);
    expect(classifyPress(adapter, path, new MouseEvent('click', { bubbles: true, detail: 1 }))?.action).toBe(action);
    expect(ownerOfPath(adapter, path)?.handle).toBe('sam');
  });
});
