/**
 * One labelled text box with a submit button and a status line: the journal ("write it down
 * instead") and the strict-friction phrase. Presentational: the caller decides what submit does.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export interface TextFormProps {
  label: string;
  submitLabel: string;
  multiline: boolean;
  /** Resolves to the status sentence to show; the box is cleared when `clear` is true. */
  onSubmit(text: string): Promise<{ status: string; clear: boolean }>;
}

export function TextForm({ label, submitLabel, multiline, onSubmit }: TextFormProps) {
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const boxRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => {
    // Inside the interstitial this page is a cross-origin frame, where browsers ignore autofocus;
    // the dialog focuses the frame instead, and the frame hands focus to its box.
    const focusBox = () => boxRef.current?.focus();
    if (document.hasFocus()) focusBox();
    window.addEventListener('focus', focusBox);
    return () => window.removeEventListener('focus', focusBox);
  }, []);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim()) return;
    const result = await onSubmit(text);
    setStatus(result.status);
    if (result.clear) setText('');
  };
  const onInput = (event: Event) => setText((event.currentTarget as HTMLInputElement).value);
  return (
    <form onSubmit={submit}>
      <label for="text">{label}</label>
      {multiline ? (
        <textarea ref={boxRef} id="text" value={text} onInput={onInput} autoFocus />
      ) : (
        <input ref={boxRef} id="text" type="text" value={text} onInput={onInput} autoComplete="off" autoFocus />
      )}
      <button type="submit" data-action="submit">
        {submitLabel}
      </button>
      <p role="status" data-part="status">
        {status}
      </p>
    </form>
  );
}
