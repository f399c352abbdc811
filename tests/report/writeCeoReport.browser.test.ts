import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportCeoPage } from "../../src/report/writeCeoReport";
import { InputError } from "../../src/io/InputError";
import { seedInputs } from "./fixtures";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "churnlab-ceo-export-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("exportCeoPage(inputs, { outDir, lang }) in headless Chromium", () => {
  it("refuses a page that overflows onto a second A4 page, naming the plan text too long for it, and writes nothing", async () => {
    const inputs = await seedInputs(4000, 1, undefined, false);
    // A plan name of 400 words wraps over many lines of the header and pushes the sheet past one page.
    const long = { ...inputs, plan: { ...inputs.plan, name: Array.from({ length: 400 }, (_, i) => `word${i}`).join(" ") } };
    const out = path.join(dir, "overflow");
    const err = await exportCeoPage(long, { outDir: out, lang: "en" }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    const problems = (err as InputError).problems;
    expect(problems.map((p) => p.where)).toEqual(["$.name"]);
    expect(problems[0]?.message).toMatch(
      /^3,089 characters take \d+ lines on the CEO page, which must fit one A4 page \(it prints on [2-9]\): shorten this text to about \d+ characters$/,
    );
    expect(fs.existsSync(out)).toBe(false);
  }, 240_000); // the first test computes the page's inputs (programme model, bridge) and renders in Chromium

  it("refuses an output folder that is a file, before starting the browser", async () => {
    const file = path.join(dir, "file");
    fs.writeFileSync(file, "x");
    await expect(exportCeoPage(await seedInputs(4000, 1, undefined, false), { outDir: file })).rejects.toThrow(/is a file/);
    expect(fs.readFileSync(file, "utf8")).toBe("x");
  });

  it("replaces an earlier report in place: the three files, nothing else", async () => {
    const out = path.join(dir, "again");
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, "ceo-page.pdf"), "old");
    const files = await exportCeoPage(await seedInputs(4000, 1, undefined, false), { outDir: out, lang: "zh" });
    expect(fs.readdirSync(out).sort()).toEqual(["ceo-page.html", "ceo-page.pdf", "ceo-page.png"]);
    expect(fs.readFileSync(files.pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
