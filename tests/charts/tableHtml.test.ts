import { describe, expect, it, vi } from "vitest";
import { DataFrame, Series } from "danfojs-node";
import { formatCell } from "../../src/charts/format";
import { isDataFrameLike, tableHtml } from "../../src/charts/tableHtml";
import { setDisplayLanguage, showTable } from "../../src/charts/display";
import { richBundle } from "../../src/charts/richDisplay";

/** The text of every cell, row by row (headers first), from a tableHtml string. */
function cells(html: string): string[][] {
  return [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...(row[1] ?? "").matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => c[1] ?? ""));
}
const aligns = (html: string): string[] => [...html.matchAll(/<th style="[^"]*text-align:(\w+)/g)].map((m) => m[1] ?? "");

// The plan's cost lines (article, section 6): tier 1 stated 144万, recomputed 6,000 × 800 = 480万.
const costRows = [
  { line: "Tier 1 interventions", stated: 1_440_000, recomputed: 4_800_000, share: 0.03 },
  { line: "App development", stated: 2_000_000, recomputed: 2_000_000, share: 0.1845 },
];

describe("formatCell(value, format, lang)", () => {
  it("shows money as 万元 in zh and as the en prose wants (万 or yuan)", () => {
    expect(formatCell(10_840_000, "wan", "zh")).toBe("1,084 万元");
    expect(formatCell(10_840_000, "wan", "en")).toBe("1,084万");
    expect(formatCell(480_000, "yuan", "zh")).toBe("480,000 元");
    expect(formatCell(-480_000, "yuan", "en")).toBe("-¥480,000");
    expect(formatCell(10_840_000, "money", "en")).toBe("¥10.84M");
  });

  it("shows fractions as percentages and numbers with chosen decimals", () => {
    expect(formatCell(0.0312, "percent", "en")).toBe("3.1%");
    expect(formatCell(3.5875, "percent", "en", 0)).toBe("359%");
    expect(formatCell(0.851234, "number", "en", 3)).toBe("0.851");
    expect(formatCell(200000, "integer", "en")).toBe("200,000");
  });

  it("shows missing values as a dash and text as is", () => {
    expect([null, undefined, Number.NaN, Number.POSITIVE_INFINITY].map((v) => formatCell(v, "percent", "en"))).toEqual(["–", "–", "–", "–"]);
    expect(formatCell("not reachable", "percent", "en")).toBe("not reachable");
    expect(formatCell(true, "auto", "zh")).toBe("是");
  });
});

describe("tableHtml(rows, options)", () => {
  const html = tableHtml(costRows, {
    lang: "en",
    columns: [
      { key: "line", header: { zh: "成本项", en: "cost line" } },
      { key: "stated", header: "stated", format: "wan" },
      { key: "recomputed", header: "recomputed", format: "wan" },
      { key: "share", header: "share", format: "percent" },
    ],
  });

  it("has headers in the chosen language and cells in their formats", () => {
    expect(cells(html)).toEqual([
      ["cost line", "stated", "recomputed", "share"],
      ["Tier 1 interventions", "144万", "480万", "3.0%"],
      ["App development", "200万", "200万", "18.4%"],
    ]);
    expect(cells(tableHtml(costRows, { lang: "zh", columns: [{ key: "line", header: { zh: "成本项", en: "cost line" } }] }))[0]).toEqual(["成本项"]);
  });

  it("right-aligns numbers with tabular digits and left-aligns text", () => {
    expect(aligns(html)).toEqual(["left", "right", "right", "right"]);
    expect(html).toContain("font-variant-numeric:tabular-nums");
  });

  it("shows numbers without a format with a few significant digits (no 15-digit floats), and escapes text", () => {
    const auto = tableHtml(
      [
        { name: "<b>", x: 2.0411522630000003 },
        { name: "a&b", x: 0.9389482079699942 },
      ],
      { lang: "en" },
    );
    expect(cells(auto)).toEqual([
      ["name", "x"],
      ["&lt;b&gt;", "2.04"],
      ["a&amp;b", "0.939"],
    ]);
    expect(aligns(auto)).toEqual(["left", "right"]);
  });

  it("cuts long tables after maxRows with a count of the rest", () => {
    const rows = Array.from({ length: 1254 }, (_, i) => ({ i }));
    const cut = cells(tableHtml(rows, { lang: "en", maxRows: 5 }));
    expect(cut).toHaveLength(1 + 5 + 1);
    expect(cut[6]).toEqual(["… 1,249 more rows (1,254 in total)"]);
    expect(cells(tableHtml(rows, { lang: "zh", maxRows: 5 }))[6]).toEqual(["……另有 1,249 行（共 1,254 行）"]);
    expect(() => tableHtml(rows, { maxRows: 0 })).toThrow(RangeError);
  });

  it("shows one record as item / value rows", () => {
    expect(cells(tableHtml({ customers: 200000, roi: 3.5875 }, { lang: "en", columns: ["key", { key: "value", format: "number", digits: 2 }] }))).toEqual([
      ["key", "value"],
      ["customers", "200,000.00"],
      ["roi", "3.59"],
    ]);
    expect(cells(tableHtml({ customers: 200000 }, { lang: "en" }))[0]).toEqual(["item", "value"]);
  });
});

