"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, type KeyboardEvent } from "react";
import type { FieldOption } from "./select-field";

export type MultiOption = FieldOption & {
  /** A short figure after the label, e.g. the number of customers with this value. */
  hint?: string;
};

/**
 * A labelled, searchable choice of several values: the chosen ones show as chips (each removable), typing
 * narrows the list, arrow keys move, Enter chooses, Escape closes, Backspace in an empty search removes the
 * last chip. Options keep the order given (domain order). With `name`, each chosen value is also a hidden
 * form field, so it submits like a multiple select.
 */
export function MultiSelectField({
  label,
  options,
  value,
  onChange,
  name,
  placeholder,
}: {
  label: string;
  options: readonly MultiOption[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  name?: string;
  placeholder?: string;
}) {
  const t = useTranslations("common");
  const id = useId();
  const listId = `${id}-list`;
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [isOpen, setIsOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);
  const chosen = new Set(value);
  const labelOf = (v: string) => options.find((option) => option.value === v)?.label ?? v;
  const needle = query.trim().toLowerCase();
  const shown = needle
    ? options.filter(
        (option) => option.label.toLowerCase().includes(needle) || option.value.toLowerCase().includes(needle),
      )
    : options;
  const active = shown[Math.min(activeIndex, shown.length - 1)];
  // Option element ids by position: values may hold spaces or punctuation.
  const optionId = (option: MultiOption) => `${id}-opt-${options.indexOf(option)}`;

  function toggle(v: string) {
    // The result keeps the options' order, not the order of clicks, so the URL and chips read in domain order.
    const next = chosen.has(v) ? value.filter((item) => item !== v) : [...value, v];
    const rank = new Map(options.map((option, index) => [option.value, index]));
    onChange(next.sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity)));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        setIsOpen(true);
        setActiveIndex((index) => Math.min(index + 1, shown.length - 1));
        break;
      case "ArrowUp":
        event.preventDefault();
        setActiveIndex((index) => Math.max(index - 1, 0));
        break;
      case "Enter":
        if (isOpen && active) {
          event.preventDefault();
          toggle(active.value);
        }
        break;
      case "Escape":
        setIsOpen(false);
        break;
      case "Backspace":
        if (query === "" && value.length > 0) onChange(value.slice(0, -1));
        break;
      default:
        break;
    }
  }

  return (
    <div
      className="field multi-select"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setIsOpen(false);
      }}
    >
      <label htmlFor={id}>{label}</label>
      <div className="multi-select-box">
        {value.length > 0 ? (
          <ul className="chips" aria-label={t("chosenValues", { label })}>
            {value.map((v) => (
              <li key={v} className="chip">
                <span>{labelOf(v)}</span>
                <button
                  type="button"
                  aria-label={t("removeValue", { value: labelOf(v) })}
                  onClick={() => {
                    toggle(v);
                    inputRef.current?.focus();
                  }}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          ref={inputRef}
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-expanded={isOpen}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={isOpen && active ? optionId(active) : undefined}
          placeholder={value.length === 0 ? (placeholder ?? t("all")) : undefined}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActiveIndex(0);
            setIsOpen(true);
          }}
          onFocus={() => setIsOpen(true)}
          onClick={() => setIsOpen(true)}
          onKeyDown={onKeyDown}
        />
      </div>
      {isOpen ? (
        <ul id={listId} role="listbox" aria-multiselectable="true" aria-label={label} className="multi-select-list">
          {shown.length === 0 ? (
            <li className="muted" role="presentation">
              {t("noMatches")}
            </li>
          ) : (
            shown.map((option) => (
              <li
                key={option.value}
                id={optionId(option)}
                role="option"
                aria-selected={chosen.has(option.value)}
                className={option === active ? "active" : undefined}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => toggle(option.value)}
              >
                <span aria-hidden="true" className="check">
                  {chosen.has(option.value) ? "✓" : ""}
                </span>
                {option.label}
                {option.hint ? <span className="muted"> {option.hint}</span> : null}
              </li>
            ))
          )}
        </ul>
      ) : null}
      {name ? value.map((v) => <input key={v} type="hidden" name={name} value={v} />) : null}
    </div>
  );
}
