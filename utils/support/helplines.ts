/**
 * Helplines shipped with the extension (no fetch: nothing leaves the device). Wrong numbers are
 * harmful, so every row below has a public source, checked on 2026-12-01 (every one is open
 * 24 hours, every day); a country we could not
 * source is left out, and the international directory covers it. Re-check each row before a
 * release (a number can move, as the US line did from 1-800-273-8255 to 988 in 2022).
 *
 * Names of services are proper names and stay as they are; what a row says ("call or text") is
 * in locales/*.yml. Countries are ISO 3166-1 alpha-2 codes, shown with Intl.DisplayNames.
 */

export type HelplineWay = 'call' | 'call-or-text';

export interface Helpline {
  /** ISO 3166-1 alpha-2; a service for several countries lists each. */
  countries: readonly string[];
  name: string;
  /** As people dial it (shown); `tel` is the same without spaces. */
  number: string;
  way: HelplineWay;
}

export const HELPLINES: readonly Helpline[] = [
  // United States: 988 Suicide & Crisis Lifeline, call or text 988, 24/7, English and Spanish.
  // Source: https://www.mcphs.edu/student-life/counseling-services/emergency-services/988-suicide-and-crisis-lifeline
  // and https://health.wyo.gov/publichealth/prevention/wivpp/suicide-prevention/988-suicide-crisis-lifeline
  { countries: ['US'], name: '988 Suicide & Crisis Lifeline', number: '988', way: 'call-or-text' },
  // Canada: 9-8-8 Suicide Crisis Helpline, call or text, 24/7, English and French, since 2023-11-30.
  // Source: https://www.newswire.ca/news-releases/government-of-canada-launches-three-digit-suicide-crisis-helpline-896472116.html
  { countries: ['CA'], name: '9-8-8: Suicide Crisis Helpline', number: '988', way: 'call-or-text' },
  // United Kingdom and Ireland: Samaritans, 116 123, free from landlines and mobiles, 24/7.
  // Source: https://www.samaritans.org/how-we-can-help/contact-samaritan/ (UK) and
  // http://www.newstalk.com/reader/47.301/69999/0/ (free to call on the whole island of Ireland).
  { countries: ['GB', 'IE'], name: 'Samaritans', number: '116 123', way: 'call' },
  // Australia: Lifeline, 13 11 14, 24/7 (free from mobiles; a local call from landlines).
  // Source: https://en.wikipedia.org/wiki/Lifeline_(crisis_support_service) and https://lifelineh2h.org.au/get-help/telephone-crisis-support/faqs/
  { countries: ['AU'], name: 'Lifeline', number: '13 11 14', way: 'call' },
  // Spain: 024, Línea de atención a la conducta suicida (Ministerio de Sanidad), free, 24/7, since 2022-05-10.
  // Source: https://www.rtve.es/noticias/20220509/sanidad-presenta-telefono-prevencion-suicidio/2347183.shtml
  { countries: ['ES'], name: '024 Línea de atención a la conducta suicida', number: '024', way: 'call' },
  // Mexico: Línea de la Vida (CONASAMA, Secretaría de Salud), 800 911 2000, free, 24 hours, 365 days.
  // Source: https://www.eluniversal.com.mx/nacion/promueven-la-linea-de-la-vida-tras-presentar-encuesta-sobre-consumo-de-drogas-asi-puedes-pedir-ayuda/
  { countries: ['MX'], name: 'Línea de la Vida', number: '800 911 2000', way: 'call' },
];

/**
 * A directory of free, verified helplines in many countries, for everyone the list above misses.
 * Find A Helpline is run by ThroughLine, a network of 1,300+ helplines in 130 countries.
 * Source: https://lifeline-international.com/from-idea-to-impact-how-throughline-is-bridging-the-gap-in-global-crisis-support/
 * (ThroughLine's directory tool) and https://developer.throughlinecare.com/general (how helplines
 * are verified). UNVERIFIED here: the address itself, which the pages above do not print; it is
 * the one projects and services commonly link to.
 */
export const HELPLINE_DIRECTORY_URL = 'https://findahelpline.com/';

/** `tel:` for a number as shown: digits only. */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

/** The region of a BCP 47 tag ('es-MX' → 'MX'), or undefined when it names none ('es'). */
export function regionOf(languageTag: string): string | undefined {
  try {
    return new Intl.Locale(languageTag).region;
  } catch {
    return undefined;
  }
}

/** The helplines with the person's own country first (from the browser's language), then the rest, in order. */
export function helplinesFor(region: string | undefined): Helpline[] {
  const mine = HELPLINES.filter((line) => region !== undefined && line.countries.includes(region));
  return [...mine, ...HELPLINES.filter((line) => !mine.includes(line))];
}
