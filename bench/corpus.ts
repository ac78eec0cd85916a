import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type MetricId, seededRandom } from "@zw/core";
// The demo articles are data inside the cli package, which exports no such entry.
import { DEMO_FEEDS } from "../services/cli/src/demo/demo-articles";

/**
 * Benchmark texts: the seed articles, the demo articles, and generated German and English war
 * reporting (figures of every kind, named sources, regions, dates) mixed with distractor paragraphs
 * full of numbers that are not figures (scores, prices, years, calibres, other armies). Generation is
 * seeded, so every run reads the same corpus.
 */

export type Lang = "de" | "en";

export interface BenchArticle {
  id: string;
  lang: Lang;
  title: string;
  text: string;
  /** YYYY-MM-DD */
  date: string;
  /** new: a figure that moves an estimate; repeat: a figure already reported; none: no figure. */
  figures: "new" | "repeat" | "none";
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const between = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

function shuffle<T>(rng: Rng, items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const WORDS: Record<Lang, Record<number, string>> = {
  en: {
    500: "five hundred",
    1000: "one thousand",
    2000: "two thousand",
    3000: "three thousand",
    12000: "twelve thousand",
  },
  de: {
    500: "fünfhundert",
    1000: "tausend",
    2000: "zweitausend",
    3000: "dreitausend",
    12000: "zwölftausend",
  },
};

/** A count as reporters write it: grouped digits, plain digits, millions, now and then in words. */
export function formatCount(rng: Rng, lang: Lang, value: number): string {
  const word = WORDS[lang][value];
  if (word && rng() < 0.5) return word;
  if (value >= 1_000_000 && value % 100_000 === 0) {
    const millions = value / 1_000_000;
    const digits = lang === "de" ? String(millions).replace(".", ",") : String(millions);
    return lang === "de" ? `${digits} ${millions === 1 ? "Million" : "Millionen"}` : `${digits} million`;
  }
  const style = rng();
  if (value < 10_000 && style < 0.3) return String(value);
  const grouped = value.toLocaleString("en-US");
  if (lang === "en") return grouped;
  return style < 0.85 ? grouped.replace(/,/g, ".") : grouped.replace(/,/g, " ");
}

interface Source {
  en: string;
  de: string;
}

const SOURCES: Source[] = [
  { en: "South Korea's National Intelligence Service (NIS)", de: "der südkoreanische Geheimdienst NIS" },
  { en: "Seoul's Joint Chiefs of Staff", de: "der südkoreanische Generalstab" },
  { en: "Ukraine's military intelligence agency HUR", de: "der ukrainische Militärgeheimdienst HUR" },
  { en: "Ukrainian President Volodymyr Zelensky", de: "der ukrainische Präsident Wolodymyr Selenskyj" },
  { en: "the Pentagon", de: "das US-Verteidigungsministerium" },
  { en: "British Defence Intelligence", de: "der britische Militärgeheimdienst" },
  { en: "NATO Secretary General Mark Rutte", de: "Nato-Generalsekretär Mark Rutte" },
  { en: "Western officials", de: "westliche Regierungsvertreter" },
];

const REGIONS: Source[] = [
  { en: "Kursk", de: "Kursk" },
  { en: "Belgorod", de: "Belgorod" },
  { en: "Donetsk", de: "Donezk" },
];

const WEEKDAYS: Record<Lang, string[]> = {
  en: ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "at the weekend"],
  de: ["am Montag", "am Dienstag", "am Mittwoch", "am Donnerstag", "am Freitag", "am Wochenende"],
};

/** One figure sentence: `n` formatted, `src` the source, `where` a region. */
type FigureTemplate = (n: string, src: string, where: string, when: string) => string;

interface FigureKind {
  metric: MetricId;
  start: number;
  /** Figures are rounded to this. */
  step: number;
  en: FigureTemplate[];
  de: FigureTemplate[];
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const FIGURE_KINDS: FigureKind[] = [
  {
    metric: "troops_deployed_total",
    start: 11_000,
    step: 500,
    en: [
      (n, src, _w, when) => `${cap(src)} said ${when} that North Korea has sent about ${n} troops to Russia.`,
      (n, src) => `North Korea has deployed some ${n} soldiers to Russia in total, according to ${src}.`,
      (n, src) =>
        `In all, around ${n} North Korean troops have been dispatched to Russia since October, ${src} said.`,
    ],
    de: [
      (n, src, _w, when) =>
        `Nordkorea hat nach Angaben von ${src} ${when} insgesamt rund ${n} Soldaten nach Russland entsandt.`,
      (n, src) =>
        `${cap(src)} schätzt, dass bislang etwa ${n} nordkoreanische Soldaten nach Russland geschickt wurden.`,
    ],
  },
  {
    metric: "troops_in_region",
    start: 10_000,
    step: 500,
    en: [
      (n, src, where) =>
        `About ${n} North Korean soldiers are now stationed in the ${where} region, ${src} said.`,
      (n, src, where) =>
        `${cap(src)} estimated that up to ${n} North Korean troops are fighting in ${where}.`,
    ],
    de: [
      (n, src, where) =>
        `Rund ${n} nordkoreanische Soldaten sind laut ${src} in der Region ${where} im Einsatz.`,
      (n, src, where) =>
        `In ${where} seien inzwischen bis zu ${n} Soldaten aus Nordkorea stationiert, sagte ${src}.`,
    ],
  },
  {
    metric: "casualties_total",
    start: 4_000,
    step: 100,
    en: [
      (n, src, where) =>
        `Some ${n} North Korean soldiers have been killed or wounded in ${where}, ${src} said.`,
      (n, src) => `North Korean casualties have reached about ${n}, ${src} told reporters.`,
    ],
    de: [
      (n, src, where) =>
        `Etwa ${n} nordkoreanische Soldaten seien in ${where} getötet oder verwundet worden, teilte ${src} mit.`,
      (n, src) => `Die Verluste der nordkoreanischen Truppen belaufen sich laut ${src} auf rund ${n} Mann.`,
    ],
  },
  {
    metric: "killed",
    start: 1_000,
    step: 50,
    en: [
      (n, src) => `At least ${n} North Korean soldiers have been killed, ${src} said.`,
      (n, src, where) => `${cap(src)} said about ${n} North Korean troops died in the fighting in ${where}.`,
    ],
    de: [
      (n, src) => `Mindestens ${n} nordkoreanische Soldaten seien gefallen, sagte ${src}.`,
      (n, src, where) =>
        `In ${where} wurden nach Angaben von ${src} rund ${n} Soldaten aus Nordkorea getötet.`,
    ],
  },
  {
    metric: "shells_delivered",
    start: 3_000_000,
    step: 100_000,
    en: [
      (n, src) => `North Korea has supplied Russia with more than ${n} artillery shells, ${src} said.`,
      (n, src, _w, when) =>
        `${cap(src)} said ${when} that Pyongyang had shipped some ${n} rounds of artillery ammunition.`,
    ],
    de: [
      (n, src) => `Nordkorea hat Russland laut ${src} mehr als ${n} Artilleriegeschosse geliefert.`,
      (n, src) => `Pjöngjang habe bislang rund ${n} Granaten an Moskau übergeben, erklärte ${src}.`,
    ],
  },
  {
    metric: "howitzers_delivered",
    start: 120,
    step: 10,
    en: [(n, src) => `Pyongyang has also sent about ${n} self-propelled howitzers to Russia, ${src} said.`],
    de: [(n, src) => `Außerdem habe Nordkorea rund ${n} Panzerhaubitzen an Russland geliefert, so ${src}.`],
  },
];

/** Sentences about the story that carry no figure: they keep an article on topic. */
const CONTEXT: Record<Lang, string[]> = {
  en: [
    "The deployment is the first time North Korea has joined a large-scale war since the Korean War ended in 1953.",
    "Analysts say Pyongyang receives oil, food and military technology from Moscow in return.",
    "North Korean leader Kim Jong Un inspected a drone factory on Tuesday, state media KCNA reported.",
    "The Kremlin has neither confirmed nor denied the presence of North Korean troops on its soil.",
    "Seoul has warned that the cooperation could help Pyongyang advance its missile programme.",
    "The soldiers were reportedly issued Russian uniforms and identity papers from the Far East.",
    "Ukrainian officials said the troops had adapted their tactics after heavy losses in the winter.",
    "North Korea and Russia signed a mutual defence treaty in June 2024.",
  ],
  de: [
    "Es ist der erste Einsatz nordkoreanischer Truppen in einem großen Krieg seit dem Ende des Koreakriegs 1953.",
    "Pjöngjang erhält nach Einschätzung von Experten im Gegenzug Öl, Lebensmittel und Militärtechnik aus Moskau.",
    "Machthaber Kim Jong Un besuchte am Dienstag eine Drohnenfabrik, wie die Staatsagentur KCNA meldete.",
    "Der Kreml hat die Anwesenheit nordkoreanischer Soldaten lange weder bestätigt noch dementiert.",
    "Seoul befürchtet, dass Nordkorea im Gegenzug Hilfe für sein Raketenprogramm bekommt.",
    "Die Soldaten sollen russische Uniformen und Ausweise aus dem Fernen Osten erhalten haben.",
    "Nach ukrainischen Angaben haben die Truppen ihre Taktik nach hohen Verlusten im Winter angepasst.",
    "Nordkorea und Russland hatten im Juni 2024 einen Vertrag über gegenseitigen Beistand unterzeichnet.",
  ],
};

/** Paragraphs full of numbers that are not figures: the noise a news page carries. */
const DISTRACTORS: Record<Lang, ((rng: Rng) => string)[]> = {
  en: [
    (r) =>
      `In Kharkiv, ${between(r, 2, 40)} civilians were injured in a drone attack overnight, and ${between(r, 100, 900)} Ukrainian soldiers completed training in Poland.`,
    (r) =>
      `The S&P 500 closed ${between(r, 1, 30) / 10} percent higher at ${formatCount(r, "en", between(r, 4800, 6100))} points, while oil rose to $${between(r, 60, 95)} a barrel.`,
    (r) =>
      `Arsenal beat Chelsea ${between(r, 1, 4)}-${between(r, 0, 3)} in front of ${formatCount(r, "en", between(r, 40, 62) * 1000)} fans on Saturday.`,
    (r) =>
      `The 170-mm Koksan guns first appeared in ${between(r, 1978, 1989)}; each weighs about ${between(r, 30, 46)} tonnes.`,
    (r) =>
      `Russia says it has recruited ${formatCount(r, "en", between(r, 20, 45) * 10_000)} contract soldiers of its own this year, paying up to ${formatCount(r, "en", between(r, 20, 40) * 100_000)} roubles.`,
    (r) =>
      `Read more: ${between(r, 5, 12)} things to know about the war, page ${between(r, 1, 4)} of ${between(r, 4, 9)}. Subscribe for $${between(r, 1, 9)}.99 a month.`,
  ],
  de: [
    (r) =>
      `In Charkiw wurden bei einem nächtlichen Drohnenangriff ${between(r, 2, 40)} Zivilisten verletzt; ${between(r, 100, 900)} ukrainische Soldaten beendeten ihre Ausbildung in Polen.`,
    (r) =>
      `Der Dax schloss ${between(r, 1, 30) / 10} Prozent höher bei ${formatCount(r, "de", between(r, 18_000, 23_000))} Punkten, ein Barrel Öl kostete ${between(r, 60, 95)} Dollar.`,
    (r) =>
      `Der FC Bayern gewann am Samstag vor ${formatCount(r, "de", between(r, 60, 75) * 1000)} Zuschauern mit ${between(r, 1, 4)}:${between(r, 0, 3)} gegen Leipzig.`,
    (r) =>
      `Die 170-Millimeter-Kanonen vom Typ Koksan stammen aus dem Jahr ${between(r, 1978, 1989)} und wiegen jeweils rund ${between(r, 30, 46)} Tonnen.`,
    (r) =>
      `Russland hat nach eigenen Angaben in diesem Jahr ${formatCount(r, "de", between(r, 20, 45) * 10_000)} Vertragssoldaten angeworben und zahlt bis zu ${formatCount(r, "de", between(r, 20, 40) * 100_000)} Rubel.`,
    (r) =>
      `Lesen Sie auch: ${between(r, 5, 12)} Fragen zum Krieg, Seite ${between(r, 1, 4)} von ${between(r, 4, 9)}. Jetzt ${between(r, 3, 6)} Monate für 1 Euro testen.`,
  ],
};

const TITLES: Record<Lang, string[]> = {
  en: [
    "North Korean troops in Russia: what we know",
    "Pyongyang deepens military ties with Moscow",
    "Kursk offensive: North Korean losses mount",
    "Spy agency updates its estimate of North Korea's deployment",
    "Markets, sport and the war: the day in brief",
  ],
  de: [
    "Nordkoreanische Soldaten in Russland: Was bekannt ist",
    "Pjöngjang vertieft die Militärhilfe für Moskau",
    "Kursk: Hohe Verluste unter Nordkoreas Soldaten",
    "Geheimdienst korrigiert Zahl der nordkoreanischen Truppen",
    "Börse, Sport und Krieg: Der Tag im Überblick",
  ],
};

/**
 * The current figure of each metric and who reports it. A new figure moves the value, mostly as an
 * update from the same source, sometimes from another (a likely conflict); a repeat restates both,
 * as reprints do.
 */
class FigureWalk {
  private readonly current = new Map<MetricId, { value: number; source: Source }>(
    FIGURE_KINDS.map((k, i) => [k.metric, { value: k.start, source: SOURCES[i % SOURCES.length]! }]),
  );

