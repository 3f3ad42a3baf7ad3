// @vitest-environment happy-dom
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { MultiSelectField, type MultiOption } from "./multi-select-field";
import { renderWithIntl } from "./testing/render-with-intl";

// Domain order (the policy's rule order), deliberately not alphabetical.
const TIERS: MultiOption[] = [
  { value: "core", label: "Core", hint: "(120)" },
  { value: "basic", label: "Basic", hint: "(800)" },
  { value: "general", label: "General", hint: "(1,080)" },
];

function Harness({ initial = [] as string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <form aria-label="filters">
      <MultiSelectField label="Tier" name="tier" options={TIERS} value={value} onChange={setValue} />
      <output data-testid="value">{value.join(",")}</output>
    </form>
  );
}

const chipNames = () =>
  screen.queryByRole("list", { name: "Chosen for Tier" })
    ? within(screen.getByRole("list", { name: "Chosen for Tier" }))
        .getAllByRole("listitem")
        .map((chip) => chip.querySelector("span")?.textContent)
    : [];

afterEach(cleanup);

describe("MultiSelectField", () => {
  it("lists the options in the order given and chooses by click, keeping domain order in the value and the chips", async () => {
    const user = userEvent.setup();
    renderWithIntl(<Harness />);
    await user.click(screen.getByRole("combobox", { name: "Tier" }));
    const options = within(screen.getByRole("listbox", { name: "Tier" })).getAllByRole("option");
    expect(options.map((option) => option.textContent)).toEqual(["Core (120)", "Basic (800)", "General (1,080)"]);

    await user.click(screen.getByRole("option", { name: /General/ }));
    await user.click(screen.getByRole("option", { name: /Core/ }));
    expect(screen.getByTestId("value").textContent).toBe("core,general");
    expect(chipNames()).toEqual(["Core", "General"]);
    expect(screen.getByRole("option", { name: /Core/ }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("option", { name: /Basic/ }).getAttribute("aria-selected")).toBe("false");
  });

  it("narrows the list as the user types and chooses with the keyboard", async () => {
    const user = userEvent.setup();
    renderWithIntl(<Harness />);
    const input = screen.getByRole("combobox", { name: "Tier" });
    await user.click(input);
    await user.keyboard("as");
    expect(
      within(screen.getByRole("listbox"))
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Basic (800)"]);
    await user.keyboard("{Enter}");
    expect(screen.getByTestId("value").textContent).toBe("basic");

    await user.clear(input);
    await user.keyboard("{ArrowDown}{ArrowDown}{Enter}");
    expect(screen.getByTestId("value").textContent).toBe("basic,general");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("listbox")).toBeNull();
    expect(input.getAttribute("aria-expanded")).toBe("false");

    await user.keyboard("nothing like it");
    expect(screen.getByText("No matches")).toBeTruthy();
  });

  it("removes a chosen value by its chip and the last one by Backspace in an empty search", async () => {
    const user = userEvent.setup();
    renderWithIntl(<Harness initial={["core", "basic", "general"]} />);
    await user.click(screen.getByRole("button", { name: "Remove Basic" }));
    expect(chipNames()).toEqual(["Core", "General"]);

    await user.click(screen.getByRole("combobox", { name: "Tier" }));
    await user.keyboard("{Backspace}");
    expect(screen.getByTestId("value").textContent).toBe("core");
  });

  it("submits each chosen value as a form field of its name", async () => {
    const user = userEvent.setup();
    renderWithIntl(<Harness />);
    await user.click(screen.getByRole("combobox", { name: "Tier" }));
    await user.click(screen.getByRole("option", { name: /Basic/ }));
    await user.click(screen.getByRole("option", { name: /Core/ }));
    const form = screen.getByRole<HTMLFormElement>("form", { name: "filters" });
    expect(new FormData(form).getAll("tier")).toEqual(["core", "basic"]);
  });

  it("speaks Chinese on a Chinese page", async () => {
    const user = userEvent.setup();
    renderWithIntl(<Harness initial={["core"]} />, "zh-CN");
    expect(screen.getByRole("button", { name: "移除 Core" })).toBeTruthy();
    await user.click(screen.getByRole("combobox", { name: "Tier" }));
    await user.keyboard("zzz");
    expect(screen.getByText("无匹配项")).toBeTruthy();
  });
});
