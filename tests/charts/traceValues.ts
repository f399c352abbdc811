import type { DataArray } from "../../src/charts/plotlyTypes";

/** A trace's data values as numbers, failing the test on any value that is not one (a category label, a gap). */
export function numbersOf(values: DataArray | number | readonly number[] | undefined): number[] {
  if (typeof values === "number") return [values];
  return Array.from(values ?? [], (v) => {
    if (typeof v !== "number") throw new TypeError(`expected a number, got ${JSON.stringify(v)}`);
    return v;
  });
}
