import * as fs from "node:fs";
import { InputError } from "../io/InputError";
import { errnoCode } from "../io/errnoCode";
import { stripBom } from "../io/stripBom";

/** Text encodings of exports churnlab reads: UTF-8 (default), and the Chinese code pages GB18030, GBK and Big5. */
export const exportEncodings = ["utf-8", "gb18030", "gbk", "big5"] as const;
/** One of {@link exportEncodings}. */
export type ExportEncoding = (typeof exportEncodings)[number];

/**
 * Reads a CSV file as UTF-8 text (or in another `encoding`), rejecting each kind of unreadable file with
 * its own message: missing file, a folder, an empty file, UTF-16/UTF-32
 * (byte-order mark), and bytes that are not valid UTF-8 (e.g. a GBK/GB18030
 * export from Excel). A UTF-8 byte-order mark is accepted and removed.
 *
 * With `encoding` "gb18030", "gbk" or "big5" (the code pages of Chinese
 * DMS and CRM exports) the bytes are decoded with it instead, strictly: a
 * byte sequence that is not valid in it is refused with its line.
 *
 * @param file - path of the CSV file.
 * @param encoding - the file's encoding (default "utf-8").
 * @returns the file's text without BOM.
 * @throws InputError (source = file) with one problem saying what is wrong.
 * @example
 * readCsvText("data/sample/customers.csv").slice(0, 11); // "customer_id"
 */
export function readCsvText(file: string, encoding: ExportEncoding = "utf-8"): string {
  const fail = (where: string, message: string): never => {
    throw new InputError(file, [{ where, message }]);
  };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    const code = errnoCode(err);
    if (code === "ENOENT") return fail("file", "file not found");
    if (code === "EISDIR") return fail("file", "is a folder, not a CSV file");
    if (code === "EACCES") return fail("file", "permission denied");
    return fail("file", `cannot be read (${code ?? String(err)})`);
  }
  if (bytes.length === 0) return fail("file", "file is empty (0 bytes): expected a header line and data rows");
  if (
    bytes.length >= 4 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) ||
      (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff))
  ) {
    return fail("encoding", "file is UTF-32 encoded (byte-order mark found): save it as UTF-8");
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return fail("encoding", "file is UTF-16 encoded (byte-order mark found): save it as UTF-8 (e.g. Excel: 'CSV UTF-8')");
  }
  let text: string;
  if (encoding !== "utf-8") text = decodeCodePage(bytes, encoding, fail);
  else
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      const offset = firstInvalidUtf8(bytes);
      let line = 1;
      for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
      const byte = bytes[offset] ?? 0;
      return fail(
        `line ${line}`,
        `file is not valid UTF-8 (byte 0x${byte.toString(16).padStart(2, "0")} at offset ${offset}); it may be GBK/GB18030 or Latin-1: ` +
          're-export it as UTF-8 (or, with churnlab map, give its "encoding", e.g. "gb18030")',
      );
    }
  text = stripBom(text);
  if (text.trim() === "") return fail("file", "file is empty (only whitespace): expected a header line and data rows");
  return text;
}

/** Decodes bytes in a Chinese code page strictly; an invalid sequence fails naming its line (the first replacement character of a lenient decode). */
function decodeCodePage(bytes: Buffer, encoding: ExportEncoding, fail: (where: string, message: string) => never): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder(encoding).decode(bytes);
    const at = lenient.indexOf("\uFFFD");
    const line = lenient.slice(0, Math.max(0, at)).split("\n").length;
    return fail(
      `line ${line}`,
      `file is not valid ${encoding.toUpperCase()}: a byte sequence on this line has no character in it (is the file in another encoding, e.g. UTF-8?)`,
    );
  }
}

/** Byte offset of the first byte that breaks UTF-8 (RFC 3629), or bytes.length. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
