import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { adoptCentre, candidatePotentials, findNearestTwo, greater, lesser, nearestTwo } from "./distance-kernels";

// The kernels choose without branches; these properties hold them to the plain branching code,
// bit for bit (Object.is), on the three-feature fast paths and the general one.

const rowsArbitrary = fc
  .record({ dims: fc.integer({ min: 1, max: 5 }), n: fc.integer({ min: 1, max: 40 }) })
  .chain(({ dims, n }) =>
    fc.record({
      dims: fc.constant(dims),
      // Few distinct values, so equal distances (ties) are common.
      data: fc.array(fc.constantFrom(-3, -1.5, 0, 0.25, 1, 2.5, 1e3), { minLength: n * dims, maxLength: n * dims }),
      closest: fc.array(fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), fc.constant(Number.POSITIVE_INFINITY)), {
        minLength: n,
        maxLength: n,
      }),
      candidates: fc.array(fc.nat(n - 1), { minLength: 1, maxLength: 9 }),
    }),
  );

const plainDistance = (data: Float64Array, i: number, centres: Float64Array, j: number, dims: number): number => {
  let sum = 0;
  for (let d = 0; d < dims; d++) {
    const delta = data[i * dims + d]! - centres[j * dims + d]!;
    sum += delta * delta;
  }
  return sum;
};

/** Each row's `min(closest[i], ‖row i − data row `centreRow`‖²)`, with the ternary. */
const plainNearest = (rows: Float64Array, dims: number, centreRow: number, closest: readonly number[]): number[] =>
  closest.map((kept, i) => {
    const dist = plainDistance(rows, i, rows, centreRow, dims);
    return dist < kept ? dist : kept;
  });

describe("distance kernels", () => {
  it("lesser and greater are the ternaries, NaN and signed zeros included", () => {
    const values = [Number.NaN, -0, 0, 1, -1, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2.5];
    for (const a of values)
      for (const b of values) {
        expect(Object.is(lesser(a, b), a < b ? a : b)).toBe(true);
        expect(Object.is(greater(a, b), a > b ? a : b)).toBe(true);
      }
  });

  it("candidatePotentials gives each candidate's potential as a pass of its own would", () => {
    fc.assert(
      fc.property(rowsArbitrary, ({ dims, data, closest, candidates }) => {
        const rows = Float64Array.from(data);
        const kept = Float64Array.from(closest);
        const potentials = new Float64Array(candidates.length);
        candidatePotentials(rows, dims, Int32Array.from(candidates), kept, potentials);
        candidates.forEach((row, t) => {
          let expected = 0;
          for (const nearest of plainNearest(rows, dims, row, closest)) expected += nearest;
          expect(Object.is(potentials[t], expected)).toBe(true);
        });
        expect(kept).toEqual(Float64Array.from(closest)); // read only
      }),
    );
  });

  it("adoptCentre lowers each row's nearest distance and keeps the running sums", () => {
    fc.assert(
      fc.property(rowsArbitrary, ({ dims, data, closest, candidates }) => {
        const rows = Float64Array.from(data);
        const kept = Float64Array.from(closest);
        const cumulative = new Float64Array(kept.length);
        const total = adoptCentre(rows, dims, candidates[0]!, kept, cumulative);
        let running = 0;
        for (const [i, nearest] of plainNearest(rows, dims, candidates[0]!, closest).entries()) {
          running += nearest;
          expect(Object.is(kept[i], nearest)).toBe(true);
          expect(Object.is(cumulative[i], running)).toBe(true);
        }
        expect(Object.is(total, running)).toBe(true);
      }),
    );
  });

  it("findNearestTwo finds the nearest centre (lowest index on ties) and the runner-up's distance", () => {
    fc.assert(
      fc.property(rowsArbitrary, ({ dims, data, candidates }) => {
        const rows = Float64Array.from(data);
        const centres = new Float64Array(candidates.length * dims);
        candidates.forEach((row, j) => centres.set(rows.subarray(row * dims, (row + 1) * dims), j * dims));
        for (let i = 0; i < rows.length / dims; i++) {
          let best = 0;
          let bestDist = Number.POSITIVE_INFINITY;
          let secondDist = Number.POSITIVE_INFINITY;
          for (let j = 0; j < candidates.length; j++) {
            const dist = plainDistance(rows, i, centres, j, dims);
            if (dist < bestDist) {
              secondDist = bestDist;
              bestDist = dist;
              best = j;
            } else if (dist < secondDist) secondDist = dist;
          }
          findNearestTwo(rows, i, centres, candidates.length, dims);
          expect(nearestTwo).toEqual({ best, bestDist, secondDist });
        }
      }),
    );
  });
});
