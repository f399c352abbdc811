import { describe, expect, it } from "vitest";
import { newlyHighRisk, weeklyQueue, type Advisor, type Ledger, type ScoredCustomer } from "../../src/actions";
import { loadPlan } from "../../src/plan";

const plan = loadPlan("data/plans/seed-plan.json");
const s = (customerId: string, probability: number, outletId = "O1"): ScoredCustomer => ({ customerId, probability, outletId });

describe("newlyHighRisk: the plan's rule, this week > 0.5 and last week <= 0.5, plus first seen above 0.5", () => {
  it("flags crossings and first-seen customers, not those above both weeks or at exactly 0.5", () => {
    const previous = [s("up", 0.5), s("stay", 0.8), s("down", 0.7), s("low", 0.2), s("edge", 0.49)];
    const current = [s("up", 0.51), s("stay", 0.9), s("down", 0.3), s("low", 0.5), s("edge", 0.5), s("new-high", 0.95), s("new-low", 0.4)];
    expect(newlyHighRisk(current, previous, 0.5)).toEqual([
      { customerId: "up", probability: 0.51, previousProbability: 0.5, reason: "crossed" },
      { customerId: "new-high", probability: 0.95, previousProbability: null, reason: "first-seen" },
    ]);
  });
  it("treats everyone above the trigger as first seen on the first run (no previous scores)", () => {
    expect(newlyHighRisk([s("a", 0.6), s("b", 0.1)], [], 0.5).map((f) => f.reason)).toEqual(["first-seen"]);
  });
  it("is empty for empty scores and rejects bad probabilities and triggers", () => {
    expect(newlyHighRisk([], [], 0.5)).toEqual([]);
    expect(() => newlyHighRisk([s("bad", Number.NaN)], [], 0.5)).toThrow(/customer bad/);
    expect(() => newlyHighRisk([], [s("old", 2)], 0.5)).toThrow(/customer old/);
    expect(() => newlyHighRisk([], [], 1.5)).toThrow(RangeError);
  });
});

