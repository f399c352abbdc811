/*
 * src/features: customer snapshots from the source tables -> feature panel and
 * 30-day churn label, weekly Monday snapshots, time-based splits.
 */
export { indexEvents, lowerBound, type EventIndex, type CustomerEvents, type VisitEvents, type SurveyEvents, type AppEvents } from "./eventIndex";
export {
  buildPanel,
  mondaysBetween,
  panelColumns,
  numericFeatureNames,
  type FeaturePanel,
  type NumericFeature,
  type PanelOptions,
  type ChurnDates,
} from "./buildPanel";
export { panelTable, panelSnapshots, type PanelSnapshots } from "./panelTable";
export { timeSplit, type TimeSplit } from "./timeSplit";
