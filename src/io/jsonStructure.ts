import type { InputProblem } from "./InputError";

/** One open object or array while scanning. */
interface Frame {
  array: boolean;
  /** Array: index of the current element. */
  index: number;
  /** Object: keys seen so far, and the current one. */
  keys: Set<string>;
  key: string | undefined;
  expectKey: boolean;
}

function pathOf(stack: readonly Frame[]): string {
  let out = "$";
  for (const frame of stack) {
    if (frame.array) out += `[${frame.index}]`;
    else if (frame.key !== undefined) out += /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(frame.key) ? `.${frame.key}` : `[${JSON.stringify(frame.key)}]`;
  }
  return out;
}

/** Line and column (1-based) of a character offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line += 1;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** End (index of the closing quote) of the string starting at `start` (its opening quote). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i;
    i += c === 0x5c ? 2 : 1;
  }
}

/**
 * The duplicate keys and too-deep nesting of a JSON text that `JSON.parse`
 * already accepted (so its syntax is known to be valid). One pass, no
 * recursion, so a document nested a million levels deep costs no stack.
 * Scanning stops at the first place deeper than `maxDepth`.
 *
 * @param text valid JSON
 * @param maxDepth most nested objects and arrays allowed (the top level is depth 1)
 * @param maxProblems stop after this many duplicate keys (default 50)
 * @returns problems with their JSON paths (`$.tiers[1].saveRate`) and line numbers
 * @example
 * jsonStructureProblems('{"customers":200000,"customers":100}', 64)
 * // [{ where: "$.customers", message: 'duplicate key "customers" (line 1, column 21): each key may appear once in an object' }]
 */
export function jsonStructureProblems(text: string, maxDepth: number, maxProblems = 50): InputProblem[] {
  const problems: InputProblem[] = [];
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      stack.push({ array: c === 0x5b, index: 0, keys: new Set(), key: undefined, expectKey: c === 0x7b });
      if (stack.length > maxDepth) {
        const { line } = lineAndColumn(text, i);
        // The path to the limit is as long as the limit: show its start.
        const where = maxDepth > 8 ? `${pathOf(stack.slice(0, 8))}…` : pathOf(stack.slice(0, -1));
        problems.push({
          where,
          message: `nested more than ${maxDepth} levels deep (line ${line}): churnlab reads at most ${maxDepth} levels of objects and arrays`,
        });
        return problems;
      }
    } else if (c === 0x7d || c === 0x5d) stack.pop();
    else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      if (top?.array === true) top.index += 1;
      else if (top !== undefined) top.expectKey = true;
    } else if (c === 0x22) {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top !== undefined && !top.array && top.expectKey) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes("\\") ? (JSON.parse(`"${raw}"`) as string) : raw;
        top.key = key;
        top.expectKey = false;
        if (top.keys.has(key)) {
          const { line, column } = lineAndColumn(text, i);
          problems.push({
            where: pathOf(stack),
            message: `duplicate key ${JSON.stringify(key)} (line ${line}, column ${column}): each key may appear once in an object`,
          });
          if (problems.length >= maxProblems) return problems;
        }
        top.keys.add(key);
      }
      i = end;
    }
  }
  return problems;
}
