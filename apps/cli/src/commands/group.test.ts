import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRng } from "@creditseg/core/random";
import { runCommands } from "../testing/run-commands";
import { register } from "./group";

const run = (args: string[]) => runCommands([register], args);

/** Three planted customer groups, 40 rows each, with seeded jitter. */
function writeCustomers(file: string): void {
  const lines = ["customer_id,industry,size,secured_share,revenue"];
  const plants = [
    ["信息技术服务业", "micro", 0.05, 3_000_000],
    ["批发和零售业", "small", 0.4, 40_000_000],
    ["制造业", "medium", 0.9, 300_000_000],
  ] as const;
  const rng = createRng(1);
  for (let i = 0; i < 120; i++) {
    const [industry, size, secured, revenue] = plants[i % 3]!;
    const jitter = rng.uniform() - 0.5;
    lines.push(
      `C${i},${industry},${size},${(secured + jitter * 0.1).toFixed(3)},${Math.round(revenue * (1 + jitter * 0.4))}`,
    );
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
}

let work: string;
let input: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "creditseg-group-test-"));
  input = join(work, "customers.csv");
  writeCustomers(input);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const base = () => [
  "group",
  "--input",
  input,
  "--id",
  "customer_id",
  "--categorical",
  "industry,size",
  "--numeric",
  "secured_share,revenue",
  "--log",
  "revenue",
];

describe("creditseg group", () => {
  it("prints { k, cost, groups } choosing k over a range", async () => {
    const { stdout, error } = await run([...base(), "--k", "2..6", "--json"]);
    expect(error).toBeNull();
    const result = JSON.parse(stdout) as {
      k: number;
      cost: number;
      groups: { size: number; name: { parts: { attribute: string; value?: string }[] } }[];
      selection: { k: number }[];
    };
    expect(result.k).toBe(3);
    expect(result.cost).toBeGreaterThan(0);
    expect(result.groups.map((g) => g.size)).toEqual([40, 40, 40]);
    expect(result.selection.map((c) => c.k)).toEqual([2, 3, 4, 5, 6]);
    const industries = result.groups.map((g) => g.name.parts.find((p) => p.attribute === "industry")?.value);
    expect(industries.sort()).toEqual(["信息技术服务业", "制造业", "批发和零售业"].sort());
  });

  it("gives the same output for the same seed", async () => {
    const first = await run([...base(), "--k", "2..5", "--seed", "9", "--json"]);
    const second = await run([...base(), "--k", "2..5", "--seed", "9", "--json"]);
    expect(second.stdout).toBe(first.stdout);
  });

  it("writes assignments.csv (id, group) and groups.json into --out", async () => {
    const out = join(work, "out");
    const { stdout, error } = await run([...base(), "--k", "3", "--out", out]);
    expect(error).toBeNull();
    expect(stdout).toContain("k = 3");
    expect(readdirSync(out).sort()).toEqual(["assignments.csv", "groups.json"]);
    const rows = readFileSync(join(out, "assignments.csv"), "utf8").trim().split("\n");
    expect(rows[0]).toBe("id,group");
    expect(rows).toHaveLength(121);
    const groupOf = new Map(rows.slice(1).map((line) => line.split(",") as [string, string]));
    expect(groupOf.get("C1")).toBe(groupOf.get("C4"));
    expect(groupOf.get("C1")).not.toBe(groupOf.get("C2"));
    const groups = JSON.parse(readFileSync(join(out, "groups.json"), "utf8")) as { groups: unknown[] };
    expect(groups.groups).toHaveLength(3);
  });

  it.each([
    [["--numeric", "secured_share,revenue,nope"], /customers\.csv: missing column "nope"/],
    [["--k", "51"], /k: /],
    [["--k", "two"], /--k must be an integer/],
    [["--log", "industry"], /--log names columns that are not --numeric: industry/],
    [["--gamma", "-1"], /--gamma must be a number ≥ 0/],
  ])("rejects bad options %j with exit code 2", async (extra, message) => {
    const out = join(work, "out");
    const { error } = await run([...base(), "--k", "3", ...extra, "--out", out]);
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [
      "customer_id,industry,size,secured_share,revenue\nC1,制造业,small,0.5,100\nC2,制造业,small,abc,100\n",
      'row 2 (line 3), column "secured_share": "abc" is not a number',
    ],
    [
      "customer_id,industry,size,secured_share,revenue\nC1,制造业,small,0.5,100\nC1,制造业,small,0.4,100\n",
      'row 2 (line 3), column "customer_id": id "C1" already used in row 1',
    ],
    [
      "customer_id,industry,size,secured_share,revenue\n,制造业,small,0.5,100\n",
      'row 1 (line 2), column "customer_id": empty id',
    ],
    [
      "customer_id,industry,size,secured_share,revenue\nC1,制造业,small,0.5,-100\nC2,制造业,small,0.5,100\n",
      'row 1, feature "revenue": log transform needs a value ≥ 0',
    ],
  ])("names file, row and column for bad data, and writes nothing", async (text, message) => {
    writeFileSync(input, text);
    const out = join(work, "out");
    const { error } = await run([...base(), "--k", "1", "--out", out]);
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toContain(`${input}: ${message}`);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work)).toEqual(["customers.csv"]);
  });

  it("treats an empty numeric cell as missing", async () => {
    writeFileSync(
      input,
      "customer_id,industry,size,secured_share,revenue\nC1,制造业,small,,100\nC2,批发和零售业,micro,0.2,50\nC3,制造业,small,0.9,120\n",
    );
    const { stdout, error } = await run([...base(), "--k", "2", "--json"]);
    expect(error).toBeNull();
    expect((JSON.parse(stdout) as { k: number }).k).toBe(2);
  });
});