  constructor(private readonly rng: Rng) {}

  sentence(lang: Lang, kind: FigureKind, move: boolean, when: string): string {
    let { value, source } = this.current.get(kind.metric)!;
    if (move) {
      // Up or down by 12-40 %: every new figure is worth an alert. Mostly up while the value is
      // below twice its start, mostly down above it, so it stays in a plausible range.
      const up = this.rng() < (value < 2 * kind.start ? 0.8 : 0.2);
      const factor = up ? 1.12 + this.rng() * 0.28 : 1 / (1.12 + this.rng() * 0.28);
      value = Math.max(kind.step, Math.round((value * factor) / kind.step) * kind.step);
      if (this.rng() < 0.3) source = pick(this.rng, SOURCES);
      this.current.set(kind.metric, { value, source });
    }
    const template = pick(this.rng, kind[lang]);
    return template(formatCount(this.rng, lang, value), source[lang], pick(this.rng, REGIONS)[lang], when);
  }
}

export interface GenerateOptions {
  seed?: number;
  /** Share of articles with a figure that moves an estimate (default 0.05). */
  newShare?: number;
  /** Share of articles restating a figure already reported (default 0.1). */
  repeatShare?: number;
  /** Paragraphs per article, inclusive (default 2 to 5). */
  paragraphs?: [number, number];
  /** First article date; the articles span a year from it. */
  startDate?: string;
}

/** `count` varied articles about the story, half German, half English, dated over a year. */
export function generateArticles(count: number, options: GenerateOptions = {}): BenchArticle[] {
  const rng = seededRandom(options.seed ?? 1);
  const walk = new FigureWalk(rng);
  const newShare = options.newShare ?? 0.05;
  const repeatShare = options.repeatShare ?? 0.1;
  const [minParagraphs, maxParagraphs] = options.paragraphs ?? [2, 5];
  const start = Date.parse(options.startDate ?? "2025-04-01");
  const articles: BenchArticle[] = [];
  for (let i = 0; i < count; i++) {
    const lang: Lang = rng() < 0.5 ? "de" : "en";
    const roll = rng();
    const figures = roll < newShare ? "new" : roll < newShare + repeatShare ? "repeat" : "none";
    const when = pick(rng, WEEKDAYS[lang]);
    const context = shuffle(rng, CONTEXT[lang]);
    const paragraphs: string[] = [];
    const size = between(rng, minParagraphs, maxParagraphs);
    for (let p = 0; p < size; p++) {
      const sentences = context.slice((p * 2) % context.length, ((p * 2) % context.length) + 2);
      if (p > 0 && rng() < 0.5) sentences.push(pick(rng, DISTRACTORS[lang])(rng));
      paragraphs.push(sentences.join(" "));
    }
    if (figures !== "none") {
      const kind = pick(rng, FIGURE_KINDS);
      paragraphs[0] = `${walk.sentence(lang, kind, figures === "new", when)} ${paragraphs[0]}`;
    }
    const date = new Date(start + Math.floor((i / count) * 365) * 86_400_000).toISOString().slice(0, 10);
    const title = pick(rng, TITLES[lang]);
    articles.push({ id: `gen-${i}`, lang, title, text: paragraphs.join("\n\n"), date, figures });
  }
  return articles;
}

const SEEDS_DIR = fileURLToPath(new URL("../seeds", import.meta.url));

/** The five German seed articles as they are. */
export function seedArticles(): BenchArticle[] {
  const meta = JSON.parse(readFileSync(`${SEEDS_DIR}/seeds.json`, "utf8")) as {
    file?: string;
    date?: string | null;
  }[];
  const dates = new Map(meta.map((m) => [m.file, m.date]));
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((file) => ({
      id: `seed-${file}`,
      lang: "de" as const,
      title: file,
      text: readFileSync(`${SEEDS_DIR}/${file}`, "utf8"),
      date: (dates.get(file) ?? "2025-01-01").slice(0, 10),
      figures: "new" as const,
    }));
}

/** The demo's later articles (German and English), paragraphs joined. */
export function demoArticles(): BenchArticle[] {
  return DEMO_FEEDS.flatMap((feed) =>
    feed.articles.map((a) => ({
      id: `demo-${a.path}`,
      lang: feed.lang,
      title: a.title,
      text: a.paragraphs.join("\n\n"),
      date: a.publishedAt.slice(0, 10),
      figures: "new" as const,
    })),
  );
}

/**
 * A seed or demo article rewritten: its sentences in another order and every digit group replaced
 * by another of the same length, so the numbers move but keep their notation.
 */
export function permuteArticle(article: BenchArticle, rng: Rng, index: number): BenchArticle {
  const sentences = article.text.split(/(?<=[.!?])\s+/);
  const head = sentences.slice(0, 2);
  const text = [...head, ...shuffle(rng, sentences.slice(2))]
    .join(" ")
    .replace(/\d+/g, (digits) =>
      digits.length === 4 && /^(19|20)/.test(digits)
        ? digits
        : String(between(rng, 10 ** (digits.length - 1), 10 ** digits.length - 1)),
    );
  return { ...article, id: `${article.id}-perm-${index}`, text };
}

/**
 * At least `minBytes` of text (UTF-8): seeds, demo articles, permuted copies of both, and generated
 * articles with more figures than the pipeline's (a third carry one), in a fixed shuffled order.
 */
export function extractionCorpus(minBytes: number, seed = 7): BenchArticle[] {
  const rng = seededRandom(seed);
  const originals = [...seedArticles(), ...demoArticles()];
  const articles = [...originals];
  let bytes = articles.reduce((sum, a) => sum + Buffer.byteLength(a.text), 0);
  let batch = 0;
  while (bytes < minBytes) {
    const generated = generateArticles(200, {
      seed: seed * 1000 + batch,
      newShare: 0.2,
      repeatShare: 0.15,
      paragraphs: [2, 8],
    });
    const permuted = originals.map((a, i) => permuteArticle(a, rng, batch * originals.length + i));
    for (const a of [...generated.map((g) => ({ ...g, id: `${g.id}-b${batch}` })), ...permuted]) {
      articles.push(a);
      bytes += Buffer.byteLength(a.text);
    }
    batch++;
  }
  return shuffle(rng, articles);
}
