import type { ChurnTable, CustomersTable } from "./schemas";
import { churnSchema } from "./schemas";

/**
 * The churn table in the customers table's row order, one row per customer:
 * a customer the churn export does not list is still a customer (empty
 * churn date), as when the CRM exports only the customers it marked as lost.
 * `buildPanel` reads churn dates by row, so it needs this alignment.
 *
 * @param customers the customers table; churn: churn rows of known customers, ids unique (as `loadChurn` checks).
 * @example
 * alignChurn(customers, churn).columns.customer_id; // the same ids, in the same order, as customers.columns.customer_id
 */
export function alignChurn(customers: CustomersTable, churn: ChurnTable): ChurnTable {
  const dayOf = new Map<string, number>();
  churn.columns.customer_id.forEach((id, k) => {
    dayOf.set(id, churn.columns.churn_date[k] as number);
  });
  const ids = [...customers.columns.customer_id];
  const churnDate = Float64Array.from(ids, (id) => dayOf.get(id) ?? NaN);
  return { schema: churnSchema, length: ids.length, columns: { customer_id: ids, churn_date: churnDate } };
}
