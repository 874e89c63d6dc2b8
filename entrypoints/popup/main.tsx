/**
 * The popup's first script: it asks the background for the view at once (with no journal
 * entries: the popup shows none), and the popup (app.tsx) loads while the answer is on its way
 * (issue 17, item 8).
 */
import { liveView } from '../../utils/ui/client';

const live = liveView(0);
void import('./app').then(({ start }) => start(document.getElementById('app')!, live));
