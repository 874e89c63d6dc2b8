/** Asks for the options page's first view when this module runs, before the page's code (main.tsx says why). */
import { liveView } from '../../utils/ui/client';
import { JOURNAL_PAGE } from '../../utils/ui/options-model';

export const live = liveView(JOURNAL_PAGE);
