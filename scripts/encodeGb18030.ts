// A GB18030 encoder for fabricating test exports: Node decodes GB18030 (TextDecoder) but cannot
// encode it, so the two-byte table is built once by decoding every two-byte sequence. ASCII is
// one byte; characters outside the two-byte table (rare CJK, emoji) are refused.

let table: Map<string, Uint8Array> | undefined;

function twoByteTable(): Map<string, Uint8Array> {
  const decoder = new TextDecoder("gb18030", { fatal: true });
  const out = new Map<string, Uint8Array>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const bytes = Uint8Array.of(lead, trail);
      try {
        const char = decoder.decode(bytes);
        if (char.length === 1 && !out.has(char)) out.set(char, bytes);
      } catch {
        // not a character in GB18030's two-byte range
      }
    }
  }
  return out;
}

/**
 * Encodes text as GB18030 bytes (ASCII and the two-byte range: all common Chinese characters and punctuation).
 *
 * @throws RangeError naming a character outside that range.
 * @example
 * encodeGb18030("保养"); // Uint8Array [0xb1, 0xa3, 0xd1, 0xf8]
 */
export function encodeGb18030(text: string): Uint8Array {
  table ??= twoByteTable();
  const parts: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code < 0x80) parts.push(code);
    else {
      const bytes = table.get(char);
      if (bytes === undefined) throw new RangeError(`encodeGb18030: "${char}" (U+${code.toString(16)}) is outside the two-byte range`);
      parts.push(bytes[0] as number, bytes[1] as number);
    }
  }
  return Uint8Array.from(parts);
}
