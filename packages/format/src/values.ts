import {
  type Figure,
  type Lang,
  type MetricId,
  metricDefinition,
  QUALIFIERS,
  type SourceId,
  sourceDefinition,
} from "@zw/core";

const locales: Record<Lang, string> = { de: "de-DE", en: "en-GB" };

/** Intl formatters are costly to build: one per language and style, made on first use. */
function perLang<T>(make: (lang: Lang) => T): (lang: Lang) => T {
  const made = new Map<Lang, T>();
  return (lang) => {
    let value = made.get(lang);
    if (value === undefined) {
      value = make(lang);
      made.set(lang, value);
    }
    return value;
  };
}

const plain = perLang((lang) => new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 1 }));
const signed = perLang(
  (lang) => new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 1, signDisplay: "exceptZero" }),
);
const percent = perLang(
  (lang) =>
    new Intl.NumberFormat(locales[lang], {
      style: "percent",
      maximumFractionDigits: 1,
      signDisplay: "exceptZero",
    }),
);
const day = perLang(
  (lang) =>
    new Intl.DateTimeFormat(locales[lang], {
      day: lang === "de" ? "2-digit" : "numeric",
      month: lang === "de" ? "2-digit" : "short",
      year: "numeric",
      timeZone: "UTC",
    }),
);

export function formatNumber(value: number, lang: Lang): string {
  return plain(lang).format(value);
}

/** "+9,1 %" / "+9.1%": a relative change (0.091) with its sign. */
export function formatPercentChange(relative: number, lang: Lang): string {
  return percent(lang).format(relative);
}

export function formatSignedNumber(value: number, lang: Lang): string {
  return signed(lang).format(value);
}

/** "27.02.2025" / "27 Feb 2025"; the input unchanged when it is not a date. */
export function formatDate(date: string | null, lang: Lang): string | null {
  if (!date) return null;
  const parsed = new Date(date.length === 10 ? `${date}T00:00:00Z` : date);
  if (Number.isNaN(parsed.getTime())) return date;
  return day(lang).format(parsed);
}

export function metricLabel(metric: MetricId, lang: Lang): string {
  return metricDefinition(metric).label[lang];
}

export function sourceLabel(source: SourceId | null, lang: Lang): string {
  if (!source) return lang === "de" ? "ohne genannte Quelle" : "no source named";
  return sourceDefinition(source).label[lang];
}

export function qualifierLabel(qualifier: Figure["qualifier"], lang: Lang): string {
  return QUALIFIERS.find((q) => q.id === qualifier)?.label[lang] ?? "";
}

function withUnit(metric: MetricId, number: string, lang: Lang): string {
  return metric === "ammo_share_percent" ? (lang === "de" ? `${number} %` : `${number}%`) : number;
}

/**
 * A claim's value in words, as a reader would say it: "rund 11.000", "at least 3,000",
 * "zwischen 11.000 und 12.000", "up to 12,000", "50 %".
 */
export function formatValue(
  figure: Pick<Figure, "metric" | "min" | "max" | "qualifier">,
  lang: Lang,
): string {
  const { metric, min, max, qualifier } = figure;
  const n = (v: number) => withUnit(metric, formatNumber(v, lang), lang);
  if (qualifier === "range" && min !== null && max !== null && min !== max) {
    return lang === "de" ? `zwischen ${n(min)} und ${n(max)}` : `between ${n(min)} and ${n(max)}`;
  }
  const value = min ?? max;
  if (value === null) return "?";
  if (min !== null && max !== null && min !== max && qualifier === "exact") {
    return lang === "de" ? `${n(min)} bis ${n(max)}` : `${n(min)} to ${n(max)}`;
  }
  const shown =
    qualifier === "up_to" || qualifier === "at_most" || qualifier === "less_than" ? (max ?? value) : value;
  const word = qualifierLabel(qualifier, lang);
  return word ? `${word} ${n(shown)}` : n(shown);
}
