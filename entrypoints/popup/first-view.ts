/** Asks for the popup's view when this module runs, before the popup's code (main.tsx says why). */
import { liveView } from '../../utils/ui/client';

export const live = liveView(0);
