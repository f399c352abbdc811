// The project's patches to tslab 1.0.22 (patches/tslab+1.0.22+*.patch, applied
// by patch-package on install): each pinned on tslab's own converter and
// executor, and all together by a fixture notebook executed on the kernel.
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConverter, type Converter } from "tslab/dist/converter";
import { createExecutor, type Executor } from "tslab/dist/executor";

const root = path.resolve(__dirname, "../..");
const jupyter = require("tslab/dist/jupyter") as { lastWriteDisplayData: unknown };

let converter: Converter;
let executor: Executor;
const printed: unknown[] = [];
const errors: string[] = [];
const displayed: Array<{ data: Record<string, string> }> = [];

beforeAll(() => {
  // tslab compiles with the working directory as root: the repository, whose tsconfig.json is strict.
  expect(process.cwd()).toBe(root);
  converter = createConverter();
  const convs = { node: converter, browser: converter, close: () => converter.close() };
  executor = createExecutor(root, convs, {
    log: (value: unknown) => printed.push(value),
    error: (...args: unknown[]) => errors.push(args.map(String).join(" ")),
  });
});

afterAll(() => {
  jupyter.lastWriteDisplayData = null;
  converter.close();
});

describe("tslab patch 001: shorthand properties naming earlier cells' variables", () => {
  it("`{ plan, n }` with plan and n from an earlier cell builds the object instead of throwing ReferenceError", async () => {
    expect(await executor.execute('const plan = { name: "seed plan" };\nconst n = 3;')).toBe(true);
    expect(await executor.execute("const bundle = { plan, n, extra: 1 };")).toBe(true);
    expect(executor.locals["bundle"]).toEqual({ plan: { name: "seed plan" }, n: 3, extra: 1 });
    expect(errors).toEqual([]);
  });

  it("assigns through a shorthand destructuring target, with its default", async () => {
    expect(await executor.execute("let total = 0;")).toBe(true);
    expect(await executor.execute("({ total = 7 } = {} as { total?: number });")).toBe(true);
    expect(executor.locals["total"]).toBe(7);
  });

  it("leaves a shorthand naming the cell's own variable as it is", () => {
    const out = converter.convert("", "const own = 1;\nconst w = { own };").output ?? "";
    expect(out).toContain("const w = { own };");
  });
});

describe("tslab patch 002: the project's strict type checks in cells", () => {
  it("narrows a discriminated union on its `ok` flag", async () => {
    const cell =
      'type Result = { ok: true; value: number } | { ok: false; error: string };\nconst r = { ok: false, error: "no plan" } as Result;\nconst message = r.ok ? String(r.value) : r.error;';
    expect(await executor.execute(cell)).toBe(true);
    expect(executor.locals["message"]).toBe("no plan");
  });

  it("applies noUncheckedIndexedAccess: an array element may be undefined", () => {
    const result = converter.convert("", "const xs = [1, 2];\nconst first: number = xs[0];");
    expect(result.diagnostics.map((d) => d.messageText)).toContain("Type 'number | undefined' is not assignable to type 'number'.");
  });
});

describe("tslab patch 003: rich display of a cell's last value", () => {
  beforeAll(() => {
    jupyter.lastWriteDisplayData = (message: { data: Record<string, string> }) => displayed.push(message);
  });

  it("sends the bundle of a value's [Symbol.for('Jupyter.display')]() instead of printing the value", async () => {
    printed.length = 0;
    expect(await executor.execute('({ [Symbol.for("Jupyter.display")]() { return { "text/html": "<b>144万</b>", "text/plain": "144万" }; } })')).toBe(true);
    expect(displayed.at(-1)?.data).toEqual({ "text/html": "<b>144万</b>", "text/plain": "144万" });
    expect(printed).toEqual([]);
  });

  it("asks the registered formatters for values it does not own, and prints the rest as before", async () => {
    const key = Symbol.for("Jupyter.display.formatters");
    const holder = globalThis as unknown as Record<symbol, unknown[] | undefined>;
    const saved = holder[key];
    holder[key] = [(v: unknown) => ((v as { tier?: number }).tier === 1 ? { "text/html": "<i>tier 1</i>" } : undefined)];
    try {
      expect(await executor.execute("({ tier: 1 })")).toBe(true);
      expect(displayed.at(-1)?.data).toEqual({ "text/html": "<i>tier 1</i>" });
      printed.length = 0;
      expect(await executor.execute("({ tier: 4 })")).toBe(true);
      expect(printed).toEqual([{ tier: 4 }]);
    } finally {
      holder[key] = saved;
    }
  });
});

describe("the patches together, on the kernel (tests/fixtures/notebooks/tslab-patches.ipynb)", () => {
  let html = "";
  let stdout = "";

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-tslab-patches-"));
    stdout = await new Promise<string>((resolve) => {
      execFile(
        "/usr/bin/python3",
        ["scripts/run_notebook.py", "--quiet", "--html", dir, "tests/fixtures/notebooks/tslab-patches.ipynb"],
        { cwd: root, encoding: "utf8", timeout: 300_000 },
        (_err, out) => resolve(out),
      );
    });
    const file = path.join(dir, "tslab-patches.html");
    html = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    fs.rmSync(dir, { recursive: true, force: true });
  }, 300_000);

  it("runs clean", () => {
    expect(stdout).toContain('"ok": true');
  });

  it("builds `{ plan, n }` from earlier cells and narrows the union", () => {
    expect(html).toContain("shorthand: seed plan, 3");
    expect(html).toContain("narrowed: value 3.59 / error no plan");
  });

  it("shows a DataFrame left as the last value as a table, not its internals", () => {
    expect(html).toContain('<table class="churnlab-table"');
    expect(html).toMatch(/<td[^>]*text-align:right;">16,000<\/td>/);
    expect(html).not.toContain("$data");
  });
});