describe("weeklyQueue: one Monday of the loop", () => {
  const week1 = "2025-01-06";
  const week2 = "2025-01-13";
  const week3 = "2025-01-20";

  it("queues with tier, action, first detection and the golden window (+7, +14 days)", () => {
    const r = weeklyQueue({ week: week2, plan, current: [s("a", 0.6), s("b", 0.75)], previous: [s("a", 0.4), s("b", 0.45)] });
    expect(r.queue.map((e) => e.customerId)).toEqual(["b", "a"]);
    expect(r.queue[0]).toEqual({
      week: week2,
      customerId: "b",
      outletId: "O1",
      probability: 0.75,
      previousProbability: 0.45,
      tierNumber: 1,
      tierId: "very-high",
      action: plan.tiers[0]?.intervention,
      budgetYuan: 800,
      reason: "crossed",
      firstDetected: week2,
      goldenWindowStart: "2025-01-20",
      goldenWindowEnd: "2025-01-27",
      advisorId: "",
      status: "unassigned",
      overflowReason: "",
    });
    expect(r.summary).toMatchObject({ scored: 2, crossed: 2, firstSeen: 0, queued: 2, byTier: [1, 1, 0, 0], budgetYuan: 1100, cooldownDays: 30 });
    expect(r.ledger.weeks.map((w) => w.week)).toEqual([week2]);
  });

  it("assigns advisors by outlet within weekly capacity, reports overflow with its reason and does not drop it", () => {
    const advisors: Advisor[] = [
      { advisorId: "adv-b", outletId: "O1", weeklyCapacity: 1 },
      { advisorId: "adv-a", outletId: "O1", weeklyCapacity: 1 },
      { advisorId: "adv-c", outletId: "O2", weeklyCapacity: 5 },
    ];
    const current = [s("c1", 0.9), s("c2", 0.8), s("c3", 0.6), s("c4", 0.55, "O2"), s("c5", 0.65, "O3")];
    const r = weeklyQueue({ week: week1, plan, current, previous: [], advisors });
    const byId = Object.fromEntries(r.queue.map((e) => [e.customerId, e]));
    expect(byId["c1"]).toMatchObject({ advisorId: "adv-a", status: "assigned" });
    expect(byId["c2"]).toMatchObject({ advisorId: "adv-b", status: "assigned" });
    expect(byId["c3"]).toMatchObject({ advisorId: "", status: "overflow", overflowReason: "advisors at outlet O1 at capacity" });
    expect(byId["c4"]).toMatchObject({ advisorId: "adv-c", status: "assigned" });
    expect(byId["c5"]).toMatchObject({ status: "overflow", overflowReason: "no advisor at outlet O3" });
    expect(r.summary).toMatchObject({ queued: 5, assigned: 3, overflow: 2, firstSeen: 5 });
    expect(r.summary.advisorLoad).toEqual([
      { advisorId: "adv-b", outletId: "O1", weeklyCapacity: 1, assigned: 1 },
      { advisorId: "adv-a", outletId: "O1", weeklyCapacity: 1, assigned: 1 },
      { advisorId: "adv-c", outletId: "O2", weeklyCapacity: 5, assigned: 1 },
    ]);
  });

  it("carries overflow to next week with its first-detection date and assigns it first within the tier", () => {
    const advisors: Advisor[] = [{ advisorId: "adv", outletId: "O1", weeklyCapacity: 1 }];
    const w1 = weeklyQueue({ week: week1, plan, current: [s("x", 0.6), s("y", 0.62)], previous: [], advisors });
    expect(w1.queue.map((e) => [e.customerId, e.status])).toEqual([
      ["y", "assigned"],
      ["x", "overflow"],
    ]);
    const w2 = weeklyQueue({
      week: week2,
      plan,
      current: [s("x", 0.61), s("y", 0.62), s("z", 0.69)],
      previous: [s("x", 0.6), s("y", 0.62), s("z", 0.3)],
      advisors,
      ledger: w1.ledger,
    });
    expect(w2.queue.map((e) => [e.customerId, e.reason, e.firstDetected, e.status])).toEqual([
      ["x", "carried-over", week1, "assigned"],
      ["z", "crossed", week2, "overflow"],
    ]);
    expect(w2.queue[0]?.goldenWindowEnd).toBe("2025-01-20");
    expect(w2.summary).toMatchObject({ carriedOver: 1, expired: 0, queued: 2 });
  });

  it("expires overflow past the plan's horizon (30 days) or no longer scored", () => {
    const advisors: Advisor[] = [{ advisorId: "adv", outletId: "O1", weeklyCapacity: 0 }];
    let ledger: Ledger = weeklyQueue({ week: week1, plan, current: [s("x", 0.6), s("gone", 0.7)], previous: [], advisors }).ledger;
    const weeks = ["2025-01-13", "2025-01-20", "2025-01-27", "2025-02-03", "2025-02-10"];
    const carried: number[] = [];
    const expired: number[] = [];
    for (const w of weeks) {
      const r = weeklyQueue({ week: w, plan, current: [s("x", 0.6)], previous: [s("x", 0.6)], advisors, ledger });
      carried.push(r.summary.carriedOver);
      expired.push(r.summary.expired);
      ledger = r.ledger;
    }
    // "gone" is not scored from week 2 on: expired at once. "x" detected 2025-01-06: carried while < 30 days (Jan 13, 20, 27, Feb 3 = day 28), expired Feb 10 (day 35).
    expect(carried).toEqual([1, 1, 1, 1, 0]);
    expect(expired).toEqual([1, 0, 0, 0, 1]);
  });

  it("is idempotent: re-running a week gives the same queue and ledger, with no duplicate customer", () => {
    const advisors: Advisor[] = [{ advisorId: "adv", outletId: "O1", weeklyCapacity: 1 }];
    const w1 = weeklyQueue({ week: week1, plan, current: [s("a", 0.6), s("b", 0.7)], previous: [], advisors });
    const input = {
      week: week2,
      plan,
      current: [s("a", 0.6), s("b", 0.7), s("c", 0.8)],
      previous: [s("a", 0.6), s("b", 0.7), s("c", 0.2)],
      advisors,
      ledger: w1.ledger,
    };
    const first = weeklyQueue(input);
    const again = weeklyQueue({ ...input, ledger: first.ledger });
    expect(again.queue).toEqual(first.queue);
    expect(again.ledger).toEqual(first.ledger);
    expect(again.ledger.weeks.map((w) => w.week)).toEqual([week1, week2]);
    const ids = again.ledger.weeks[1]?.entries.map((e) => e.customerId) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
    // Re-running the first week too: the later week must not exist yet.
    expect(() => weeklyQueue({ ...input, week: week1, ledger: first.ledger })).toThrow(/only the latest week can be re-run/);
  });

  it("does not re-queue a customer contacted less than cooldownDays ago, and does after", () => {
    const w1 = weeklyQueue({ week: week1, plan, current: [s("a", 0.6)], previous: [s("a", 0.4)] });
    // a drops and crosses again one week later: inside the default 30-day cool-down.
    const w2 = weeklyQueue({ week: week2, plan, current: [s("a", 0.6)], previous: [s("a", 0.4)], ledger: w1.ledger });
    expect(w2.queue).toEqual([]);
    expect(w2.summary.inCooldown).toBe(1);
    // With a 7-day cool-down the same crossing is queued again.
    const short = weeklyQueue({ week: week2, plan, current: [s("a", 0.6)], previous: [s("a", 0.4)], ledger: w1.ledger, cooldownDays: 7 });
    expect(short.queue.map((e) => e.customerId)).toEqual(["a"]);
    // 14 days later with a 14-day cool-down: queued again (cool-down is "less than").
    const w3 = weeklyQueue({ week: week3, plan, current: [s("a", 0.6)], previous: [s("a", 0.4)], ledger: w2.ledger, cooldownDays: 14 });
    expect(w3.queue.map((e) => e.reason)).toEqual(["crossed"]);
  });

  it("does not duplicate a waiting (overflow) customer who crosses again", () => {
    const advisors: Advisor[] = [{ advisorId: "adv", outletId: "O1", weeklyCapacity: 0 }];
    const w1 = weeklyQueue({ week: week1, plan, current: [s("a", 0.6)], previous: [], advisors });
    const w2 = weeklyQueue({ week: week2, plan, current: [s("a", 0.6)], previous: [s("a", 0.45)], advisors, ledger: w1.ledger });
    expect(w2.queue.map((e) => [e.customerId, e.reason])).toEqual([["a", "carried-over"]]);
    expect(w2.summary.alreadyQueued).toBe(1);
  });

  it("rejects a week that is not a Monday, duplicate ids, bad capacities and a negative cool-down", () => {
    expect(() => weeklyQueue({ week: "2025-01-07", plan, current: [], previous: [] })).toThrow(/not a Monday/);
    expect(() => weeklyQueue({ week: "2025-02-30", plan, current: [], previous: [] })).toThrow(/YYYY-MM-DD/);
    expect(() => weeklyQueue({ week: week1, plan, current: [s("a", 0.6), s("a", 0.2)], previous: [] })).toThrow(/customer a appears twice/);
    expect(() => weeklyQueue({ week: week1, plan, current: [], previous: [], advisors: [{ advisorId: "x", outletId: "O1", weeklyCapacity: 1.5 }] })).toThrow(
      /capacity/,
    );
    expect(() => weeklyQueue({ week: week1, plan, current: [], previous: [], cooldownDays: -1 })).toThrow(/cooldownDays/);
  });

  it("gives an empty queue for empty scores", () => {
    const r = weeklyQueue({ week: week1, plan, current: [], previous: [] });
    expect(r.queue).toEqual([]);
    expect(r.summary).toMatchObject({ scored: 0, queued: 0, byTier: [0, 0, 0, 0] });
  });
});

describe("weeklyQueue: overflow whose risk falls back", () => {
  it("leaves the queue as resolved when this week's probability is at or below the trigger", () => {
    const advisors: Advisor[] = [{ advisorId: "adv", outletId: "O1", weeklyCapacity: 0 }];
    const w1 = weeklyQueue({ week: "2025-01-06", plan, current: [s("a", 0.6), s("b", 0.7)], previous: [], advisors });
    const w2 = weeklyQueue({
      week: "2025-01-13",
      plan,
      current: [s("a", 0.5), s("b", 0.7)],
      previous: [s("a", 0.6), s("b", 0.7)],
      advisors,
      ledger: w1.ledger,
    });
    expect(w2.queue.map((e) => e.customerId)).toEqual(["b"]);
    expect(w2.summary).toMatchObject({ carriedOver: 1, resolved: 1, expired: 0 });
    expect(w2.ledger.weeks[1]?.expired).toEqual(["a"]);
  });
});
