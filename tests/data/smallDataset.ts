import { isoToDay } from "../../src/data/dates";
import type { Dataset } from "../../src/data/loaders";
import { appActivitySchema, customersSchema, surveysSchema, visitsSchema } from "../../src/data/schemas";

/** Two customers with a few visits, surveys and app days: the data of the visit-gap and signal-snapshot tests. */
export const smallDataset: Dataset = {
  customers: {
    schema: customersSchema,
    length: 2,
    columns: {
      customer_id: ["C1", "C2"],
      city: ["Hangzhou", "Hangzhou"],
      outlet_id: ["HZ01", "HZ01"],
      distance_km: new Float64Array([5, 25]),
      vehicle_model: ["Breeze", "Zenith"],
      segment: ["economy", "premium"],
      vehicle_age_years: new Float64Array([3, 6]),
      purchase_date: new Int32Array([isoToDay("2021-01-01"), isoToDay("2018-01-01")]),
      price_sensitivity: new Float64Array([0.2, 0.8]),
    },
  },
  visits: {
    schema: visitsSchema,
    length: 4,
    columns: {
      customer_id: ["C1", "C1", "C2", "C1"],
      date: new Int32Array([isoToDay("2024-01-10"), isoToDay("2024-07-01"), isoToDay("2024-02-01"), isoToDay("2024-08-01")]),
      type: ["maintenance", "repair", "maintenance", "repair"],
      spend_yuan: new Float64Array([500, 2000, 800, 1000]),
      wait_hours: new Float64Array([2, 60, 3, 10]),
      outlet_id: ["HZ01", "HZ01", "HZ01", "HZ01"],
    },
  },
  surveys: {
    schema: surveysSchema,
    length: 2,
    columns: {
      customer_id: ["C1", "C1"],
      date: new Int32Array([isoToDay("2024-07-03"), isoToDay("2024-08-03")]),
      score: new Int32Array([3, 5]),
      complaint: new Uint8Array([1, 0]),
      complaint_category: ["waiting_time", ""],
    },
  },
  appActivity: {
    schema: appActivitySchema,
    length: 2,
    columns: {
      customer_id: ["C2", "C2"],
      week_start: new Int32Array([isoToDay("2024-01-01"), isoToDay("2024-08-19")]),
      active_days: new Int32Array([3, 2]),
      coupon_redemptions: new Int32Array([0, 1]),
    },
  },
};
