"use client";

import { useId } from "react";

export type FieldOption = { value: string; label: string };

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
}) {
  const id = useId();
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
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
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
