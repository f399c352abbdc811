import { monthOfWeek, monthsOf, type RolloutScenario } from "./rolloutScenario";
import { burnInWeek, createPopulation, customerWeek, ORIGINAL, type Population } from "./rolloutPopulation";
import { poolWeek } from "./rolloutPool";
import { countLeftInQueues, createChannels, serveChannels } from "./rolloutQueues";
import { type ContactRecords, DELAY_BINS, type RolloutRun } from "./rolloutRun";

export { type ContactRecords, DELAY_BINS, type RolloutRun } from "./rolloutRun";
export { NEVER } from "./rolloutPopulation";

/** Checks a scenario's sizes. */
function checkScenario(sc: RolloutScenario): void {
  const n = sc.customers;
  if (!(Number.isSafeInteger(n) && n >= 1)) throw new RangeError(`customers must be an integer >= 1, got ${n}`);
  if (!(Number.isSafeInteger(sc.weeks) && sc.weeks >= 1 && sc.weeks <= 520)) throw new RangeError(`weeks must be an integer 1..520, got ${sc.weeks}`);
  if (!(Number.isSafeInteger(sc.tailWeeks) && sc.tailWeeks >= 0 && sc.weeks + sc.tailWeeks <= 520))
    throw new RangeError(`tailWeeks must be an integer >= 0 with weeks + tailWeeks <= 520, got ${sc.tailWeeks}`);
  const K = sc.tierThresholds.length + 1;
  if (K < 2 || K > 8) throw new RangeError(`tiers must number 2..8, got ${K}`);
  if (sc.stages.length > 127) throw new RangeError(`at most 127 stages, got ${sc.stages.length}`);
  if (!(Number.isInteger(sc.cooldownWeeks) && sc.cooldownWeeks >= 0)) throw new RangeError(`cooldownWeeks must be an integer >= 0, got ${sc.cooldownWeeks}`);
}

/** An empty run record for a scenario. */
function emptyRun(sc: RolloutScenario, K: number, snapN: number): RolloutRun {
  const months = monthsOf(sc.weeks);
  const vec = (): Float64Array => new Float64Array(K + 1);
  const stages = (): Float64Array => new Float64Array(sc.stages.length);
  const nSnap = snapN * sc.snapshotWeeks.length;
  return {
    customers: sc.customers,
    weeks: sc.weeks,
    months,
    tiers: K,
    baselineChurned: 0,
    programmeChurned: 0,
    baselineChurnsByMonth: new Float64Array(months),
    programmeChurnsByMonth: new Float64Array(months),
    flagged: vec(),
    contacts: vec(),
    wouldBeChurners: vec(),
    saves: vec(),
    expectedSaves: vec(),
    lostBeforeContact: vec(),
    expired: vec(),
    stillQueued: vec(),
    spendYuan: vec(),
    delaySumDays: vec(),
    contactsWithin7Days: vec(),
    delayHistogram: new Float64Array((K + 1) * DELAY_BINS),
    interventionCostByMonth: new Float64Array(months),
    fixedCostByMonth: Float64Array.from({ length: months }, (_, m) => sc.fixedCostByMonth[m] ?? 0),
    benefitByMonth: new Float64Array(months),
    stageContacts: stages(),
    stageWouldBeChurners: stages(),
    stageSaves: stages(),
    stageExpectedSaves: stages(),
    stageExposureWeeks: stages(),
    tailWeeks: sc.tailWeeks,
    retainedByWeek: new Float64Array(sc.weeks + sc.tailWeeks),
    snapshotSignal: new Float32Array(nSnap).fill(Number.NaN),
    snapshotNoise: new Float32Array(nSnap).fill(Number.NaN),
    snapshotChurnWeek: new Int16Array(0),
  };
}

/** The contact records of a run that asked for them. */
function contactRecordsOf(p: Population): ContactRecords | undefined {
  const log = p.log;
  if (log === undefined) return undefined;
  const m = log.size;
  return {
    customer: log.customer.slice(0, m),
    saved: log.saved.slice(0, m),
    tier: log.tier.slice(0, m),
    age: log.age.slice(0, m),
    week: log.week.slice(0, m),
    churnWeekB: log.churnWeekB.slice(0, m),
    churnWeekP: log.churnWeekP.slice(0, m),
  };
}

/** One week of the retained pool: kept customers whose protection ended may leave; returns how many left. */
function retainedWeek(p: Population, t: number): number {
  const log = p.log;
  return poolWeek(p.pool, p, t, (rec) => {
    if (rec >= 0 && log !== undefined) log.churnWeekP[rec] = t;
  });
}

