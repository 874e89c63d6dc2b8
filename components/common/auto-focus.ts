/**
 * `autoFocus` that works after the page has loaded. The HTML autofocus attribute acts only while
 * a document loads, so a control that appears later (a confirmation step, an opened panel) stayed
 * unfocused and a keyboard user was left where the previous control had been removed: on <body>.
 * (tests/e2e/journeys.e2e.ts found it on "Erase everything" → "Continue".)
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

export function useAutoFocus<T extends HTMLElement>(autoFocus: boolean | undefined) {
  const ref = useRef<T>(null);
  // A layout effect: focus lands in the same task as the render, before any key typed next.
  useLayoutEffect(() => {
    if (autoFocus) ref.current?.focus();
    // On mount only: a later change of the prop must not pull the focus back.
  }, []);
  return ref;
}
