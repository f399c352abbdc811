/** A growable Int32 column (doubling), emptied with `clear` between chunks. */
export class IntColumn {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, Math.ceil(capacity)));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  /** A copy of the values pushed so far. */
  view(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/** A growable Float64 column (doubling), emptied with `clear` between chunks. */
export class FloatColumn {
  data: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Float64Array(Math.max(16, Math.ceil(capacity)));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  /** A copy of the values pushed so far. */
  view(): Float64Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * The events a block of customers produced since the last `clearEvents`, as
 * codes: customer = index in the block, days = day numbers, visit type and
 * outlet = indexes into `visitTypes` and the network's outlets, complaint
 * category = 0 for none else 1 + index into `complaintCategories`.
 */
export interface EventBuffers {
  visits: { customer: IntColumn; day: IntColumn; type: IntColumn; outlet: IntColumn; spend: FloatColumn; wait: FloatColumn };
  surveys: { customer: IntColumn; day: IntColumn; score: IntColumn; category: IntColumn };
  app: { customer: IntColumn; week: IntColumn; active: IntColumn; coupons: IntColumn };
  risk: { customer: IntColumn; day: IntColumn; risk: FloatColumn };
}

/**
 * Empty event buffers sized for `customerWeeks` customer-weeks (they grow as needed).
 *
 * @param riskRows expected latent-risk snapshot rows.
 * @example
 * createEventBuffers(1000 * 104, 0).visits.day.length; // 0
 */
export function createEventBuffers(customerWeeks: number, riskRows: number): EventBuffers {
  const cap = Math.ceil(customerWeeks * 0.1);
  const ints = (k: number): IntColumn => new IntColumn(cap * k);
  return {
    visits: { customer: ints(1), day: ints(1), type: ints(1), outlet: ints(1), spend: new FloatColumn(cap), wait: new FloatColumn(cap) },
    surveys: { customer: ints(0.5), day: ints(0.5), score: ints(0.5), category: ints(0.5) },
    app: { customer: ints(2), week: ints(2), active: ints(2), coupons: ints(2) },
    risk: { customer: new IntColumn(riskRows), day: new IntColumn(riskRows), risk: new FloatColumn(riskRows) },
  };
}

/**
 * Empties every buffer (keeps the allocated memory for the next chunk).
 *
 * @example
 * clearEvents(events); // events.app.week.length === 0
 */
export function clearEvents(events: EventBuffers): void {
  for (const table of [events.visits, events.surveys, events.app, events.risk]) {
    for (const column of Object.values(table) as Array<IntColumn | FloatColumn>) column.length = 0;
  }
}
