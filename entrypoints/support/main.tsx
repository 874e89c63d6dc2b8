/** The "Find support" page: wiring only (locale and region from the browser; no storage, no network). */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SupportPage } from '../../components/support/SupportPage';
import { t } from '../../utils/copy';
import { helplinesFor, regionOf } from '../../utils/support/helplines';

const locale = browser.i18n.getUILanguage();
document.documentElement.lang = locale;
document.title = t('support.title');
// The browser's own language list says where the person likely is ('es-MX' → Mexico first).
const region = [locale, ...navigator.languages].map(regionOf).find((r) => r !== undefined);
render(<SupportPage helplines={helplinesFor(region)} locale={locale} />, document.getElementById('app')!);
