import * as fs from "node:fs";

/**
 * Text without its leading byte-order mark (U+FEFF, as Excel's "CSV UTF-8"
 * and some editors write it); other text as is.
 *
 * @example
 * stripBom("\uFEFFid,name") // "id,name"
 * stripBom("id,name") // "id,name"
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Bytes without a leading UTF-8 byte-order mark (EF BB BF): a view of the
 * same buffer, 3 bytes shorter, or the bytes themselves when there is none.
 *
 * @example
 * utf8WithoutBom(Buffer.from("\uFEFF{}")).length // 2
 */
export function utf8WithoutBom(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/**
 * The first `maxBytes` of a file decoded as UTF-8, without a byte-order mark:
 * enough to read a CSV header without reading the file.
 *
 * @param file path of an existing, readable file (fs errors propagate).
 * @param maxBytes how much to read (default 65,536 bytes); a character cut at the end decodes as U+FFFD.
 * @example
 * readTextHead("customers.csv").split(/\r?\n/)[0] // "customer_id,outlet_id,..."
 */
export function readTextHead(file: string, maxBytes = 65_536): string {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(maxBytes);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return stripBom(head.subarray(0, read).toString("utf8"));
  } finally {
    fs.closeSync(fd);
  }
}
