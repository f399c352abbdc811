import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { InputError } from "../io/InputError";

/** A plan file as the CEO page's footer cites it. */
export interface PlanFileInfo {
  /** File name without its folder, e.g. "seed-plan-uncertain.json". */
  name: string;
  /** SHA-256 of the file's bytes, 64 lowercase hex digits. */
  sha256: string;
  /** File size in bytes. */
  bytes: number;
}

/**
 * The name, SHA-256 hash and size of a plan file, so a printed page can be
 * matched to the exact file it was computed from (`sha256sum FILE` prints
 * the same hash).
 *
 * Reference: FIPS 180-4, Secure Hash Standard (SHA-256).
 *
 * @param file path of the plan file
 * @throws InputError(file) when the file cannot be read
 * @example
 * planFileInfo("data/plans/seed-plan.json").name // "seed-plan.json"
 */
export function planFileInfo(file: string): PlanFileInfo {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : err instanceof Error ? err.message : String(err);
    throw new InputError(file, [{ where: "$", message: `cannot read the plan file: ${reason}` }]);
  }
  return { name: basename(file), sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length };
}
