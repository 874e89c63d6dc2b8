/**
 * A `<details>` whose content is drawn the first time it is opened, and kept from then on: folded
 * parts of every person's card (adding an account, quieter steps) were half of the options page's
 * nodes with many people on the list (issue 17, item 8).
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export interface FoldedProps {
  summary: ComponentChildren;
  class?: string;
  testId?: string;
  children: ComponentChildren;
}

export function Folded({ summary, class: className, testId, children }: FoldedProps) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      {...(className && { class: className })}
      {...(testId && { 'data-testid': testId })}
      onToggle={(event) => {
        if ((event.currentTarget as HTMLDetailsElement).open) setOpened(true);
      }}
    >
      <summary>{summary}</summary>
      {opened && children}
    </details>
  );
}
