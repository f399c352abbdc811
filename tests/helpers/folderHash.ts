import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Every entry under `root` with a hash of its bytes (folders and links
 * marked as such), to prove a command changed nothing.
 *
 * @example
 * const before = folderHash(dir); run(); expect(folderHash(dir)).toEqual(before);
 */
export function folderHash(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(root)) return out;
  for (const name of (fs.readdirSync(root, { recursive: true }) as string[]).sort()) {
    const p = path.join(root, name);
    const stat = fs.lstatSync(p);
    out[name] = stat.isFile() ? createHash("sha256").update(fs.readFileSync(p)).digest("hex").slice(0, 16) : stat.isDirectory() ? "(folder)" : "(link)";
  }
  return out;
}
