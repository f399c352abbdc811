import { loadUncertainPlan } from "./src/simulation/inputs/uncertainPlan";
import { buildProgrammeModel } from "./src/simulation/programme/index";
const up = loadUncertainPlan("data/plans/seed-plan-uncertain.json");
const m2 = buildProgrammeModel(up.base, up.assumptions.programme, { unlimitedCapacity: true });
const b = m2.bases[0]!;
const H = b.horizonWeeks, A = b.ages;
for (let k = 1; k <= 3; k++) for (let a = 0; a < A; a++) {
  const r = k*A+a; const w = b.wouldBeChurnersByAge[r]!; if (w===0) continue;
  let s=0; for (let t=0;t<H;t++) s+=b.retained[r*H+t]!;
  console.log(k,a,"wbc",Math.round(w),"contacts",Math.round(b.contactsByAge[r]!),"share",(w/b.contactsByAge[r]!).toFixed(3),"weeks kept/save",(s/w).toFixed(1));
}
