/**
 * The popup's first script: its first import asks the background for the view (with no journal
 * entries: the popup shows none) before the popup's code (app.tsx) runs, and every chunk loads in
 * the first wave, as on the options page (entrypoints/options/main.tsx says why).
 */
import { live } from './first-view';
import { start } from './app';

start(document.getElementById('app')!, live);
