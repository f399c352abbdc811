import { fontFamily, palette, semanticColors } from "../charts/theme";

const navy = palette[0] ?? "#1F4E79";

/**
 * The CEO page's stylesheet: one A4 sheet (210 × 297 mm, printed with no
 * margins and backgrounds on), a 12-column-free grid of panels, the theme's
 * CJK-first system font stack (no web fonts: the page stays offline).
 */
export const ceoPageCss = `
@page { size: A4; margin: 0; }
* { box-sizing: border-box; }
html, body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: ${fontFamily}; color: #2C3E50; font-size: 10.5px; line-height: 1.38; }
@media screen { body { background: #E9ECEF; } .sheet { margin: 0 auto; box-shadow: 0 1px 6px rgba(0,0,0,0.15); } }
.sheet { width: 210mm; height: 296.5mm; padding: 7mm 9mm 5mm 9mm; background: #FFFFFF; display: flex; flex-direction: column; gap: 7px; }
.head { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 2.5px solid ${navy}; padding-bottom: 4px; }
.head h1 { font-size: 17.5px; line-height: 1.2; margin: 0; color: ${navy}; font-weight: 700; letter-spacing: 0.2px; }
.head .sub { font-size: 10px; color: #5D6D7E; margin-top: 2px; }
.head .badge { font-size: 10px; color: #FFFFFF; background: ${navy}; padding: 2px 8px; border-radius: 3px; white-space: nowrap; }
.decision { display: grid; grid-template-columns: 246px minmax(0, 1fr); border: 1px solid #D5DBDF; border-left: 6px solid var(--tone); }
.decision.go { --tone: ${semanticColors.good}; --wash: #E8F6F1; }
.decision.pilot-first { --tone: #B9770E; --wash: #FDF3E1; }
.decision.redesign { --tone: ${semanticColors.bad}; --wash: #FBEDEB; }
.decision .verdict { background: var(--wash); padding: 6px 9px; }
.decision .verdict .label { font-size: 10px; color: #5D6D7E; text-transform: uppercase; letter-spacing: 0.5px; }
.decision .verdict .word { font-size: 17px; font-weight: 700; line-height: 1.2; color: var(--tone); margin: 1px 0 4px; }
.decision .verdict .prob { font-size: 10.5px; line-height: 1.35; color: #2C3E50; }
.decision .why { padding: 5px 9px 6px; }
.decision .why-title { font-size: 10px; color: #5D6D7E; margin-bottom: 1px; }
.decision ul { margin: 0 0 3px; padding: 0; list-style: none; display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); column-gap: 12px; }
.decision li { font-size: 10.5px; padding-left: 10px; position: relative; margin-bottom: 1px; }
.decision li::before { content: ""; position: absolute; left: 0; top: 5px; width: 5px; height: 5px; border-radius: 50%; background: #95A5A6; }
.decision li.decisive { font-weight: 700; }
.decision li.decisive::before { background: var(--tone); }
.decision .pivots { font-size: 10px; color: #34495E; border-top: 1px dashed #D5DBDF; padding-top: 3px; }
.kpis { display: grid; grid-template-columns: 1.15fr 1fr 1fr 1fr; gap: 6px; }
.kpi { border: 1px solid #D5DBDF; border-top: 3px solid ${navy}; padding: 4px 7px 5px; }
.kpi.headline { border-top-color: ${semanticColors.bad}; background: #FBFCFC; }
.kpi .label { font-size: 10px; color: #5D6D7E; font-weight: 600; }
.kpi .value { font-size: 24px; font-weight: 700; line-height: 1.15; color: ${navy}; font-variant-numeric: tabular-nums; white-space: nowrap; }
.kpi.headline .value { font-size: 27px; }
.kpi .value.bad { color: ${semanticColors.bad}; }
.kpi .value.good { color: ${semanticColors.good}; }
.kpi .detail { font-size: 9.5px; color: #5D6D7E; }
.claims { display: grid; grid-template-columns: 1.25fr 1fr; gap: 6px; }
.claim { border-left: 3px solid ${navy}; background: #F4F6F7; padding: 4px 8px; font-size: 10.5px; line-height: 1.35; }
.claim .plan { color: #7F8C8D; }
.claim .model { color: ${navy}; font-weight: 700; }
.row { display: grid; gap: 6px; }
.row.charts { grid-template-columns: 430px minmax(0, 1fr); }
.panel.chart.bridge, .panel.chart.drivers { padding: 4px 0 0; }
.panel.chart.bridge h2, .panel.chart.drivers h2 { margin: 0 8px; }
.row.mid { grid-template-columns: minmax(0, 1.12fr) minmax(0, 0.88fr); }
.row.low { grid-template-columns: 1.75fr 0.68fr 0.9fr; }
.panel { border: 1px solid #D5DBDF; padding: 5px 7px; min-width: 0; }
.panel.chart { padding: 0; overflow: hidden; }
.panel h2 { font-size: 12px; margin: 0 0 3px; color: ${navy}; font-weight: 700; line-height: 1.3; }
.panel h2 .key { float: right; margin-left: 6px; font-size: 9.5px; font-weight: 400; color: #5D6D7E; }
.panel h2 .key i { display: inline-block; width: 9px; height: 9px; margin: 0 3px 0 8px; vertical-align: -1px; }
.panel ul { margin: 0; padding: 0; list-style: none; }
.panel li { margin: 0 0 2.5px; padding-left: 10px; position: relative; }
.panel li::before { content: ""; position: absolute; left: 0; top: 4.5px; width: 5px; height: 5px; border-radius: 50%; background: var(--dot, #95A5A6); }
.note { font-size: 9.5px; color: #7F8C8D; }
.warn { color: ${semanticColors.bad}; font-weight: 600; }
.gates-list li { font-size: 10px; }
.audit li { font-size: 10.5px; }
.audit li.key { font-weight: 600; }
.tier { display: grid; grid-template-columns: 8px minmax(0, 1fr); gap: 5px; margin-bottom: 4px; align-items: stretch; }
.tier .chip { border-radius: 2px; }
.tier .name { font-weight: 700; font-size: 10.5px; }
.tier .figs { font-size: 10px; }
.tier .what { font-size: 9px; line-height: 1.3; color: #7F8C8D; }
.timing .bar { display: grid; grid-template-columns: 32px minmax(0, 1fr) 32px; gap: 4px; align-items: center; margin-bottom: 5px; font-size: 10px; }
.timing .track { background: #F2F4F4; height: 13px; }
.timing .fill { height: 13px; background: #AAB7B8; }
.timing .bar.golden .fill { background: ${semanticColors.good}; }
.timing .bar.golden { font-weight: 700; }
.stoploss li { font-size: 10.5px; margin-bottom: 4px; }
.foot { margin-top: auto; border-top: 1px solid #D5DBDF; padding-top: 3px; font-size: 8.5px; color: #7F8C8D; line-height: 1.4; }
.foot .hash { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 7.5px; }
`;
