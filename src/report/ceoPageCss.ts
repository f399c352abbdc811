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
.sheet { width: 210mm; height: 296.5mm; padding: 7mm 9mm 5mm 9mm; background: #FFFFFF; display: flex; flex-direction: column; gap: 8px; }
.head { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 2.5px solid ${navy}; padding-bottom: 4px; }
.head h1 { font-size: 17.5px; line-height: 1.2; margin: 0; color: ${navy}; font-weight: 700; letter-spacing: 0.2px; }
.head .sub { font-size: 10px; color: #5D6D7E; margin-top: 2px; }
.head .badge { font-size: 10px; color: #FFFFFF; background: ${navy}; padding: 2px 8px; border-radius: 3px; white-space: nowrap; }
.message { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 6px; }
.message div { background: #EAF1F8; border-left: 3px solid ${navy}; padding: 5px 7px; font-size: 10.5px; font-weight: 600; color: ${navy}; line-height: 1.3; }
.message div.return { background: #FDF2E9; border-left-color: ${semanticColors.bad}; color: #7B241C; }
.kpis { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 6px; }
.kpi { border: 1px solid #D5DBDF; border-top: 3px solid ${navy}; padding: 4px 7px 5px; }
.kpi .label { font-size: 10px; color: #5D6D7E; }
.kpi .value { font-size: 26px; font-weight: 700; line-height: 1.15; color: ${navy}; font-variant-numeric: tabular-nums; }
.kpi .value.bad { color: ${semanticColors.bad}; }
.kpi .value.good { color: ${semanticColors.good}; }
.kpi .detail { font-size: 9.5px; color: #5D6D7E; }
.bottom { background: #F4F6F7; border: 1px solid #D5DBDF; border-left: 4px solid ${navy}; padding: 5px 8px; font-size: 10.5px; line-height: 1.45; }
.bottom b { color: ${navy}; }
.row { display: grid; gap: 6px; }
.row.charts { grid-template-columns: 394px minmax(0, 1fr); }
.row.mid { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
.row.low { grid-template-columns: 1.4fr 0.8fr 1fr; }
.panel { border: 1px solid #D5DBDF; padding: 5px 7px; min-width: 0; }
.panel.chart { padding: 0; overflow: hidden; }
.panel h2 { font-size: 12px; margin: 0 0 3px; color: ${navy}; font-weight: 700; }
.panel h2 .key { float: right; font-size: 9.5px; font-weight: 400; color: #5D6D7E; }
.panel h2 .key i { display: inline-block; width: 9px; height: 9px; margin: 0 3px 0 8px; vertical-align: -1px; }
.panel ul { margin: 0; padding: 0; list-style: none; }
.panel li { margin: 0 0 2.5px; padding-left: 10px; position: relative; }
.panel li::before { content: ""; position: absolute; left: 0; top: 4.5px; width: 5px; height: 5px; border-radius: 50%; background: var(--dot, #95A5A6); }
.note { font-size: 9.5px; color: #7F8C8D; }
.warn { color: ${semanticColors.bad}; font-weight: 600; }
.gates-list li { font-size: 10px; }
.audit li { font-size: 10.5px; }
.audit li.key { font-weight: 600; }
.tier { display: grid; grid-template-columns: 8px minmax(0, 1fr); gap: 5px; margin-bottom: 5px; align-items: stretch; }
.tier .chip { border-radius: 2px; }
.tier .name { font-weight: 700; font-size: 10.5px; }
.tier .figs { font-size: 10px; }
.tier .what { font-size: 9px; color: #7F8C8D; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.timing .bar { display: grid; grid-template-columns: 32px minmax(0, 1fr) 32px; gap: 4px; align-items: center; margin-bottom: 5px; font-size: 10px; }
.timing .track { background: #F2F4F4; height: 13px; }
.timing .fill { height: 13px; background: #AAB7B8; }
.timing .bar.golden .fill { background: ${semanticColors.good}; }
.timing .bar.golden { font-weight: 700; }
.stoploss li { font-size: 10.5px; margin-bottom: 4px; }
.foot { margin-top: auto; border-top: 1px solid #D5DBDF; padding-top: 3px; font-size: 8.5px; color: #7F8C8D; line-height: 1.4; }
.foot .hash { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 7.5px; }
`;