/**
 * One customer-level run of the programme, baseline and programme together
 * on common random numbers: every customer-week draws the same three
 * uniforms (latent innovation and shock, score-noise innovation, churn) in
 * both, so the programme's effect is the difference of the two columns and
 * not noise. Structure of arrays, no allocation in the weekly loop.
 *
 * Each week: the latent risk and the score noise move (see RolloutDynamics);
 * every Monday customers in a stage's scope are scored and tiered (a tier
 * holds scores above its lower bound); a customer is flagged into tier k's
 * queue when k is intervened, riskier than last week's tier and than any
 * queue the customer already waits in, and the customer is out of the
 * cool-down that follows a contact (`cooldownWeeks`); for tiers 1–2 this is
 * the plan's rule: above 0.5 this week, at most 0.5 last week; at a stage's
 * start every customer is new, so its current high-risk customers are
 * flagged. Customers churn with their weekly hazard (in the programme a
 * saved customer is kept from week c + 1 to c + protectionWeeks after the
 * contact week c); then each tier's channel serves its queue up to the
 * stage's weekly capacity by the queue rule (rolloutQueues.ts), dropping
 * those who churned while waiting and those who waited more than
 * `maxWaitDays` (expired). A contact in week c of a customer flagged in week
 * f has delay max(minDelay, 7(c − f) + 3.5) days (mid-week) and is made no
 * earlier than week f + floor((minDelay − 3.5) / 7); it costs the tier's
 * budget and saves with the probability `saveProbabilityByHalfDay` gives at
 * that delay (`saveRateAfterDelay`, src/actions). Each contact's outcome is
 * its own draw (a hash of the customer and the contact number, so it is the
 * same under any queue rule), or with probability `saveCorrelation` the
 * customer's own uniform. After the run, saved customers are followed
 * `tailWeeks` more weeks in both arms (rolloutTail.ts).
 *
 * @param sc the scenario (not mutated).
 * @param state an sfc32 state (Uint32Array(4), e.g. `FastRng.state`); advanced in place.
 * @throws RangeError on a scenario out of range (customers, weeks, tiers).
 * @example
 * runRolloutKernel(scenario, new FastRng(1, "rollout-customers").state).baselineChurned / scenario.customers // ≈ the calibrated annual churn
 */
export function runRolloutKernel(sc: RolloutScenario, state: Uint32Array): RolloutRun {
  checkScenario(sc);
  const weeks = sc.weeks;
  const K = sc.tierThresholds.length + 1;
  const salt = (state[0]! ^ Math.imul(state[3]!, 0x9e3779b1)) >>> 0;
  const p = createPopulation(sc, state);
  for (let t = 0; t < sc.dynamics.burnInWeeks; t += 1) burnInWeek(p, state);
  p.status.fill(ORIGINAL); // the customers there at week 0 are the run's original customers
  const run = emptyRun(sc, K, p.snapN);
  const stageOfWeek = new Int32Array(weeks).fill(-1);
  sc.stages.forEach((s, j) => {
    for (let t = Math.max(0, s.weekStart); t < Math.min(weeks, s.weekEnd); t += 1) stageOfWeek[t] = j;
  });
  const snapIndexOfWeek = new Int32Array(weeks).fill(-1);
  sc.snapshotWeeks.forEach((sw, j) => {
    if (Number.isInteger(sw) && sw >= 0 && sw < weeks) snapIndexOfWeek[sw] = j;
  });
  const channels = createChannels(sc, K, salt);
  for (let t = 0; t < weeks; t += 1) {
    const stageIndex = sc.programme ? stageOfWeek[t]! : -1;
    const stage = stageIndex >= 0 ? sc.stages[stageIndex]! : undefined;
    const month = monthOfWeek(t);
    const snap = snapIndexOfWeek[t]!;
    const leftPool = retainedWeek(p, t);
    customerWeek(
      p,
      run,
      state,
      t,
      stage === undefined ? 0 : Math.min(sc.customers, stage.customers),
      stage === undefined ? 0 : stage.tierMask,
      snap >= 0 ? snap * p.snapN : -1,
    );
    const churnB = p.weekChurns[0]!;
    const churnP = churnB - p.weekChurns[1]! + leftPool;
    run.baselineChurned += churnB;
    run.programmeChurned += churnP;
    run.baselineChurnsByMonth[month] = run.baselineChurnsByMonth[month]! + churnB;
    run.programmeChurnsByMonth[month] = run.programmeChurnsByMonth[month]! + churnP;
    run.benefitByMonth[month] = run.benefitByMonth[month]! + (churnB - churnP) * sc.valuePerSaveYuan;
    run.retainedByWeek[t] = p.pool.size;
    if (stage !== undefined) serveChannels(p, run, channels, t, stageIndex, stage, month);
  }
  countLeftInQueues(p, run);
  for (let t = weeks; t < weeks + sc.tailWeeks; t += 1) {
    retainedWeek(p, t);
    run.retainedByWeek[t] = p.pool.size;
  }
  run.snapshotChurnWeek = p.churnWeekB.slice(0, p.snapN);
  const records = contactRecordsOf(p);
  if (records !== undefined) run.contactRecords = records;
  return run;
}
