import { describe, expect, it } from "vitest";
import { parseDate } from "./parse-date";

describe("parseDate", () => {
  it.each([
    ["2015-01-31", "2015-01-31"],
    ["2015/1/31", "2015-01-31"],
    ["2015.1.5", "2015-01-05"],
    ["2015年1月31日", "2015-01-31"],
    ["20150131", "2015-01-31"],
    ["2016-02-29", "2016-02-29"],
    ["2015-01-31 00:00:00", "2015-01-31"],
    ["42035", "2015-01-31"],
  ])("%s → %s", (text, iso) => {
    expect(parseDate(text)).toEqual({ ok: true, value: iso });
  });

  it.each([
    [42035, "2015-01-31"],
    [61, "1900-03-01"],
    [42035.75, "2015-01-31"],
  ])("Excel serial %d → %s", (serial, iso) => {
    expect(parseDate(serial)).toEqual({ ok: true, value: iso });
  });

  it("reads XLSX date cells in UTC", () => {
    expect(parseDate(new Date(Date.UTC(2016, 1, 29)))).toEqual({ ok: true, value: "2016-02-29" });
  });

  it.each([
    "2015-02-30",
    "2015-13-01",
    "2015-04-31",
    "2015-02-29",
    "20150230",
    "31/01/2015",
    "yesterday",
    "1899-12-31",
  ])("rejects %s as invalid_date", (text) => {
    expect(parseDate(text)).toMatchObject({ ok: false, code: "invalid_date" });
  });
});
