import { describe, expect, it } from "vitest";
import { formatNumber } from "../../src/charts/format";
import { buildCeoPage } from "../../src/report/buildCeoPage";
import { churnlabVersion } from "../../src/io/churnlabVersion";
import { probabilityText } from "../../src/report/pageFormat";
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

  it("has the three charts: the ROI bridge, the drivers and the stage gates", async () => {
    const html = buildCeoPage(await seedInputs(), "en");
    expect([...html.matchAll(/<div id="([^"]+)" class="churnlab-figure"/g)].map((m) => m[1])).toEqual(["ceo-bridge", "ceo-drivers", "ceo-gates"]);
  });

  it("is declared in the page language and is pure: the same inputs give the same HTML", async () => {
    const inputs = await seedInputs();
    expect(buildCeoPage(inputs, "zh")).toMatch(/<html lang="zh-CN">/);
    expect(buildCeoPage(inputs, "en")).toMatch(/<html lang="en">/);
    expect(buildCeoPage(inputs, "zh")).toBe(buildCeoPage(inputs, "zh"));
  });
});

describe("buildCeoPage: what the CEO reads (zh)", () => {
  it("opens with the decision in Chinese: 重新设计 for the seed plan, the probability behind it and the reasons, the decisive ones in bold", async () => {
    const inputs = await seedInputs();
    const html = withoutBundle(buildCeoPage(inputs, "zh"));
    expect(html).toContain('<section class="decision redesign"><div class="verdict"><div class="label">建议</div><div class="word">先重新设计，再投入</div>');
    expect(html).toContain(`<li class="decisive">首年终身价值ROI超过MVP线 200%：${probabilityText(inputs.monteCarlo.probRoiAbove200.value)}</li>`);
    expect(html).toContain("最能改变结论的假设：</b>剩余生命周期价值：P10（");
  });

  it("shows the customers the plan claims (12,000 = 200,000 × (18% − 12%)) beside those the programme model keeps", async () => {
    const inputs = await seedInputs();
    const html = withoutBundle(buildCeoPage(inputs, "zh"));
    expect(html).toContain("方案称每年挽回 12,000 人");
    expect(html).toContain(`项目模型（基准值）：第一年末挽回 ${formatNumber(inputs.programmeBase.retainedCustomers)} 人`);
    expect(html).toContain(`客户级推广模拟中位数 ${formatNumber(inputs.rollout!.retainedCustomers.p50 * 40)} 人`);
  });

  it("sets “每投入1元回报 3.59 元” against the reconciled return per yuan, saying which is which", async () => {
    const inputs = await seedInputs();
    const html = withoutBundle(buildCeoPage(inputs, "zh"));
    expect(html).toContain("方案称“每投入1元回报 3.59 元”（按终身价值，未经更正）");
    expect(html).toContain(
      `核算后每投入1元：首年现金净回报 ${formatNumber(inputs.headlineRoi.value, 2)} 元；按终身价值 ${formatNumber(inputs.monteCarlo.roi.mean, 2)} 元`,
    );
  });

  it("lists the audit's corrections as the plan's own arithmetic: tier-1 cost 144 → 480 万元, the missing tier 4, 1,084 → 1,574 万元, ROI 359% → 216%", async () => {
    const html = withoutBundle(buildCeoPage(await seedInputs(), "zh"));
    for (const text of [
      "极高风险客户干预：144 万元 → 480 万元（6,000 人 × 800 元）",
      "四级 低风险无预算行：漏计 154 万元",
      "首年总投资：1,084 万元 → 1,574 万元",
      "方案公式的首年ROI：359% → 216%",
      "另有 7 项模型假设警告",
      "这些更正是ROI桥的第一步",
    ]) {
      expect(html).toContain(text);
    }
  });

  it("states the stop-loss lines (AUC < 0.80 pause, save rate < 40% redesign) and the grey zone up to the MVP's criteria", async () => {
    const html = withoutBundle(buildCeoPage(await seedInputs(), "zh"));
    expect(html).toContain("MVP 模型 AUC &lt; 0.80 → 暂停推广");
    expect(html).toContain("干预挽回率 &lt; 40% → 重新设计策略");
    expect(html).toContain("灰区：AUC 0.80–0.85、挽回率 40%–50% 时方案未规定决策");
  });

  it("states the three gates with their criteria (the regional gate's inherited from the MVP) and the rollout simulation behind them", async () => {
    const html = withoutBundle(buildCeoPage(await seedInputs(), "zh"));
    expect(html).toContain('<b data-field="$.rollout[0].nameZh">MVP验证</b> 标准：AUC &gt; 0.85、挽回率 &gt; 50%、ROI &gt; 200%</li>');
    expect(html).toContain('<b data-field="$.rollout[1].nameZh">区域推广</b> 沿用MVP验证的标准</li>');
    expect(html).toContain('<b data-field="$.rollout[2].nameZh">全国部署</b> 方案未设标准 <span class="note">· 年末复盘，无下一阶段</span>');
    expect(html).toContain("通过、暂缓、止损的概率来自客户级推广模拟");
    expect(html).toContain("推广模拟 2 次 × 5,000 客户（1:40）");
  });

  it("without the rollout simulation, gives the MVP gate the Monte Carlo P(ROI > 200%) and says the others await it", async () => {
    const inputs = await seedInputs(4000, 1, undefined, false);
    const html = withoutBundle(buildCeoPage(inputs, "zh"));
    expect(html).toContain("仅ROI标准（蒙特卡洛）");
    expect(html.match(/方案未设标准/g)).toHaveLength(2);
    expect(html.match(/待推广模拟/g)).toHaveLength(2);
    expect(html).not.toContain("客户级推广模拟中位数");
    expect(html).not.toContain("MVP关口（客户级推广模拟）");
  });

  it("shows the four tiers in their colours with people, budget and save rate, the 22,000 key customers (6,000 + 16,000), every intervention in full", async () => {
    const inputs = await seedInputs();
    const html = withoutBundle(buildCeoPage(inputs, "zh"));
    expect(html).toContain('<div class="chip" style="background:#C0392B"></div>');
    expect(html).toContain("6,000 人 · 800 元/人 · 挽回 45%");
    expect(html).toContain("154,000 人 · 10 元/人 · 挽回 95%");
    expect(html).toContain("关键客户 22,000 人（一、二级）");
    for (const [i, tier] of inputs.plan.tiers.entries()) {
      const field = tier.interventionZh === undefined ? "intervention" : "interventionZh";
      expect(html).toContain(`<div class="what" data-field="$.tiers[${i}].${field}">${tier.interventionZh ?? tier.intervention}</div>`);
    }
  });

  it("shows the timing A/B test with the golden window (7 and 14 days) highlighted", async () => {
    const html = withoutBundle(buildCeoPage(await seedInputs(), "zh"));
    expect(html.match(/<div class="bar golden">/g)).toHaveLength(2);
    expect(html).toContain('<div class="fill" style="width:100.0%"></div></div><span>62%</span>');
    expect(html).toContain("<span>22%</span>");
  });

  it("traces every number to the run in the footer: seed, trials, model, plan file and its SHA-256, version, date", async () => {
    const inputs = await seedInputs();
    const html = withoutBundle(buildCeoPage(inputs, "zh"));
    expect(html).toContain(`种子 1 · 每个桥接变体 4,000 次模拟 · 项目模型 · 更正后成本 · churnlab ${churnlabVersion()} · 生成于 2026-11-24 18:00:00 UTC`);
    expect(html).toContain(`方案文件 seed-plan-uncertain.json · SHA-256 <span class="hash">${inputs.planFile.sha256}</span>`);
  });
});

