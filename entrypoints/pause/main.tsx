/**
 * The extension's own pause page, in three modes:
 * - `page`: where declarativeNetRequest sends a full load that would tell a guarded person
 *   "you looked". Nothing has reached the site; the same choices as the interstitial.
 * - `journal` and `phrase`: frames inside the interstitial, so what the person types is typed
 *   here, in an extension page, and never in the site's document.
 */
// The interstitial's own look (its :host rules do not apply in a document), so `page` mode matches
// the in-page dialog.
import '../../components/interstitial/interstitial.css';
import { mountPausePage } from '../../utils/ui/pause-page';

mountPausePage(document.getElementById('app')!, new URL(location.href));
