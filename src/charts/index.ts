// Charts: plain Plotly figure specs, one theme, zh/en labels, notebook display and export.
export type { Figure } from "./Figure";
export { t, labels, languages, placeholders, type Lang, type LabelKey, type LabelParams } from "./labels";
export type { LabelSet, LabelText } from "./labelSets/LabelSet";
export {
  fontFamily,
  palette,
  tierColors,
  tierColor,
  semanticColors,
  defaultSize,
  themeLayout,
  themeConfig,
  baseLayout,
  applyTheme,
  deepMerge,
  type TierNumber,
} from "./theme";
export { formatWan, formatPercent, formatNumber, tickFormats, yuanToWan, moneyAxis } from "./format";
export { show, showMany, resetDisplay, isBundleSent, type HtmlDisplay, type ShowOptions } from "./display";
export { figureElementHtml, jsonForScript, escapeHtml, type FigureElementOptions } from "./figureHtml";
export { plotlyBundle, plotlyVersion, plotlyScriptTag } from "./plotlyBundle";