describe("tables of danfojs DataFrames and Series", () => {
  const df = new DataFrame({ spend_yuan: [1234.5678, 250.125, 99.5], type: ["repair", "maintenance", "warranty"] });

  it("recognises DataFrames and Series by shape, not plain objects", () => {
    expect(isDataFrameLike(df)).toBe(true);
    expect(isDataFrameLike(df["type"].valueCounts())).toBe(true);
    expect(isDataFrameLike({ columns: [], index: [], values: [], shape: [] })).toBe(false);
  });

  it("shows a DataFrame's columns without its default index, decimals by magnitude", () => {
    expect(cells(tableHtml(df, { lang: "en" }))).toEqual([
      ["spend_yuan", "type"],
      ["1,235", "repair"],
      ["250.1", "maintenance"],
      ["99.50", "warranty"],
    ]);
  });

  it("shows a labelled index (describe, valueCounts) as the first column", () => {
    // describe() of 1, 2, 4: count 3, mean 2.333..., std 1.528: one column mixing counts and small decimals.
    const described = cells(tableHtml(new DataFrame({ a: [1, 2, 4] }).describe(), { lang: "en" }));
    expect(described[0]).toEqual(["", "a"]);
    expect(described.slice(1, 4)).toEqual([
      ["count", "3"],
      ["mean", "2.33"],
      ["std", "1.53"],
    ]);
    const counts = cells(tableHtml(new Series(["x", "y", "x"]).valueCounts(), { lang: "en" }));
    expect(counts).toEqual([
      ["", "value"],
      ["x", "2"],
      ["y", "1"],
    ]);
  });

  it("is what a notebook shows for a DataFrame left as a cell's last value (the registered formatter), in the display language", () => {
    setDisplayLanguage("en");
    const bundle = richBundle(new DataFrame({ a: Array.from({ length: 30 }, (_, i) => i) }));
    expect(bundle?.["text/plain"]).toBe("DataFrame: 30 rows × 1 columns");
    expect(bundle?.["text/html"]).toContain("… 10 more rows (30 in total)");
    expect(richBundle({ a: 1 })).toBeUndefined();
    setDisplayLanguage("zh");
  });
});

describe("showTable(source, options)", () => {
  it("sends the table to the notebook without the plotly bundle", () => {
    const outputs: string[] = [];
    showTable(costRows, { lang: "en", display: { html: (s) => outputs.push(s) } });
    expect(outputs).toHaveLength(1);
    expect(outputs[0]).toMatch(/^<table class="churnlab-table"/);
    expect(outputs[0]).not.toContain('data-churnlab="plotly-bundle"');
  });

  it("prints one line outside a notebook", () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    showTable(costRows, { caption: "cost lines" });
    expect(write).toHaveBeenCalledWith("(not in a notebook: cost lines not shown)\n");
    write.mockRestore();
  });
});
