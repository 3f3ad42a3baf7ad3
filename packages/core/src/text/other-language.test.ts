import { describe, expect, it } from "vitest";
import { findOtherLanguageWords } from "./other-language";

describe("findOtherLanguageWords", () => {
  it("finds Chinese on an English page, punctuation included", () => {
    expect(findOtherLanguageWords("Tier Core · 核心客户 contribution CNY 8.00m", "en")).toEqual(["核心客户"]);
    expect(findOtherLanguageWords("Amount：", "en")).toEqual(["Amount："]);
    expect(findOtherLanguageWords("Run 3 · 2025 succeeded", "en")).toEqual([]);
  });

  it("finds English words on a Chinese page beyond the short allow-list", () => {
    expect(findOtherLanguageWords("CreditSeg 客户细分 · FTP 曲线 · AAA · NPL 率", "zh-CN")).toEqual([]);
    expect(findOtherLanguageWords("分层：catch-all rule", "zh-CN")).toEqual(["catch", "all", "rule"]);
    expect(findOtherLanguageWords("状态 segmenting", "zh-CN")).toEqual(["segmenting"]);
  });

  it("leaves codes users type alone: ids, e-mail addresses, file names", () => {
    expect(findOtherLanguageWords("客户 C000123 officer@creditseg.local customers.csv LN-0042", "zh-CN")).toEqual([]);
  });
});
