import { sampleBinomial } from "../../random/binomial";
import { sampleNormal } from "../../random/normal";
import { samplePoisson } from "../../random/poisson";
import { NEVER } from "./customerState";
import { recordSurvey, recordVisit } from "./experiences";
import type { SynthRun } from "./synthRun";

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** At the start of each 28-day bucket: flags customers whose last 24 weeks of spend fell below half the 24 weeks before, and empties the new bucket. */
function updateSpendTrend(run: SynthRun, bucketNow: number): void {
  const st = run.state;
  for (let i = 0; i < st.n; i++) {
    if (!Number.isNaN(st.churnDay[i] ?? NaN)) continue;
    let recent = 0;
    let previous = 0;
    for (let k = 1; k <= 6; k++) recent += st.spendBuckets[13 * i + ((bucketNow - k + 13) % 13)] ?? 0;
    for (let k = 7; k <= 12; k++) previous += st.spendBuckets[13 * i + ((bucketNow - k + 13) % 13)] ?? 0;
    st.spendDrop[i] = previous > 0 && recent < 0.5 * previous ? 1 : 0;
    st.spendBuckets[13 * i + bucketNow] = 0;
  }
}

/** Customer i's latent daily hazard at the start of week w (Monday d0), drawing this week's shock; records the latent-risk snapshot. */
function weeklyHazard(run: SynthRun, i: number, d0: number, w: number, snapshot: boolean): number {
  const st = run.state;
  const fx = run.settings.fx;
  const recency = Math.min(fx.recencyCapDays, d0 - (st.lastVisit[i] ?? d0));
  const late = Math.min(365, Math.max(0, d0 - ((st.lastMaint[i] ?? d0) + (st.interval[i] ?? 180))));
  const shockNow = fx.shockPersistence * (st.shock[i] ?? 0) + run.shockInnovation * sampleNormal(run.rng.shock, 0, 1);
  st.shock[i] = shockNow;
  let logHazard = (st.staticLogHazard[i] ?? 0) + shockNow;
  if (recency > 90) logHazard += fx.recencyPerDoubling * Math.log2(recency / 90);
  logHazard += (fx.maintenanceLatePer30Days * late) / 30;
  if ((st.lastScoreDay[i] ?? NEVER) >= d0 - 365 && (st.lastScore[i] ?? 10) < 7) logHazard += fx.satisfactionPerPointBelow7 * (7 - (st.lastScore[i] ?? 7));
  if ((st.lastComplaint[i] ?? NEVER) >= d0 - 90) logHazard += fx.complaintLast90Days;
  let badCount = 0;
  for (let k = 0; k < 3; k++) if ((st.bad[3 * i + k] ?? NEVER) >= d0 - 90) badCount++;
  logHazard += fx.badExperiencePer90Days * badCount;
  if (st.appUser[i] === 1 && d0 - (st.lastActive[i] ?? d0) >= 28) logHazard += fx.appInactive28Days;
  if (st.spendDrop[i] === 1) logHazard += fx.spendHalved;
  const age = (st.ageAtStart[i] ?? 0) + (w * 7) / 365.25;
  logHazard += fx.vehicleAgePerYear * age;
  const hazard = Math.exp(logHazard);
  const risk = 1 - Math.exp(-30 * hazard);
  if (snapshot) {
    const r = run.events.risk;
    r.customer.push(i);
    r.day.push(d0);
    r.risk.push(risk);
  }
  if (w >= 52 && risk > (st.peakRisk[i] ?? 0)) st.peakRisk[i] = risk;
  return hazard;
}

/** During burn-in, a customer who leaves is replaced by a new one in the same slot (fresh history). */
function replaceCustomer(run: SynthRun, i: number, d0: number): void {
  const st = run.state;
  st.drifting[i] = 0;
  st.avoidance[i] = 0;
  st.lastMaint[i] = d0 - Math.floor(run.rng.churn() * (st.interval[i] ?? 180));
  st.lastVisit[i] = st.lastMaint[i] ?? d0;
  st.lastScore[i] = -1;
  st.lastScoreDay[i] = NEVER;
  st.lastComplaint[i] = NEVER;
  st.bad[3 * i] = NEVER;
  st.bad[3 * i + 1] = NEVER;
  st.bad[3 * i + 2] = NEVER;
  st.repeatDue[i] = NEVER;
  st.pendingSurveyDay[i] = NEVER;
  st.appState[i] = st.appMean[i] ?? 0;
  st.lastActive[i] = d0;
  st.spendDrop[i] = 0;
  for (let b = 0; b < 13; b++) st.spendBuckets[13 * i + b] = st.expectedSpendPerBucket[i] ?? 0;
}

/** This week's app activity of customer i (active days until `limit`, coupons). */
function appWeek(run: SynthRun, i: number, d0: number, limit: number): void {
  const st = run.state;
  const b = run.settings.behaviour;
  const rng = run.rng.app;
  const mean = st.appMean[i] ?? 0;
  const target = mean + (st.drifting[i] === 1 ? b.driftAppLogit : 0);
  const persistence = b.appWeeklyPersistence;
  const state =
    target + persistence * ((st.appState[i] ?? target) - target) + run.innovationSd * sampleNormal(rng, 0, 1) - b.appLogitPerAvoidance * (st.avoidance[i] ?? 0);
  st.appState[i] = state;
  const active = sampleBinomial(rng, limit - d0, sigmoid(state));
  const coupons = active > 0 ? samplePoisson(rng, b.couponsPerActiveDay * active * (0.5 + 2 * (st.price[i] ?? 0))) : 0;
  if (run.recording && (active > 0 || coupons > 0)) {
    const a = run.events.app;
    a.customer.push(i);
    a.week.push(d0);
    a.active.push(active);
    a.coupons.push(coupons);
  }
  if (active > 0) st.lastActive[i] = d0;
}

