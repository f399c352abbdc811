import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import { churnlabVersion } from "../../src/io/churnlabVersion";

describe("churnlabVersion", () => {
  it("is package.json's version", () => {
    const pkg = JSON.parse(fs.readFileSync("package.json", "utf8")) as { version: string };
    expect(churnlabVersion()).toBe(pkg.version);
    expect(churnlabVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
