"use client";

import { useId } from "react";

/** A choice; `lang` when its label is in another language than the page (a language name). */
export type FieldOption = { value: string; label: string; lang?: string };

/**
 * A labelled single choice. Options are shown in the order given (domain order: tiers by rule, grades AAA
 * first), never re-sorted. Controlled (`value` + `onChange`) or a plain form field (`defaultValue` + `name`).
 */
export function SelectField({
  label,
  options,
  value,
  defaultValue,
  onChange,
  name,
  anyLabel,
  isRequired,
  isInvalid,
  isDisabled,
  describedBy,
  className,
  isLabelHidden,
}: {
  label: string;
  options: readonly FieldOption[];
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
  name?: string;
  /** A first option meaning "no filter" (value ""), e.g. 全部. */
  anyLabel?: string;
  isRequired?: boolean;
  isInvalid?: boolean;
  isDisabled?: boolean;
  describedBy?: string;
  className?: string;
  /** The label is read by screen readers only, e.g. inside a table row that already names the thing. */
  isLabelHidden?: boolean;
}) {
  const id = useId();
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id} className={isLabelHidden ? "visually-hidden" : undefined}>
        {label}
      </label>
      <select
        id={id}
        name={name}
        value={value}
        defaultValue={value === undefined ? defaultValue : undefined}
        onChange={onChange ? (event) => onChange(event.target.value) : undefined}
        required={isRequired}
        disabled={isDisabled}
        aria-invalid={isInvalid || undefined}
        aria-describedby={describedBy}
      >
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
