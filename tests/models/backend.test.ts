import * as fs from "node:fs";
import * as path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { chooseBackend } from "../../src/models/backend";

function findPackages(root: string, name: string, depth = 0, found: string[] = []): string[] {
  if (depth > 6 || !fs.existsSync(root)) return found;
  for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(root, entry.name);
    if (entry.name.startsWith("@")) {
      findPackages(dir, name, depth, found);
      continue;
    }
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest)) {
      const json = JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string };
      if (json.name === name) found.push(dir);
    }
    findPackages(path.join(dir, "node_modules"), name, depth + 1, found);
  }
  return found;
}

describe("chooseBackend", () => {
  it("picks wasm here (tfjs-node is only danfojs' alias of plain tfjs) and says why", async () => {
    const choice = await chooseBackend();
    expect(choice.name).toBe("wasm");
    expect(tf.getBackend()).toBe("wasm");
    expect(choice.notes.join("\n")).toMatch(/alias|not installed/);
  });
  it("computes on the chosen backend", async () => {
    await chooseBackend();
    const a = tf.tensor2d([
      [1, 2],
      [3, 4],
    ]);
    expect(Array.from(a.matMul(a).dataSync())).toEqual([7, 10, 15, 22]);
    a.dispose();
  });
  it("returns the same choice on later calls", async () => {
    expect(await chooseBackend()).toBe(await chooseBackend());
  });
  it("the project holds exactly one copy of @tensorflow/tfjs-core", () => {
    expect(findPackages(path.resolve("node_modules"), "@tensorflow/tfjs-core")).toHaveLength(1);
  });
});
