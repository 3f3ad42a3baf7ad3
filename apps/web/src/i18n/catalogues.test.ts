import { findOtherLanguageWords } from "@creditseg/core";
import { ENGINE_AUDIT_ACTIONS, EXPORT_FAILURE_CODES } from "@creditseg/engine";
import { INGEST_AUDIT_ACTIONS } from "@creditseg/ingest";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./config";
import { loadMessages } from "./load-messages";
import { APP_ERROR_CODES } from "~/server/api/errors";
import { AUDIT_ACTIONS } from "~/server/audit/write-audit";

type Tree = { [key: string]: string | Tree };

/** Every message of a catalogue by its dotted key. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** The argument names a message uses and its literal text, walking plural / select branches. */
function readMessage(elements: MessageFormatElement[], args = new Set<string>(), text: string[] = []) {
  for (const element of elements) {
    if (element.type === TYPE.literal) text.push(element.value);
    else if (element.type !== TYPE.pound) {
      args.add(element.value);
      if (element.type === TYPE.plural || element.type === TYPE.select)
        for (const option of Object.values(element.options)) readMessage(option.value, args, text);
      if (element.type === TYPE.tag) readMessage(element.children, args, text);
    }
  }
  return { args, text: text.join("") };
}

const catalogues = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(loadMessages(locale) as Tree)]));
const english = catalogues.en!;
const chinese = catalogues["zh-CN"]!;

describe("message catalogues", () => {
  it("hold the same keys in zh-CN and en", () => {
    expect(
      [...english.keys()].filter((key) => !chinese.has(key)),
      "missing in zh-CN",
    ).toEqual([]);
    expect(
      [...chinese.keys()].filter((key) => !english.has(key)),
      "missing in en",
    ).toEqual([]);
  });

  it("parse as ICU messages with the same arguments in both languages", () => {
    const mismatched = [...english].flatMap(([key, message]) => {
      const en = [...readMessage(parse(message)).args].sort();
      const zh = [...readMessage(parse(chinese.get(key) ?? "")).args].sort();
      return en.join() === zh.join() ? [] : [`${key}: en {${en.join()}} zh-CN {${zh.join()}}`];
    });
    expect(mismatched).toEqual([]);
  });

  it("have no empty message and no text of the other language", () => {
    const problems = LOCALES.flatMap((locale) =>
      [...catalogues[locale]!].flatMap(([key, message]) => {
        if (message.trim() === "") return [`${locale} ${key}: empty`];
        const words = findOtherLanguageWords(readMessage(parse(message)).text, locale);
        return words.length ? [`${locale} ${key}: ${words.join(" ")}`] : [];
      }),
    );
    expect(problems).toEqual([]);
  });

  it("name every audit action the packages and the web app write, and no other (the audit filter offers these)", () => {
    const written = [...ENGINE_AUDIT_ACTIONS, ...INGEST_AUDIT_ACTIONS, ...AUDIT_ACTIONS].sort();
    expect([...flatten(loadMessages("en").auditActions as Tree).keys()].sort()).toEqual(written);
  });

  it("render every app error code the server sends (the interface shows these, never the server's English)", () => {
    const rendered = [...flatten(loadMessages("en").errors).keys()];
    expect(APP_ERROR_CODES.filter((code) => !rendered.includes(code))).toEqual([]);
  });

  it("render every reason an export can fail with (the list page shows these)", () => {
    const rendered = [...flatten(loadMessages("en").customers).keys()];
    expect(EXPORT_FAILURE_CODES.filter((code) => !rendered.includes(`exportFailure.${code}`))).toEqual([]);
  });
});