describe("buildCeoPage in English", () => {
  it("uses English for every page string and chart label, money in yuan with no 万", async () => {
    // The charts layer's bilingual "Plotly is not loaded" hint is not page text.
    const html = withoutBundle(buildCeoPage(await seedInputs(), "en")).replace(/el\.textContent = "[^"]*";/g, "");
    expect(html.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g)).toBeNull();
    expect(html).toContain('<div class="word">Redesign before spending</div>');
    expect(html).toContain("First-year ROI by the plan&#39;s formula: 359% → 216%");
    expect(html).toContain("First-year cost: ¥10.84M → ¥15.74M");
    expect(html).toContain("Money in yuan (¥1M = 1,000,000 yuan)");
    expect(html).toContain('<b data-field="$.rollout[1].name">regional</b> same criteria as MVP</li>');
  });

  it("prints every tier's intervention in full (wrapped, never cut with an ellipsis)", async () => {
    const inputs = await seedInputs();
    const html = withoutBundle(buildCeoPage(inputs, "en"));
    for (const [i, tier] of inputs.plan.tiers.entries()) {
      expect(html).toContain(`<div class="what" data-field="$.tiers[${i}].intervention">${tier.intervention.replace(/&/g, "&amp;")}</div>`);
    }
    expect(html).not.toContain("text-overflow: ellipsis");
  });
});

describe("buildCeoPage edge cases", () => {
  it("words every decision and what its probability is the probability of, in both languages", async () => {
    const inputs = await seedInputs();
    const cases = [
      { decision: "go", probability: 0.86, probabilityOf: "gatePass", zh: "按计划推进", en: "The MVP gate is passed in 86% of simulated rollouts." },
      {
        decision: "pilot-first",
        probability: 0.55,
        probabilityOf: "roiAboveLine",
        zh: "先做试点，在MVP关口决策",
        en: "beats the MVP line of 200% in 55% of simulated futures.",
      },
      {
        decision: "redesign",
        probability: 0.93,
        probabilityOf: "npvNegative",
        zh: "先重新设计，再投入",
        en: "In 93.0% of simulated futures the 3-year NPV is negative.",
      },
      {
        decision: "redesign",
        probability: 0.6,
        probabilityOf: "gateStop",
        zh: "先重新设计，再投入",
        en: "The MVP gate stops the programme in 60% of simulated rollouts",
      },
    ] as const;
    for (const c of cases) {
      const page = {
        ...inputs,
        recommendation: { ...inputs.recommendation, decision: c.decision, probability: c.probability, probabilityOf: c.probabilityOf },
      };
      expect(buildCeoPage(page, "zh")).toContain(`<section class="decision ${c.decision}">`);
      expect(buildCeoPage(page, "zh")).toContain(`<div class="word">${c.zh}</div>`);
      expect(buildCeoPage(page, "en")).toContain(c.en);
    }
  });

  it("says when one assumption alone moves the lifetime-value ROI across the MVP line", async () => {
    const inputs = await seedInputs();
    const pivots = inputs.recommendation.pivots.map((p, i) => ({ ...p, crossesLine: i === 0 }));
    const html = buildCeoPage({ ...inputs, recommendation: { ...inputs.recommendation, pivots } }, "en");
    expect(html).toContain("One of them alone moves the lifetime-value ROI across the MVP line of 200%.");
  });

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
