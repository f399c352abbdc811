import { sampleNormal } from "../../random/normal";
import type { RandomSource } from "../../random/RandomSource";
import { longWaitHours } from "../schemas";
import { NEVER } from "./customerState";
import { cities, maintenanceSpendMedian, waitMedianHours, waitSdLog } from "./network";
import type { SynthRun } from "./synthRun";

/** Spend (yuan, rounded) of a visit of `type` (0 maintenance, 1 repair, 2 warranty, 3 accident) by customer i. */
function visitSpend(run: SynthRun, i: number, type: number, rng: RandomSource): number {
  const base = maintenanceSpendMedian[run.state.segment[i] ?? 0] ?? 500;
  let spend: number;
  if (type === 0) spend = base * (1 - 0.3 * (run.state.price[i] ?? 0)) * Math.exp(0.3 * sampleNormal(rng, 0, 1));
  else if (type === 1) spend = base * 4 * Math.exp(0.8 * sampleNormal(rng, 0, 1));
  else if (type === 2) spend = rng() < 0.8 ? 0 : base * 0.3 * Math.exp(0.5 * sampleNormal(rng, 0, 1));
  else spend = base * 12 * Math.exp(0.9 * sampleNormal(rng, 0, 1));
  // The visits schema allows at most 1,000,000 yuan; the lognormal tail of accident repairs passes it about once in 20 million visits.
  return Math.min(1_000_000, Math.round(spend));
}

/**
 * A workshop visit of customer i on `day`: outlet, wait and spend drawn, the
 * visit recorded (inside the history), the customer's memory of it updated
 * (last visits, spend buckets, bad experiences, avoidance, a repeat repair
 * due), and a survey after it with the response rate.
 */
export function recordVisit(run: SynthRun, i: number, day: number, type: number, isRepeat: boolean, rng: RandomSource): void {
  const st = run.state;
  const net = run.net;
  const b = run.settings.behaviour;
  const city = st.city[i] ?? 0;
  const outlet = rng() < b.homeOutletShare ? (st.homeOutlet[i] ?? 0) : (net.cityFirstOutlet[city] ?? 0) + Math.floor(rng() * (cities[city]?.[2] ?? 1));
  const wait = (waitMedianHours[type] ?? 1) * (net.outletSlowness[outlet] ?? 1) * Math.exp((waitSdLog[type] ?? 0.5) * sampleNormal(rng, 0, 1));
  const spend = visitSpend(run, i, type, rng);
  // The visits schema allows at most 720 hours (30 days); the lognormal tail of accident repairs passes it about once in 200,000 visits.
  const waitRounded = Math.min(720, Math.round(wait * 10) / 10);
  if (run.recording) {
    const v = run.events.visits;
    v.customer.push(i);
    v.day.push(day);
    v.type.push(type);
    v.outlet.push(outlet);
    v.spend.push(spend);
    v.wait.push(waitRounded);
  }
  const bucket = Math.floor((day - run.origin) / 28) % 13;
  st.spendBuckets[13 * i + bucket] = (st.spendBuckets[13 * i + bucket] ?? 0) + spend;
  st.lastVisit[i] = Math.max(st.lastVisit[i] ?? day, day);
  if (type === 0) st.lastMaint[i] = Math.max(st.lastMaint[i] ?? day, day);
  const longWait = waitRounded > (longWaitHours[type] ?? Infinity);
  if (longWait || isRepeat) {
    // Ring of the last three bad-experience days.
    st.bad[3 * i + 2] = st.bad[3 * i + 1] ?? NEVER;
    st.bad[3 * i + 1] = st.bad[3 * i] ?? NEVER;
    st.bad[3 * i] = day;
    st.avoidance[i] = (st.avoidance[i] ?? 0) + b.avoidancePerBadExperience;
  }
  if (type === 1 && !isRepeat && rng() < (net.outletRepeatRate[outlet] ?? 0.1)) st.repeatDue[i] = day + 7 + Math.floor(rng() * 50);
  const surveys = run.rng.surveys;
  if (surveys() < b.surveyResponseRate) {
    const surveyDay = day + 1 + Math.floor(surveys() * 3);
    // A survey falling into next week waits until next week's churn draw has been made.
    if (surveyDay >= run.weekEnd) {
      st.pendingSurveyDay[i] = surveyDay;
      st.pendingSurveyFlags[i] = (longWait ? 1 : 0) | (isRepeat ? 2 : 0);
    } else recordSurvey(run, i, surveyDay, longWait, isRepeat);
  }
}

/** The complaint category (1 + index into complaintCategories) of a complaint by customer i. */
function complaintCategory(run: SynthRun, i: number, longWait: boolean, isRepeat: boolean): number {
  const rng = run.rng.surveys;
  if (longWait && rng() < 0.7) return 1;
  if (isRepeat && rng() < 0.7) return 3;
  // price (weighted by price sensitivity), staff, parts, distance (weighted by distance), waiting, quality
  const wPrice = 0.2 + (run.state.price[i] ?? 0);
  const wDist = 0.1 + Math.min(1, (run.state.distance[i] ?? 0) / 30);
  const x = rng() * (wPrice + 0.4 + 0.3 + wDist + 0.2 + 0.2);
  return x < wPrice ? 2 : x < wPrice + 0.4 ? 4 : x < wPrice + 0.7 ? 5 : x < wPrice + 0.7 + wDist ? 6 : x < wPrice + 0.9 + wDist ? 1 : 3;
}

/** A survey answer of customer i (after a visit, or a relationship survey), possibly with a complaint; none on or after the churn day. */
export function recordSurvey(run: SynthRun, i: number, surveyDay: number, longWait: boolean, isRepeat: boolean): void {
  const st = run.state;
  const churned = st.churnDay[i] ?? NaN;
  const endDay = run.settings.endDay;
  const limit = Number.isNaN(churned) ? endDay : Math.min(endDay, churned);
  if (surveyDay >= limit) return;
  const rng = run.rng.surveys;
  const b = run.settings.behaviour;
  const raw =
    b.surveyScoreMean -
    b.surveyLongWaitPenalty * (longWait ? 1 : 0) -
    b.surveyRepeatRepairPenalty * (isRepeat ? 1 : 0) -
    b.surveyScorePerFrailty * (st.frailty[i] ?? 0) -
    b.surveyScorePerAvoidance * (st.avoidance[i] ?? 0) -
    (st.drifting[i] === 1 ? b.driftScorePenalty : 0) +
    sampleNormal(rng, 0, b.surveyScoreSd);
  const score = Math.min(10, Math.max(0, Math.round(raw)));
  const pComplaint = score <= 3 ? 0.6 : score <= 5 ? 0.25 : score === 6 ? 0.08 : 0.01;
  let category = 0;
  if (rng() < pComplaint) {
    category = complaintCategory(run, i, longWait, isRepeat);
    st.lastComplaint[i] = surveyDay;
    st.avoidance[i] = (st.avoidance[i] ?? 0) + b.avoidancePerComplaint;
  }
  st.lastScore[i] = score;
  st.lastScoreDay[i] = surveyDay;
  if (!run.recording) return;
  const s = run.events.surveys;
  s.customer.push(i);
  s.day.push(surveyDay);
  s.score.push(score);
  s.category.push(category);
}
