/**
 * The options page's first script. Its first import asks the background for the first screen's
 * view (first-view.ts: an ES module's imports run in order, so the ask goes out before app.tsx,
 * most of the code, is run), and the page's code is imported statically, so the browser fetches
 * every chunk in the first wave (`modulepreload`). The dynamic `import('./app')` it replaces
 * fetched the app's chunks only after this script had run: with five years of heavy use the first
 * state came at 180 ms (median of 10; p95 279) and now at 143 (p95 161) in Chromium, 213 → 156
 * in Firefox (1 December 2026, `npm run bench`, heavy-history; issue 17, item 8).
 */
import { live } from './first-view';
import { start } from './app';

start(document.getElementById('app')!, live);
