import { commitFiles } from "./writeTransaction";

/**
 * Writes a file atomically: the data goes to a temporary file in the same
 * folder (`.churnlab-<pid>-…tmp`), is flushed, then renamed over the target.
 * A failure leaves the previous file (if any) untouched and no partial file
 * behind; a place that cannot be written is an InputError naming the target.
 *
 * @param filePath - destination; its folder is created when missing.
 * @param data - file content (strings are written as UTF-8).
 * @throws InputError (exit 2 in the CLI) when the place cannot be written (see `commitFiles`).
 * @example
 * writeFileAtomic("out/queue.csv", "id,tier\n");
 */
export function writeFileAtomic(filePath: string, data: string | Uint8Array): void {
  commitFiles(new Map([[filePath, data]]));
}

/**
 * Writes several files as one unit: all are staged as temporary files first,
 * and only when every one was written are they renamed into place (with a
 * commit journal, so a kill during the renames is completed by the next
 * run). If staging fails, no target is touched.
 *
 * @param files - map from destination path to content.
 * @throws InputError when a place cannot be written (see `commitFiles`).
 * @example
 * writeFilesAtomic({ "out/q.csv": "a", "out/q.json": "{}" });
 */
export function writeFilesAtomic(files: ReadonlyMap<string, string | Uint8Array> | Record<string, string | Uint8Array>): void {
  commitFiles(files instanceof Map ? files : new Map(Object.entries(files)));
}
