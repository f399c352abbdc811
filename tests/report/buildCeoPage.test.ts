import { describe, expect, it } from "vitest";
import { formatNumber } from "../../src/charts/format";
import { buildCeoPage } from "../../src/report/buildCeoPage";
import { churnlabVersion } from "../../src/report/collectCeoInputs";
import { probabilityText, roiText } from "../../src/report/pageFormat";
import { seedInputs, seedPlanFile } from "./fixtures";

/** The page without its inlined plotly bundle (the only script that is not ours). */
function withoutBundle(html: string): string {
  return html.replace(/<script type="text\/javascript" data-churnlab="plotly-bundle">[\s\S]*?<\/script>/, "<!-- bundle -->");
}

describe("buildCeoPage(inputs, lang): a self-contained, offline page", () => {
  it("inlines the plotly bundle exactly once and loads nothing from the network", async () => {
    const html = buildCeoPage(await seedInputs(), "zh");
    expect(html.match(/data-churnlab="plotly-bundle"/g)).toHaveLength(1);
    const own = withoutBundle(html);
    expect(own).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<(script|img|iframe)[^>]*\ssrc\s*=/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    expect(html).not.toMatch(/@font-face/i);
  });

  it("has the three charts: ROI distribution, drivers and stage gates", async () => {
    const html = buildCeoPage(await seedInputs(), "en");
    expect([...html.matchAll(/<div id="([^"]+)" class="churnlab-figure"/g)].map((m) => m[1])).toEqual(["ceo-roi", "ceo-drivers", "ceo-gates"]);
  });

  it("is declared in the page language and is pure: the same inputs give the same HTML", async () => {
    const inputs = await seedInputs();
    expect(buildCeoPage(inputs, "zh")).toMatch(/<html lang="zh-CN">/);
    expect(buildCeoPage(inputs, "en")).toMatch(/<html lang="en">/);
    expect(buildCeoPage(inputs, "zh")).toBe(buildCeoPage(inputs, "zh"));
  });
});

describe("buildCeoPage: what the CEO reads (zh)", () => {
  it("heads with the simulated ROI against the plan's stated 359% and the probability of payback within the year", async () => {
    const inputs = await seedInputs();
    const html = withoutBundle(buildCeoPage(inputs, "zh"));
    const mc = inputs.monteCarlo;
    expect(html).toContain(`<div class="value bad">${roiText(mc.roi.p50)}</div>`);
    expect(html).toContain(`90% 区间 ${roiText(mc.roi.p5)}–${roiText(mc.roi.p95)} · 方案所述 359%`);
    expect(html).toContain(`一年内回本的概率</div><div class="value good">${probabilityText(1 - mc.probPaybackOver12.value)}</div>`);
    expect(html).toContain(`ROI 超过 200% 的概率</div><div class="value bad">${probabilityText(mc.probRoiAbove200.value)}</div>`);
  });

  it("shows the customers retained (12,000 = 200,000 × (18% − 12%)) and their value (4,800万 = 12,000 × 4,000 yuan)", async () => {
    const html = withoutBundle(buildCeoPage(await seedInputs(), "zh"));
    expect(html).toContain("12,000 人");
    expect(html).toContain("价值 4,800万");
  });

  it("carries the plan's message: 30 days ahead, 22,000 key customers (6,000 + 16,000), the 7–14-day golden window, 1 yuan returns 3.59 vs the simulated median", async () => {
    const inputs = await seedInputs();
    const html = withoutBundle(buildCeoPage(inputs, "zh"));
    expect(html).toContain("提前 30 天预见流失风险");
    expect(html).toContain("锁定关键客户 22,000 人（一、二级）");
    expect(html).toContain("黄金窗口 7–14 天内行动");
    expect(html).toContain(`方案称“每投入1元回报 3.59 元”；模拟中位数 ${formatNumber(inputs.monteCarlo.roi.p50, 2)} 元`);
  });

  it("lists the audit's corrections: tier-1 cost 144万 → 480万, the missing tier-4 budget, 1,084万 → 1,574万, ROI 359% → 216%", async () => {
    const html = withoutBundle(buildCeoPage(await seedInputs(), "zh"));
    for (const text of ["极高风险客户干预：144万 → 480万（6,000 人 × 800 元）", "四级 低风险无预算行：漏计 154万", "首年总投资：1,084万 → 1,574万", "首年ROI：359% → 216%", "另有 7 项模型假设警告"]) {
      expect(html).toContain(text);
    }
  });

  it("states the stop-loss lines (AUC < 0.80 pause, save rate < 40% redesign) and the grey zone up to the MVP's criteria", async () => {
    const html = withoutBundle(buildCeoPage(await seedInputs(), "zh"));
    expect(html).toContain("MVP 模型 AUC &lt; 0.80 → 暂停推广");
    expect(html).toContain("干预挽回率 &lt; 40% → 重新设计策略");
    expect(html).toContain("灰区：AUC 0.80–0.85、挽回率 40%–50% 时方案未规定决策");
  });

  it("states the three gates with their criteria and the rollout simulation behind their probabilities", async () => {
    const inputs = await seedInputs();
    const html = withoutBundle(buildCeoPage(inputs, "zh"));
    expect(html).toContain("<b data-field=\"$.rollout[0].nameZh\">MVP验证</b> 标准：AUC &gt; 0.85、挽回率 &gt; 50%、ROI &gt; 200% <span class=\"note\">· 客户级推广模拟</span>");
    expect(html).toContain("<b data-field=\"$.rollout[1].nameZh\">区域推广</b> 沿用前一阶段标准：AUC &gt; 0.85、挽回率 &gt; 50%、ROI &gt; 200%");
    expect(html).toContain("<b data-field=\"$.rollout[2].nameZh\">全国部署</b> 方案未设标准 <span class=\"note\">· 年末复盘，无下一阶段</span>");
    const mvp = inputs.gates[0]!;
    expect(html).toContain(`MVP关口通过概率 ${probabilityText(mvp.passProbability!)}、止损概率 ${probabilityText(mvp.stopProbability!)}`);
    expect(html).toContain("推广模拟 2 次 × 5,000 客户（1:40）");
  });

  it("without the rollout simulation, gives the MVP gate the Monte Carlo P(ROI > 200%) and says the others await it", async () => {
    const inputs = await seedInputs(4000, 1, undefined, false);
    const html = withoutBundle(buildCeoPage(inputs, "zh"));
    expect(html).toContain("仅ROI标准（蒙特卡洛）");
    expect(html.match(/方案未设标准/g)).toHaveLength(2);
    expect(html.match(/待推广模拟/g)).toHaveLength(2);
    expect(html).not.toContain("推广模拟中位数");
  });

  it("shows the rollout simulation's retained customers at the plan's scale next to the plan's 12,000", async () => {
    const inputs = await seedInputs();
    const html = withoutBundle(buildCeoPage(inputs, "zh"));
    expect(html).toContain(`推广模拟中位数 ${formatNumber(inputs.rollout!.retainedCustomers.p50 * 40)} 人`);
  });

  it("shows the four tiers in their colours with people, budget and save rate (section 5.1)", async () => {
    const html = withoutBundle(buildCeoPage(await seedInputs(), "zh"));
    expect(html).toContain('<div class="chip" style="background:#C0392B"></div>');
    expect(html).toContain("6,000 人 · 800 元/人 · 挽回 45%");
    expect(html).toContain("154,000 人 · 10 元/人 · 挽回 95%");
  });

  it("shows the timing A/B test with the golden window (7 and 14 days) highlighted", async () => {
    const html = withoutBundle(buildCeoPage(await seedInputs(), "zh"));
    expect(html.match(/<div class="bar golden">/g)).toHaveLength(2);
    expect(html).toContain('<div class="fill" style="width:100.0%"></div></div><span>62%</span>');
    expect(html).toContain("<span>22%</span>");
  });

  it("traces every number to the run in the footer: seed, trials, plan file and its SHA-256, version, date", async () => {
    const inputs = await seedInputs();
    const html = withoutBundle(buildCeoPage(inputs, "zh"));
    expect(html).toContain(`种子 1 · 4,000 次模拟 · 方案收益模型 · 更正后成本 · churnlab ${churnlabVersion()} · 生成于 2026-11-24 18:00:00 UTC`);
    expect(html).toContain(`方案文件 seed-plan-uncertain.json · SHA-256 <span class="hash">${inputs.planFile.sha256}</span>`);
  });
});

describe("buildCeoPage in English", () => {
  it("uses English for every page string and chart label (only the 万 unit and the chart key's ideographic space remain)", async () => {
    // The charts layer's bilingual "Plotly is not loaded" hint is not page text.
    const html = withoutBundle(buildCeoPage(await seedInputs(), "en")).replace(/el\.textContent = "[^"]*";/g, "");
    const han = new Set([...html.matchAll(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g)].map((m) => m[0]));
    expect([...han].sort()).toEqual(["万", "　"].sort());
    expect(html).toContain("First-year ROI: 359% → 216%");
    expect(html).toContain("Probability of payback within the year");
  });
});

describe("buildCeoPage edge cases", () => {
  it("warns when the plan file declares no distributions (the simulation is the point estimate)", async () => {
    const html = withoutBundle(buildCeoPage(await seedInputs(500, 1, seedPlanFile, false), "en"));
    expect(html).toContain("The plan file declares no distributions");
  });

  it("escapes text from the plan file", async () => {
    const inputs = await seedInputs();
    const html = withoutBundle(buildCeoPage({ ...inputs, plan: { ...inputs.plan, name: '<img src=x onerror="alert(1)">' } }, "en"));
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).not.toContain("<img");
  });

  it("says so when the audit finds no arithmetic error", async () => {
    const inputs = await seedInputs();
    const html = withoutBundle(buildCeoPage({ ...inputs, findings: [] }, "en"));
    expect(html).toContain("No arithmetic errors found");
  });
});
