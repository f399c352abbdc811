import { createHash } from "node:crypto";
import { basename } from "node:path";
import { readInputBytes } from "../io/readInputBytes";

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
 * @param content the file's bytes when already read (standard input can be read only once)
 * @throws InputError(file) when the file cannot be read
 * @example
 * planFileInfo("data/plans/seed-plan.json").name // "seed-plan.json"
 */
export function planFileInfo(file: string, content?: Uint8Array): PlanFileInfo {
  const bytes = content ?? readInputBytes(file, { what: "plan file" });
  return { name: basename(file), sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length };
}
