import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, test } from 'vitest';
import { renderRoot } from '../helpers/render-root';
import { SupportPage } from '../../../components/support/SupportPage';
import { HELPLINE_DIRECTORY_URL, HELPLINES, helplinesFor, regionOf, telHref } from '../../../utils/support/helplines';
import { isAllowedFrom } from '../../../utils/data/messages';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

describe('the helpline data', () => {
  test.each(HELPLINES.map((line) => [line.name, line] as const))('%s: a dialable number and real country codes', (_name, line) => {
    expect(line.number).toMatch(/^[\d ]+$/);
    for (const code of line.countries) expect(new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code)).toBeDefined();
  });

  test('every row has a public source right above it in the data file', () => {
    const source = readFileSync(resolve(process.cwd(), 'utils/support/helplines.ts'), 'utf8');
    const rows = source.split('\n').filter((line) => line.trim().startsWith('{ countries:'));
    expect(rows).toHaveLength(HELPLINES.length);
    for (const row of rows) {
      const before = source.slice(0, source.indexOf(row)).split('\n').slice(-4).join('\n');
      expect(before).toMatch(/Source: https?:\/\//);
    }
  });

  test('the countries of both shipped languages are covered (en: US, GB, IE, CA, AU; es: ES, MX)', () => {
    const covered = new Set(HELPLINES.flatMap((line) => line.countries));
    for (const code of ['US', 'GB', 'IE', 'CA', 'AU', 'ES', 'MX']) expect(covered.has(code)).toBe(true);
    expect(HELPLINE_DIRECTORY_URL).toMatch(/^https:\/\//);
  });

  test.each([
    ['988', 'tel:988'],
    ['116 123', 'tel:116123'],
    ['800 911 2000', 'tel:8009112000'],
  ])('telHref(%j) is %s', (number, href) => {
    expect(telHref(number)).toBe(href);
  });

  test.each([
    ['es-MX', 'MX'],
    ['en-GB', 'GB'],
    ['es', undefined],
    ['not a tag!', undefined],
  ])('regionOf(%j) is %j', (tag, region) => {
    expect(regionOf(tag)).toBe(region);
  });

  test('the person’s own country comes first, everything else follows in order; no region keeps the order', () => {
    expect(helplinesFor('MX')[0]?.countries).toEqual(['MX']);
    expect(helplinesFor('MX')).toHaveLength(HELPLINES.length);
    expect(helplinesFor('IE')[0]?.name).toBe('Samaritans');
    expect(helplinesFor(undefined)).toEqual([...HELPLINES]);
    expect(helplinesFor('FR')).toEqual([...HELPLINES]);
  });

  test('site pages may ask for the support page (the interstitial’s link), which changes no data', () => {
    expect(isAllowedFrom('support-page-requested', 'site-page')).toBe(true);
  });
});

describe('SupportPage', () => {
  const root = renderRoot();

  test('each line with its country, a call link, a text link where texting works; the directory and a professional', () => {
    act(() => render(<SupportPage helplines={helplinesFor('CA')} locale="en" />, root()));
    const first = root().querySelector('[data-testid="helpline"]')!;
    expect(first.querySelector('.country')?.textContent).toBe('Canada');
    expect(first.querySelector('[data-testid="helpline-call"]')?.getAttribute('href')).toBe('tel:988');
    expect(first.querySelector('[data-testid="helpline-text"]')?.getAttribute('href')).toBe('sms:988');
    const samaritans = [...root().querySelectorAll('[data-testid="helpline"]')].find((el) => el.textContent?.includes('Samaritans'))!;
    expect(samaritans.querySelector('.country')?.textContent).toBe('United Kingdom and Ireland');
    expect(samaritans.querySelector('[data-testid="helpline-text"]')).toBeNull();
    expect(root().querySelector('[data-testid="helpline-directory"]')?.getAttribute('href')).toBe(HELPLINE_DIRECTORY_URL);
    expect(root().querySelector('[data-testid="support-professional"]')?.textContent).toContain('A professional can help');
  });
});
