/**
 * The privacy policy inside the extension: PRIVACY.md → public/privacy.html and PRIVACY.es.md →
 * public/privacy.es.html, static pages with no script (the options page links to them; an
 * extension page cannot open a file of the repository). The Markdown is the source; this renders
 * the small subset the policy uses (headings, paragraphs, lists, **bold**, `code`); both pages
 * share public/privacy.css.
 *
 *   node scripts/privacy-page.mjs           writes the pages
 *   node scripts/privacy-page.mjs --check   exits 1 when a committed page is out of date
 * tests/unit/build/privacy-page.test.ts runs the check.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export const PRIVACY_PAGES = [
  { source: 'PRIVACY.md', page: 'public/privacy.html', lang: 'en' },
  { source: 'PRIVACY.es.md', page: 'public/privacy.es.html', lang: 'es' },
];

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inline(text) {
  return escape(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
}

/** Renders the policy's Markdown subset to a whole, self-contained HTML page. */
export function renderPrivacyPage(markdown, lang) {
  const body = [];
  let paragraph = [];
  let list;
  const flush = () => {
    if (paragraph.length) body.push(`<p>${inline(paragraph.join(' '))}</p>`);
    paragraph = [];
    if (list) body.push(`<ul>\n${list.map((item) => `  <li>${inline(item)}</li>`).join('\n')}\n</ul>`);
    list = undefined;
  };
  let title = '';
  for (const line of markdown.split('\n')) {
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (heading) {
      flush();
      const level = heading[1].length;
      if (level === 1) title = heading[2];
      body.push(`<h${level}>${inline(heading[2])}</h${level}>`);
    } else if (/^- /.test(line)) {
      if (paragraph.length) flush();
      (list ??= []).push(line.slice(2));
    } else if (/^\s+\S/.test(line) && list) {
      list[list.length - 1] += ` ${line.trim()}`;
    } else if (line.trim() === '') {
      flush();
    } else {
      if (list) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return `<!doctype html>
<!-- Generated from ${lang === 'en' ? 'PRIVACY.md' : `PRIVACY.${lang}.md`} by scripts/privacy-page.mjs: edit the Markdown, then run it. -->
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${inline(title)}</title>
<link rel="stylesheet" href="privacy.css">
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { source, page, lang } of PRIVACY_PAGES) {
    const html = renderPrivacyPage(readFileSync(join(ROOT, source), 'utf8'), lang);
    if (!check) {
      writeFileSync(join(ROOT, page), html);
      console.log(`privacy-page: ${page} from ${source}`);
    } else if (readFileSync(join(ROOT, page), 'utf8') !== html) {
      console.error(`privacy-page: ${page} is not what ${source} renders: run node scripts/privacy-page.mjs`);
      stale++;
    }
  }
  process.exit(stale ? 1 : 0);
}
