// Fabricates data/examples/dms-export-zh/: a dealer group's exports as they often arrive, with
// Chinese headers, their own codes, date formats, units and encodings, from a synthetic population
// (every person, vehicle and order in it is invented). Run: npx tsx scripts/make-dms-example.ts
//
//   crm_customers.csv      CRM customers, UTF-8 with BOM (Excel "CSV UTF-8"), distance in metres,
//                          price sensitivity in percent, vehicle age in months, churn date (流失日期)
//   dms_repair_orders.csv  DMS repair orders, GB18030, "YYYY/MM/DD HH:mm", 1,234.00 amounts, minutes
//   crm_surveys.csv        CRM satisfaction follow-ups, GB18030, "YYYY年M月D日", 是/否
//   app_weekly.csv         app analytics, UTF-8, a title line above the header, YYYYMMDD weeks
import * as fs from "node:fs";
import * as path from "node:path";
import { dayToIso } from "../src/data/dates";
import { synthesize } from "../src/data/synthesize";
import { csvField } from "../src/data/writeCsv";
import { createStream } from "../src/random/createStream";
import { encodeGb18030 } from "./encodeGb18030";

const customers = Number(process.argv[2] ?? 1200);
const seed = 15;
const out = path.join(__dirname, "..", "data", "examples", "dms-export-zh");

const cityZh: Record<string, string> = {
  Shanghai: "上海",
  Hangzhou: "杭州",
  Nanjing: "南京",
  Suzhou: "苏州",
  Ningbo: "宁波",
  Hefei: "合肥",
  Wuxi: "无锡",
  Changzhou: "常州",
};
const segmentZh: Record<string, string> = { economy: "经济型", midsize: "中级", premium: "豪华型" };
const visitZh: Record<string, string> = { maintenance: "保养", repair: "一般维修", warranty: "索赔", accident: "事故车" };
const complaintZh: Record<string, string> = {
  waiting_time: "等待时间长",
  price: "价格",
  repair_quality: "维修质量",
  staff: "服务态度",
  parts_availability: "配件缺货",
  distance: "距离远",
};

const memberId = (id: string): string => id.replace(/^C/, "HY");
const slash = (day: number): string => dayToIso(day).replace(/-/g, "/");
const unpadded = (day: number, sep: [string, string, string]): string => {
  const [y, m, d] = dayToIso(day).split("-").map(Number) as [number, number, number];
  return `${y}${sep[0]}${m}${sep[1]}${d}${sep[2]}`;
};
const lines = (rows: string[][]): string => `${rows.map((r) => r.map(csvField).join(",")).join("\r\n")}\r\n`;
const write = (name: string, text: string, encoding: "utf-8-bom" | "utf-8" | "gb18030"): void => {
  const bytes = encoding === "gb18030" ? encodeGb18030(text) : Buffer.from(encoding === "utf-8-bom" ? `\uFEFF${text}` : text, "utf8");
  fs.writeFileSync(path.join(out, name), bytes);
  process.stdout.write(`${name}: ${(bytes.length / 1024).toFixed(0)} KB\n`);
};

const population = synthesize({ customers, seed });
const c = population.customers.columns;
const churn = population.truth.columns.churn_date;
const customerRows = [["会员编号", "城市", "所属门店", "到店距离(米)", "车型", "车辆级别", "购车日期", "车龄(月)", "价格敏感度", "客户状态", "流失日期"]];
for (let i = 0; i < population.customers.length; i++) {
  const lost = !Number.isNaN(churn[i] as number);
  customerRows.push([
    memberId(c.customer_id[i] as string),
    cityZh[c.city[i] as string] ?? (c.city[i] as string),
    c.outlet_id[i] as string,
    String(Math.round((c.distance_km[i] as number) * 1000)),
    c.vehicle_model[i] as string,
    segmentZh[c.segment[i] as string] as string,
    unpadded(c.purchase_date[i] as number, ["/", "/", ""]),
    String(Math.round((c.vehicle_age_years[i] as number) * 12)),
    `${((c.price_sensitivity[i] as number) * 100).toFixed(1)}%`,
    lost ? "流失" : "在册",
    lost ? dayToIso(churn[i] as number) : "",
  ]);
}
write("crm_customers.csv", lines(customerRows), "utf-8-bom");

const v = population.visits.columns;
const clock = createStream(seed, "example/clock");
const orderRows = [["工单号", "车架号", "会员编号", "进厂日期", "维修类型", "结算金额", "维修时长(分钟)", "服务站代码"]];
for (let r = 0; r < population.visits.length; r++) {
  const customer = Number((v.customer_id[r] as string).slice(1));
  const time = `${String(8 + Math.floor(clock() * 10)).padStart(2, "0")}:${String(Math.floor(clock() * 60)).padStart(2, "0")}`;
  orderRows.push([
    `RO${dayToIso(v.date[r] as number)
      .slice(0, 7)
      .replace("-", "")}${String(r + 1).padStart(6, "0")}`,
    `LSGFAKE${String(customer).padStart(10, "0")}`,
    memberId(v.customer_id[r] as string),
    `${slash(v.date[r] as number)} ${time}`,
    visitZh[v.type[r] as string] as string,
    (v.spend_yuan[r] as number).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    String(Math.round((v.wait_hours[r] as number) * 60)),
    v.outlet_id[r] as string,
  ]);
}
write("dms_repair_orders.csv", lines(orderRows), "gb18030");

const s = population.surveys.columns;
const surveyRows = [["会员编号", "回访日期", "满意度(0-10)", "是否投诉", "投诉类别"]];
for (let r = 0; r < population.surveys.length; r++) {
  surveyRows.push([
    memberId(s.customer_id[r] as string),
    unpadded(s.date[r] as number, ["年", "月", "日"]),
    String(s.score[r]),
    s.complaint[r] === 1 ? "是" : "否",
    complaintZh[s.complaint_category[r] as string] ?? "",
  ]);
}
write("crm_surveys.csv", lines(surveyRows), "gb18030");

const a = population.appActivity.columns;
const appRows = [["会员编号", "周起始日", "活跃天数", "核销优惠券数"]];
for (let r = 0; r < population.appActivity.length; r++) {
  appRows.push([
    memberId(a.customer_id[r] as string),
    dayToIso(a.week_start[r] as number).replace(/-/g, ""),
    String(a.active_days[r]),
    String(a.coupon_redemptions[r]),
  ]);
}
write("app_weekly.csv", `导出时间：${dayToIso(population.meta.endDay)} 08:00:00\r\n${lines(appRows)}`, "utf-8");
process.stdout.write(
  `history ${dayToIso(population.meta.startDay)} .. ${dayToIso(population.meta.endDay - 1)} (historyEnd ${dayToIso(population.meta.endDay)})\n`,
);
