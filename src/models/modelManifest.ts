import { createHash } from "node:crypto";
import { z } from "zod";
import type { InputProblem } from "../io/InputError";

/** File name of the manifest inside a model folder: "manifest.json". */
export const manifestFileName = "manifest.json";

/**
 * The manifest's schema (zod): `{ format: "churnlab-model-folder", version: 1, churnlabVersion, files: { name: { bytes, sha256 } } }`.
 *
 * @example
 * modelManifestSchema.safeParse({ format: "churnlab-model-folder", version: 1, churnlabVersion: "0.1.0", files: {} }).success; // true
 */
export const modelManifestSchema = z.strictObject({
  format: z.literal("churnlab-model-folder"),
  version: z.literal(1),
  churnlabVersion: z.string(),
  files: z.record(
    z.string().regex(/^[\w.-]+$/, "must be a plain file name"),
    z.strictObject({ bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lower-case hex digits") }),
  ),
});

/** A model folder's manifest: each file's size in bytes and SHA-256, so files from another model or damaged ones are refused. */
export type ModelManifest = z.infer<typeof modelManifestSchema>;

/**
 * SHA-256 of bytes, as 64 lower-case hex digits.
 *
 * @example
 * sha256Hex(new TextEncoder().encode("abc")); // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" (FIPS 180-2, appendix B.1)
 */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * The manifest of a model folder's files (names without folder, content as written).
 *
 * @example
 * buildModelManifest({ "metadata.json": "{}\n" }, "0.1.0").files["metadata.json"]?.bytes; // 3
 */
export function buildModelManifest(files: Readonly<Record<string, string | Uint8Array>>, churnlabVersion: string): ModelManifest {
  const entries = Object.entries(files).map(([name, content]) => {
    const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
    return [name, { bytes: bytes.length, sha256: sha256Hex(bytes) }] as const;
  });
  return { format: "churnlab-model-folder", version: 1, churnlabVersion, files: Object.fromEntries(entries) };
}

/**
 * Checks files read from a model folder against its manifest: each required
 * file must be listed, and each listed file present with the recorded size
 * and SHA-256. One problem per file (`where` = the file name), saying which
 * rule failed: a file from another model, one with bytes appended or cut, or
 * one edited by hand all fail here.
 *
 * @param read the folder's files by name (bytes; absent = not in the folder).
 * @param required the files the model's kind needs.
 * @example
 * checkModelManifest(manifest, { "weights.bin": bytes }, ["weights.bin"]); // [] when all match
 */
export function checkModelManifest(manifest: ModelManifest, read: ReadonlyMap<string, Uint8Array>, required: readonly string[]): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const name of required) {
    if (manifest.files[name] === undefined)
      problems.push({
        where: name,
        message: `not listed in ${manifestFileName}: the folder's files were not saved together`,
      });
  }
  for (const [name, expected] of Object.entries(manifest.files)) {
    const bytes = read.get(name);
    if (bytes === undefined) problems.push({ where: name, message: `missing, but listed in ${manifestFileName}` });
    else if (bytes.length !== expected.bytes) {
      problems.push({
        where: name,
        message: `is ${bytes.length} bytes, ${manifestFileName} says ${expected.bytes}: the file was cut, extended or replaced after training`,
      });
    } else if (sha256Hex(bytes) !== expected.sha256) {
      problems.push({ where: name, message: `SHA-256 differs from ${manifestFileName}: the file was changed or comes from another model` });
    }
  }
  if (problems.length > 0)
    problems.push({
      where: manifestFileName,
      message: "the model folder is not as churnlab saved it: restore it from a backup or train it again",
    });
  return problems;
}
