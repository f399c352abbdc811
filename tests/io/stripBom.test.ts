import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { readTextHead, stripBom, utf8WithoutBom } from "../../src/io/stripBom";

describe("byte-order marks", () => {
  it("stripBom removes one leading U+FEFF and nothing else", () => {
    expect(stripBom("\uFEFFid,name")).toBe("id,name");
    expect(stripBom("id,\uFEFFname")).toBe("id,\uFEFFname");
    expect(stripBom("")).toBe("");
  });
  it("utf8WithoutBom drops EF BB BF only at the start", () => {
    expect(Array.from(utf8WithoutBom(Buffer.from("\uFEFF{}")))).toEqual([0x7b, 0x7d]);
    const plain = Buffer.from("{}");
    expect(utf8WithoutBom(plain)).toBe(plain);
    expect(utf8WithoutBom(new Uint8Array([0xef, 0xbb]))).toHaveLength(2);
  });
  it("readTextHead reads the start of a file as UTF-8 without its BOM", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-bom-"));
    try {
      const file = path.join(dir, "crm.csv");
      fs.writeFileSync(file, `\uFEFFcustomer_id,门店\nC1,A\n`);
      expect(readTextHead(file).split(/\r?\n/)[0]).toBe("customer_id,门店");
      expect(readTextHead(file, 14)).toBe("customer_id");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
