/**
 * Where "go back" leads when there is nowhere to go back to (issue "Nothing slips past", item 5):
 * not the site's home, whose feed may show the same person, but the extension's calm page
 * (pause.html?mode=home: the day count, a kind word, the home one click away). Pure: the caller
 * gives the pause page's address.
 */
export function calmPageUrl(pausePageUrl: string, from: URL, site: string | undefined, fromPattern = false): string {
  const params = new URLSearchParams({ mode: 'home', from: from.origin });
  if (site) params.set('site', site);
  if (fromPattern) params.set('source', 'pattern');
  return `${pausePageUrl}?${params}`;
}
