/**
 * The options page's first script: it asks the background for the first screen's view at once,
 * and the page (app.tsx, most of the code) loads while the answer is on its way. Asked for after
 * every module had loaded, the answer came about 50 ms later than it could (issue 17, item 8).
 */
import { liveView } from '../../utils/ui/client';
import { JOURNAL_PAGE } from '../../utils/ui/options-model';

const live = liveView(JOURNAL_PAGE);
void import('./app').then(({ start }) => start(document.getElementById('app')!, live));