/** Drift (starting to service elsewhere, or coming back), then this week's workshop visits of customer i. */
function visitsWeek(run: SynthRun, i: number, d0: number, w: number, limit: number): void {
  const st = run.state;
  const b = run.settings.behaviour;
  const rng = run.rng.visits;
  const avoid = st.avoidance[i] ?? 0;
  if (st.drifting[i] === 1) {
    if (rng() < b.driftRecoveryPerWeek) st.drifting[i] = 0;
  } else {
    const onset = sigmoid(
      b.driftOnsetLogit +
        b.driftOnsetPerAvoidance * avoid +
        b.driftOnsetPerPriceSensitivity * ((st.price[i] ?? 0) - 0.4) +
        b.driftOnsetPerKm * ((st.distance[i] ?? 7) - 7) +
        b.driftOnsetPerFrailty * (st.frailty[i] ?? 0),
    );
    if (rng() < onset) st.drifting[i] = 1;
  }
  const drift = st.drifting[i] === 1;
  const due = (st.lastMaint[i] ?? d0) + (st.interval[i] ?? 180);
  if (d0 + 7 > due - 14) {
    const overdueMonths = Math.min(3, Math.max(0, d0 - due) / 30);
    const p = sigmoid(
      (st.maintPropensity[i] ?? 0) -
        b.maintenanceLogitPerAvoidance * avoid +
        b.maintenanceLogitPerOverdueMonth * overdueMonths -
        b.maintenanceLogitOffset +
        (drift ? b.driftMaintenanceLogit : 0),
    );
    if (rng() < p) {
      const day = d0 + Math.floor(rng() * 7);
      if (day < limit) recordVisit(run, i, day, 0, false, rng);
    }
  }
  const repeat = st.repeatDue[i] ?? NEVER;
  if (repeat >= d0 && repeat < d0 + 7) {
    st.repeatDue[i] = NEVER;
    if (repeat < limit) recordVisit(run, i, repeat, 1, true, rng);
  }
  const age = (st.ageAtStart[i] ?? 0) + (w * 7) / 365.25;
  const pRepair = (run.repairBase + run.repairPerYear * age) * Math.exp(-b.repairAvoidanceRate * avoid) * (drift ? b.driftRepairFactor : 1);
  const pWarranty = age < b.warrantyYears ? run.warrantyWeekly : 0;
  const u = rng();
  let type = -1;
  if (u < pRepair) type = 1;
  else if (u < pRepair + pWarranty) type = 2;
  else if (u < pRepair + pWarranty + run.accidentWeekly) type = 3;
  if (type >= 0) {
    const day = d0 + Math.floor(rng() * 7);
    if (day < limit) recordVisit(run, i, day, type, false, rng);
  }
}

/** One week of customer i: hazard and churn draw, a survey held over from last week, app activity, drift and visits, a relationship survey. */
function customerWeek(run: SynthRun, i: number, d0: number, w: number, snapshot: boolean): void {
  const st = run.state;
  const hazard = weeklyHazard(run, i, d0, w, snapshot);
  let limit = run.settings.endDay;
  if (run.rng.churn() < 1 - Math.exp(-7 * hazard)) {
    const day = d0 + Math.floor(run.rng.churn() * 7);
    if (!run.recording) {
      replaceCustomer(run, i, d0);
      return;
    }
    st.churnDay[i] = day;
    limit = day;
  }
  limit = Math.min(limit, d0 + 7);
  if ((st.pendingSurveyDay[i] ?? NEVER) !== NEVER) {
    const flags = st.pendingSurveyFlags[i] ?? 0;
    const surveyDay = st.pendingSurveyDay[i] ?? NEVER;
    st.pendingSurveyDay[i] = NEVER;
    if (surveyDay < limit) recordSurvey(run, i, surveyDay, (flags & 1) === 1, (flags & 2) === 2);
  }
  if (st.appUser[i] === 1) appWeek(run, i, d0, limit);
  visitsWeek(run, i, d0, w, limit);
  const surveys = run.rng.surveys;
  if (surveys() < run.settings.behaviour.relationshipSurveyPerWeek) recordSurvey(run, i, d0 + Math.floor(surveys() * 7), false, false);
  st.avoidance[i] = (st.avoidance[i] ?? 0) * run.avoidDecay;
}

/**
 * Simulates week t of the block (t counts burn-in weeks first; recording
 * starts at t = burnInWeeks): every customer still in the network, in order.
 *
 * @example
 * for (let t = 0; t < burnIn + weeks; t++) simulateWeek(run, t);
 */
export function simulateWeek(run: SynthRun, t: number): void {
  const { burnInWeeks } = run.settings.behaviour;
  const { startDay, every } = run.settings;
  const w = t - burnInWeeks;
  run.recording = w >= 0;
  const d0 = startDay + 7 * w;
  run.weekEnd = d0 + 7;
  const snapshot = run.recording && every > 0 && w % every === 0;
  if (t % 4 === 0) updateSpendTrend(run, Math.floor(t / 4) % 13);
  const churnDay = run.state.churnDay;
  for (let i = 0; i < run.state.n; i++) {
    if (!Number.isNaN(churnDay[i] ?? NaN)) continue;
    customerWeek(run, i, d0, w, snapshot);
  }
}
