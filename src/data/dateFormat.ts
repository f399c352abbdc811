/** Tokens of a date format, longest first (so "YYYY" wins over "YY" and "MM" over "M"). */
const TOKENS = ["YYYY", "MM", "DD", "HH", "mm", "ss", "M", "D", "H"] as const;
type Token = (typeof TOKENS)[number];

const PATTERN: Record<Token, string> = {
  YYYY: "(\\d{4})",
  MM: "(\\d{2})",
  DD: "(\\d{2})",
  HH: "(\\d{2})",
  mm: "(\\d{2})",
  ss: "(\\d{2})",
  M: "(\\d{1,2})",
  D: "(\\d{1,2})",
  H: "(\\d{1,2})",
};

/** A compiled date format: reads a cell as `YYYY-MM-DD`, or says why it cannot. */
export type DateReader = (text: string) => { iso: string } | { error: string };

/**
 * Compiles a date format such as `YYYY/M/D`, `YYYY年M月D日`, `YYYYMMDD` or
 * `YYYY-MM-DD HH:mm` into a reader of cells. Tokens: `YYYY` year, `MM`/`M`
 * month (two digits / one or two), `DD`/`D` day, `HH`/`H` hour, `mm`
 * minutes, `ss` seconds; anything else is literal text. A format must hold
 * YYYY, a month and a day exactly once; a time part is checked (hour 0-23,
 * minutes and seconds 0-59) and dropped: churnlab's tables hold days. The
 * reader only rewrites the text as `YYYY-MM-DD`; whether the day exists
 * (`2024-02-30`) is the table schema's rule.
 *
 * @param format the export's date format.
 * @throws RangeError naming the problem when the format lacks or repeats a part.
 * @example
 * compileDateFormat("YYYY/M/D")("2024/3/5"); // { iso: "2024-03-05" }
 * compileDateFormat("YYYY年M月D日")("2024年13月5日"); // { iso: "2024-13-05" } (the schema then refuses month 13)
 * compileDateFormat("YYYYMMDD")("2024-03-05"); // { error: "must be a date written YYYYMMDD" }
 */
export function compileDateFormat(format: string): DateReader {
  const order: Token[] = [];
  let source = "^";
  for (let i = 0; i < format.length; ) {
    const token = TOKENS.find((t) => format.startsWith(t, i));
    if (token === undefined) {
      source += (format[i] as string).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      i += 1;
    } else {
      order.push(token);
      source += PATTERN[token];
      i += token.length;
    }
  }
  const count = (...names: Token[]): number => order.filter((t) => names.includes(t)).length;
  const parts: Array<[string, Token[]]> = [
    ["year (YYYY)", ["YYYY"]],
    ["month (MM or M)", ["MM", "M"]],
    ["day (DD or D)", ["DD", "D"]],
  ];
  for (const [what, names] of parts) {
    if (count(...names) !== 1) throw new RangeError(`date format "${format}" must contain the ${what} exactly once`);
  }
  if (count("HH", "H") > 1 || count("mm") > 1 || count("ss") > 1) throw new RangeError(`date format "${format}" repeats a part of the time`);
  const regex = new RegExp(`${source}$`);
  const at = (names: Token[]): number => order.findIndex((t) => names.includes(t));
  const [year, month, day, hour, minute, second] = [at(["YYYY"]), at(["MM", "M"]), at(["DD", "D"]), at(["HH", "H"]), at(["mm"]), at(["ss"])];
  return (text) => {
    const m = regex.exec(text);
    if (m === null) return { error: `must be a date written ${format}` };
    const part = (k: number): number => (k < 0 ? 0 : Number(m[k + 1]));
    if (part(hour) > 23 || part(minute) > 59 || part(second) > 59) return { error: `has a time of day out of range (format ${format})` };
    const pad = (n: number): string => String(n).padStart(2, "0");
    return { iso: `${m[year + 1]}-${pad(part(month))}-${pad(part(day))}` };
  };
}
