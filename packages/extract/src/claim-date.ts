const MONTHS: Record<string, number> = {
  januar: 1,
  jänner: 1,
  january: 1,
  jan: 1,
  februar: 2,
  february: 2,
  feb: 2,
  märz: 3,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mai: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  dezember: 12,
  december: 12,
  dez: 12,
  dec: 12,
};
const WEEKDAYS: Record<string, number> = {
  sonntag: 0,
  sunday: 0,
  montag: 1,
  monday: 1,
  dienstag: 2,
  tuesday: 2,
  mittwoch: 3,
  wednesday: 3,
  donnerstag: 4,
  thursday: 4,
  freitag: 5,
  friday: 5,
  samstag: 6,
  sonnabend: 6,
  saturday: 6,
};

const MONTH =
  "(januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|january|february|march|may|june|july|october|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dez|dec)\\.?";
const YEAR = "(?:,?\\s+((?:19|20)\\d{2}))?";
// Without the u flag, which makes V8 run this several times slower: "a letter after the month"
// is spelled out as the Latin, Greek and Cyrillic ranges.
const DATE = new RegExp(
  [
    `\\b((?:19|20)\\d{2})-(\\d{2})-(\\d{2})\\b`,
    `\\b(\\d{1,2})\\.(\\d{1,2})\\.((?:19|20)?\\d{2})\\b`,
    `\\b(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s+${MONTH}${YEAR}(?![A-Za-z\\u00C0-\\u024F\\u0370-\\u04FF])`,
    `\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b${YEAR}`,
    `\\b(sonntag|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sunday|monday|tuesday|wednesday|thursday|friday|saturday)(?:abend|morgen|nachmittag|vormittag)?\\b`,
  ].join("|"),
  "gi",
);
/** A date after these words is not when the claim was made ("seit dem 5. November"). */
const NOT_A_CLAIM_DATE = /\b(?:seit|bis|ab|vor|since|until|before|by|from|through)\s+(?:dem\s+|the\s+)?$/i;

/**
 * The date a sentence gives for its claim ("sagte am Sonntag", "on Nov. 5", "am 5. November"), as
 * YYYY-MM-DD; a weekday or a date without a year needs the article's date to place it.
 */
export function claimDate(text: string, from: number, to: number, articleDate: string | null): string | null {
  const article = articleDate ? new Date(`${articleDate}T00:00:00Z`) : null;
  const sentence = text.slice(from, to);
  DATE.lastIndex = 0;
  for (let m = DATE.exec(sentence); m; m = DATE.exec(sentence)) {
    if (NOT_A_CLAIM_DATE.test(sentence.slice(Math.max(0, m.index - 12), m.index))) continue;
    const date = toDate(m, article);
    if (date) return date;
  }
  return null;
}

function toDate(m: RegExpExecArray, article: Date | null): string | null {
  const g = m.slice(1);
  if (g[0]) return ymd(Number(g[0]), Number(g[1]), Number(g[2]));
  if (g[3]) {
    const y = g[5]!.length === 2 ? 2000 + Number(g[5]) : Number(g[5]);
    return ymd(y, Number(g[4]), Number(g[3]));
  }
  // Months are capitalised in both languages; "30 may have died" is no date.
  if (g[6]) return isName(g[7]!) ? withYear(Number(g[6]), MONTHS[g[7]!.toLowerCase()]!, g[8], article) : null;
  if (g[9]) return isName(g[9]) ? withYear(Number(g[10]), MONTHS[g[9].toLowerCase()]!, g[11], article) : null;
  if (g[12] && article) {
    const weekday = WEEKDAYS[g[12].toLowerCase()]!;
    const back = (article.getUTCDay() - weekday + 7) % 7;
    return new Date(article.getTime() - back * 86_400_000).toISOString().slice(0, 10);
  }
  return null;
}

function isName(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** A day and month, in the year that puts it on or before the article's date. */
function withYear(day: number, month: number, year: string | undefined, article: Date | null): string | null {
  if (year) return ymd(Number(year), month, day);
  if (!article) return null;
  const y = article.getUTCFullYear();
  const date = ymd(y, month, day);
  return date && date > article.toISOString().slice(0, 10) ? ymd(y - 1, month, day) : date;
}

function ymd(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return date.toISOString().slice(0, 10);
}
