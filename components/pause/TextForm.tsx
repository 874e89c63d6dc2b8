/**
 * One labelled text box with a submit button and a status line: the journal ("write it down
 * instead") and the strict-friction phrase. Presentational: the caller decides what submit does.
 * The status says "saved" only when the caller says the write was acknowledged; a failed write
 * keeps the text in the box and may offer a way out (free space, export).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface TextFormResult {
  status: string;
  /** True when the text was taken (saved, or the phrase matched): the box is cleared. */
  ok: boolean;
  /** Shown beside a failure: for example "Free space or export". */
  recovery?: { label: string; onClick(): void };
}

export interface TextFormProps {
  label: string;
  submitLabel: string;
  multiline: boolean;
  /** A short line above the box (the journal's rotating prompt). */
  prompt?: string;
  /** A quiet line below the box ("you can stop here"). */
  hint?: string;
  onSubmit(text: string): Promise<TextFormResult>;
  /** Asks for what was typed before this page had focus (held by the guard, utils/engine/typed-ahead.ts). */
  typedAhead?(): Promise<string>;
}

export function TextForm({ label, submitLabel, multiline, prompt, hint, onSubmit, typedAhead }: TextFormProps) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<TextFormResult | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const boxRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // Inside the interstitial this page is a cross-origin frame, where browsers ignore autofocus;
    // the dialog focuses the frame instead, and the frame hands focus to its box.
    const focusBox = () => boxRef.current?.focus();
    if (document.hasFocus()) focusBox();
    window.addEventListener('focus', focusBox);
    // A key that arrives before the box has focus (this frame has only just been given focus)
    // is typed into the box rather than lost.
    const onKeydown = (event: KeyboardEvent) => {
      const box = boxRef.current;
      const typing = [...event.key].length === 1 && !event.ctrlKey && !event.metaKey && !event.isComposing;
      if (!box || !typing || document.activeElement === box || document.activeElement instanceof HTMLButtonElement) return;
      event.preventDefault();
      box.focus();
      box.setRangeText(event.key, box.selectionStart ?? box.value.length, box.selectionEnd ?? box.value.length, 'end');
      setText(box.value);
    };
    window.addEventListener('keydown', onKeydown, true);
    return () => {
      window.removeEventListener('focus', focusBox);
      window.removeEventListener('keydown', onKeydown, true);
    };
  }, []);
  useLayoutEffect(() => {
    if (!typedAhead) return;
    // Asked for at once, every 100 ms until this frame has focus, on focus, and on the first
    // keys typed here (a key held in the moment focus moved comes before them). What was typed
    // before lands where the box stood at the time of asking, so the words stay in order.
    let live = true;
    let asking = false;
    /**
     * Where the box stood when an ask was wanted while one was on its way. A key the guard held in
     * the moment focus moved here can miss the ask on its way, and the keys typed here after it
     * would find that ask busy: so one more ask follows it, and puts what it gets at that place.
     */
    let wantedAt: number | undefined;
    const ask = (at?: number) => {
      const box = boxRef.current;
      if (!box) return;
      if (asking) {
        wantedAt = Math.min(wantedAt ?? box.value.length, box.value.length);
        return;
      }
      asking = true;
      const askedAt = at ?? box.value.length;
      void typedAhead()
        .catch(() => '')
        .then((piece) => {
          asking = false;
          const target = boxRef.current;
          if (!live || !target) return;
          if (piece) {
            const where = Math.min(askedAt, target.value.length);
            target.setRangeText(piece, where, where, 'preserve');
            target.setSelectionRange(target.value.length, target.value.length);
            setText(target.value);
            if (wantedAt !== undefined && wantedAt >= where) wantedAt += piece.length;
          }
          if (wantedAt !== undefined) {
            const next = wantedAt;
            wantedAt = undefined;
            ask(next);
          }
        });
    };
    ask();
    const poll = window.setInterval(() => {
      if (document.hasFocus()) window.clearInterval(poll);
      ask();
    }, 100);
    let firstKeys = 3;
    const onKey = () => {
      if (firstKeys-- > 0) ask();
    };
    const onFocus = () => ask();
    window.addEventListener('focus', onFocus);
    window.addEventListener('keydown', onKey, true);
    return () => {
      live = false;
      window.clearInterval(poll);
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [typedAhead]);
  useEffect(() => {
    // After a save the confirmation takes focus, so a screen reader reads it and it is in view.
    if (result) statusRef.current?.focus({ preventScroll: false });
  }, [result]);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!text.trim() || busy) return;
    setBusy(true);
    try {
      const outcome = await onSubmit(text);
      setResult(outcome);
      if (outcome.ok) setText('');
    } finally {
      setBusy(false);
    }
  };
  const onInput = (event: Event) => {
    setText((event.currentTarget as HTMLInputElement).value);
    if (result) setResult(undefined);
  };
  const describedBy = [prompt && 'text-prompt', hint && 'text-hint'].filter(Boolean).join(' ') || undefined;
  return (
    <form onSubmit={submit} class={multiline ? 'text-form multiline' : 'text-form'}>
      <label for="text">{label}</label>
      {prompt && (
        <p id="text-prompt" class="prompt" data-part="prompt">
          {prompt}
        </p>
      )}
      {multiline ? (
        <textarea ref={boxRef} id="text" value={text} onInput={onInput} aria-describedby={describedBy} autoFocus />
      ) : (
        <input
          ref={boxRef}
          id="text"
          type="text"
          value={text}
          onInput={onInput}
          aria-describedby={describedBy}
          autoComplete="off"
          autoFocus
        />
      )}
      <div class="row">
        <button type="submit" class="primary" data-action="submit" aria-disabled={busy ? 'true' : undefined}>
          {submitLabel}
        </button>
        <p
          ref={statusRef}
          role="status"
          tabIndex={-1}
          class={result && !result.ok ? 'status problem' : 'status'}
          data-part="status"
          data-ok={result ? String(result.ok) : undefined}
        >
          {result?.status}
        </p>
        {result && !result.ok && result.recovery && (
          <button type="button" class="quiet" data-action="recovery" onClick={result.recovery.onClick}>
            {result.recovery.label}
          </button>
        )}
      </div>
      {hint && (
        <p id="text-hint" class="hint" data-part="hint">
          {hint}
        </p>
      )}
    </form>
  );
}
