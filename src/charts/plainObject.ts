/**
 * Whether a value is a plain JSON-like object (not null, an array or a typed
 * array): the guard for reading figure JSON whose fields are not typed
 * (figure files, a title that may be a string or an object).
 *
 * @example
 * isPlainObject({ text: "ROI" }); // true
 * isPlainObject([1, 2]);          // false
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

/**
 * The text of a Plotly title, whether a legacy string or a v3 `{ text }`
 * object, or undefined when it has none.
 *
 * @example
 * titleTextOf({ text: "ROI" }); // "ROI"
 * titleTextOf(undefined);       // undefined
 */
export function titleTextOf(title: unknown): string | undefined {
  if (typeof title === "string") return title;
  if (isPlainObject(title) && typeof title["text"] === "string") return title["text"];
  return undefined;
}

/**
 * Whether a value is a typed array of numbers (Float64Array, Int32Array, ...):
 * what figure JSON writers turn into plain arrays.
 *
 * @example
 * isNumberArrayView(new Float64Array(2)); // true
 * isNumberArrayView(new DataView(new ArrayBuffer(2))); // false
 */
export function isNumberArrayView(value: unknown): value is ArrayLike<number> & ArrayBufferView {
  return ArrayBuffer.isView(value) && !(value instanceof DataView) && !(value instanceof BigInt64Array) && !(value instanceof BigUint64Array);
}
