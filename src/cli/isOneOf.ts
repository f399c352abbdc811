/**
 * Whether a command-line text is one of the allowed choices (a string-literal
 * union), narrowing it to that union.
 *
 * @example
 * isOneOf(["png", "svg"] as const, "svg"); // true
 * isOneOf(["png", "svg"] as const, "gif"); // false
 */
export function isOneOf<T extends string>(allowed: readonly T[], text: string): text is T {
  return allowed.some((choice) => choice === text);
}
