// churnlab: the library behind the notebooks and the command line, grouped by
// domain in the order data flows (a lower layer never imports a higher one).
// Notebooks import a domain directly (`./src/plan/index`): tslab compiles
// everything a module imports, so a narrow import starts faster.

// Cross-cutting: input errors and atomic writes.
export * from "./io/index";

// Seeded generators, named streams, distributions.
export * from "./random/index";

// The retention plan: schema, deterministic ROI (as stated / recomputed), audit.
export * from "./plan/index";

// Source schemas, strict CSV loaders, the synthetic population, danfojs adapters.
export * from "./data/index";

// Customer snapshot -> weekly feature panel and 30-day label.
export * from "./features/index";

// The analytical store (DuckDB, one file): CSV/Parquet sources, the panel by SQL, batches.
export * from "./store/index";

// Churn models (tfjs logistic / MLP, XGBoost trees), calibration, metrics, persistence.
export * from "./models/index";

// Risk tiers, the Monday loop, CRM hand-off, timing decay, targeting.
export * from "./actions/index";

// Monte Carlo ROI engine, sensitivity, break-even, value of information, rollout simulation.
export * from "./simulation/index";

// Plotly figure builders, theme, zh/en labels, notebook display, export.
export * from "./charts/index";

// The CEO one-pager.
export * from "./report/index";
