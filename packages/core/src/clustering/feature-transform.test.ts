import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ClusteringInputError } from "./clustering-error";
import { applyTransform, fitTransform, inverseTransform } from "./feature-transform";
import { SCALE_METHODS } from "./settings";

describe("fitTransform", () => {
  const data = Float64Array.from([1, 10, 2, 20, 3, 30, 4, 40]);

  it.each([
    ["zscore", [-1.3416407864998738, -0.4472135954999579, 0.4472135954999579, 1.3416407864998738]],
    ["minmax", [0, 1 / 3, 2 / 3, 1]],
    ["robust", [-1, -1 / 3, 1 / 3, 1]],
    ["none", [1, 2, 3, 4]],
  ] as const)("scales with %s (zscore by the population SD)", (scale, expectedFirstColumn) => {
    const { transformed } = fitTransform({ data, features: ["a", "b"], log: [], scale });
    expectedFirstColumn.forEach((value, i) => expect(transformed[i * 2]).toBeCloseTo(value, 12));
  });

  it("applies log1p before scaling and maps back with expm1", () => {
    const { transform, transformed } = fitTransform({ data, features: ["a", "b"], log: ["b"], scale: "none" });
    expect(transformed[1]).toBeCloseTo(Math.log1p(10), 12);
    expect(inverseTransform(transform, transformed)[7]).toBeCloseTo(40, 9);
  });

  it("scales a constant feature by 1 instead of dividing by zero", () => {
    for (const scale of SCALE_METHODS) {
      const { transform, transformed } = fitTransform({
        data: Float64Array.from([5, 1, 5, 2, 5, 3]),
        features: ["c", "x"],
        log: [],
        scale,
      });
      expect(transform.scaleFactor[0]).toBe(1);
      expect(transformed.every(Number.isFinite)).toBe(true);
    }
  });

  it("rejects a negative value under a log, naming row and feature", () => {
    expect(() =>
      fitTransform({
        data: Float64Array.from([1, 2, 3, -4]),
        features: ["rate", "amount"],
        log: ["amount"],
        scale: "zscore",
      }),
    ).toThrow(new ClusteringInputError('row 2, feature "amount": log transform needs a value ≥ 0, got -4'));
  });

  it("maps centroids back to raw units and forward again to the same point", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 50, max: 1500 }).map((bp) => bp / 100),
            fc.integer({ min: 0, max: 1e10 }),
            fc.integer({ min: 1, max: 360 }),
          ),
          { minLength: 2, maxLength: 40 },
        ),
        fc.constantFrom(...SCALE_METHODS),
        fc.boolean(),
        (rows, scale, isAmountLogged) => {
          const raw = Float64Array.from(rows.flat());
          const { transform, transformed } = fitTransform({
            data: raw,
            features: ["rate", "amount", "term_months"],
            log: isAmountLogged ? ["amount"] : [],
            scale,
          });
          // A centre in the transformed space: the mean of the first two rows.
          const centre = Float64Array.from([0, 1, 2].map((f) => (transformed[f]! + transformed[3 + f]!) / 2));
          const back = applyTransform(transform, inverseTransform(transform, centre));
          centre.forEach((x, f) => {
            // Double precision bounds the round trip by the feature's conditioning: raw values near 1e10 with a
            // spread of a few units (log1p, then z-score) leave only ~1e-6 of resolution in z units.
            const scaleFactor = transform.scaleFactor[f]!;
            const conditioning = (Math.abs(transform.center[f]!) + Math.abs(x * scaleFactor)) / scaleFactor;
            expect(Math.abs(back[f]! - x)).toBeLessThanOrEqual(1e-6 + 64 * Number.EPSILON * conditioning);
          });
        },
      ),
      {
        numRuns: 200,
        examples: [
          [
            [
              [0.5, 9_999_999_964, 1],
              [0.5, 9_999_999_978, 1],
            ],
            "zscore",
            true,
          ],
        ],
      },
    );
  });
});
