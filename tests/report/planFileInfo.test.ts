import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/io/InputError";
import { planFileInfo } from "../../src/report/planFileInfo";
import { seedPlanFile } from "./fixtures";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-planfile-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("planFileInfo(file)", () => {
  it("hashes the file's bytes with SHA-256: 'abc' is ba7816bf… (FIPS 180-2, appendix B.1)", () => {
    const file = path.join(dir, "abc.json");
    fs.writeFileSync(file, "abc");
    expect(planFileInfo(file)).toEqual({ name: "abc.json", sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", bytes: 3 });
  });

  it("hashes an empty file: e3b0c442… (the SHA-256 of no bytes)", () => {
    const file = path.join(dir, "empty.json");
    fs.writeFileSync(file, "");
    expect(planFileInfo(file).sha256).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("gives the seed plan's name and the same hash as node's crypto over its bytes", () => {
    const info = planFileInfo(seedPlanFile);
    expect(info.name).toBe("seed-plan.json");
    expect(info.sha256).toBe(createHash("sha256").update(fs.readFileSync(seedPlanFile)).digest("hex"));
    expect(info.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("throws an InputError naming the file when it is missing or a folder", () => {
    expect(() => planFileInfo(path.join(dir, "missing.json"))).toThrow(InputError);
    expect(() => planFileInfo(path.join(dir, "missing.json"))).toThrow(/no such file/);
    expect(() => planFileInfo(dir)).toThrow(/is a folder, not a file/);
  });
});
