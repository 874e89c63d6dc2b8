/**
 * The key and text-input events the guard holds while its dialog is open. In a file of its own:
 * the first stage registers the listeners at document_start (utils/engine/staged-ui.ts) and must
 * not load zod for one list.
 */
/** Every key and text-input event the site must not see while our dialog is open. */
export const HELD_KEY_EVENTS = [
  'keydown',
  'keypress',
  'keyup',
  'beforeinput',
  'input',
  'textInput',
  'compositionstart',
  'compositionupdate',
  'compositionend',
] as const;
