/** A group of radio buttons, one per choice, each a label around its input (the options page's choices). */
export interface RadioChoicesProps<T extends string> {
  name: string;
  choices: readonly T[];
  checked: T;
  labelOf(choice: T): string;
  testIdPrefix: string;
  disabled?: boolean;
  onChoose(choice: T): void;
}

export function RadioChoices<T extends string>({ name, choices, checked, labelOf, testIdPrefix, disabled, onChoose }: RadioChoicesProps<T>) {
  return (
    <>
      {choices.map((choice) => (
        <label key={choice} class="choice">
          <input
            type="radio"
            name={name}
            value={choice}
            checked={checked === choice}
            disabled={disabled}
            data-testid={`${testIdPrefix}-${choice}`}
            onChange={() => onChoose(choice)}
          />
          {labelOf(choice)}
        </label>
      ))}
    </>
  );
}
