import {
  ANAPHORIC_SPEAKERS,
  type Figure,
  type Lang,
  LOSS_NOUNS,
  type MetricId,
  MODAL_PERFECT,
  type Modality,
  metricDefinition,
  NORTH_KOREA_MARKERS,
  NORTH_KOREA_NAMES,
  PLANNED_SENDING,
  PLAUSIBLE_MAX,
  PLAUSIBLE_MIN,
  type QualifierId,
  SHARE_ARTICLES,
  SHARE_NOUNS,
  type SourceId,
} from "@zw/core";
import { detectLanguage, findNumbers, findRanges, type NumberMatch, type RangeMatch } from "@zw/numbers";
import { type Attribution, findAttributions } from "./attribution";
import { claimDate } from "./claim-date";
import { type CueHit, isWordChar, TextCues } from "./cue-matcher";
import { markHistorical } from "./historical";
import {
  additionalAdverbs,
  anaphora,
  arrivals,
  capacity,
  clauseCues,
  combat,
  concessives,
  countNouns,
  cueIndex,
  deicticPlaces,
  deliveries,
  deliveryVerbs,
  denials,
  firing,
  type MetricCue,
  negations,
  northKorea,
  otherArmy,
  otherRecipients,
  projections,
  purposes,
  regions,
  vague,
  warContext,
} from "./lexicons";
import { normalizeText } from "./normalize-text";
import { headOf, type NumberPhrase, readNumberPhrase } from "./number-phrase";
import { type Sentence, splitSentences } from "./sentences";

export interface ExtractOptions {
  /** The article's language; detected from the text when missing. */
  lang?: Lang | null;
  /** The article's date (YYYY-MM-DD), the claim date when the text gives none. */
  date?: string | null;
}

/**
 * The figures of ../shared/spec/figures.md in an article's text: every number that counts North
 * Korean soldiers or North Korean deliveries to Russia, with what it counts (metric), how it is
 * hedged (qualifier, interval), who claims it (source), whether it is a report, a projection or a
 * denial, where and when. Pure: no I/O, same text, same figures.
 */
export function extractFigures(input: string, options: ExtractOptions = {}): Figure[] {
  const { text, toInput } = normalizeText(input);
  if (!mentionsNorthKorea(text)) return [];
  const lang = options.lang ?? detectLanguage(text);
  const article = new Article(text, lang, options.date ?? null);
  const numbers = withShares(text, findNumbers(text, { lang }));
  const rangeByMin = new Map<number, RangeMatch>();
  const rangeMaxima = new Set<number>();
  /** Earlier values a change is measured from ("rose from 11,000 to 15,000"): not today's figures. */
  const pastValues = new Set<number>();
  for (const r of findRanges(text, numbers, lang)) {
    if (!isCount(r.min) || !isCount(r.max) || r.min.kind !== r.max.kind) continue;
    if (CHANGE_VERB_BEFORE.test(text.slice(Math.max(0, r.start - 20), r.start))) {
      pastValues.add(r.min.start);
      continue;
    }
    rangeByMin.set(r.min.start, r);
    rangeMaxima.add(r.max.start);
  }
  const figures: Figure[] = [];
  let n = 0;
  for (let i = 0; i < article.sentences.length; i++) {
    const sentence = article.sentences[i]!;
    const inSentence: NumberMatch[] = [];
    while (n < numbers.length && numbers[n]!.start < sentence.end) {
      const number = numbers[n++]!;
      if (
        number.start >= sentence.start &&
        isCount(number) &&
        !rangeMaxima.has(number.start) &&
        !pastValues.has(number.start) &&
        !PAST_VALUE_BEFORE.test(text.slice(Math.max(sentence.start, number.start - 30), number.start))
      ) {
        inSentence.push(number);
      }
    }
    if (inSentence.length > 0) {
      for (const f of article.figuresOf(i, inSentence, rangeByMin)) {
        figures.push({ ...f, span: [toInput(f.span[0]), toInput(f.span[1])] });
      }
    }
  }
  return oncePerArticle(markHistorical(figures, input, lang));
}

/**
 * One figure per value of a metric in an article: a headline's "Blinken: 8,000 in Kursk" and the
 * body's "approximately 8,000 … are stationed there" are one claim, told best where it is attributed
 * and hedged, with what the other telling adds. A denial or a first wave of the same value stays apart.
 */
function oncePerArticle(figures: Figure[]): Figure[] {
  const valueKey = (f: Figure) =>
    `${f.metric}|${f.min}|${f.max}|${f.modality === "denied"}|${f.historical === true}`;
  // Two sources saying one value stay two claims (they corroborate each other); a telling that
  // names no source joins the first source that says the value.
  const firstSource = new Map<string, string>();
  for (const f of figures)
    if (f.source && !firstSource.has(valueKey(f))) firstSource.set(valueKey(f), f.source);
  // A Map keeps the first appearance's place when a better telling replaces it.
  const best = new Map<string, Figure>();
  for (const f of figures) {
    const value = valueKey(f);
    const key = `${value}|${f.source ?? firstSource.get(value) ?? ""}`;
    const kept = best.get(key);
    if (!kept) best.set(key, f);
    else {
      const [better, other] = told(f) > told(kept) ? [f, kept] : [kept, f];
      // What one telling leaves out, the other may say: the hedge of the body, the headline's source.
      best.set(key, {
        ...better,
        qualifier: better.qualifier === "exact" ? other.qualifier : better.qualifier,
        source: better.source ?? other.source,
      });
    }
  }
  return [...best.values()];
}

/** How fully a figure is told: a named source, then a hedge read; else the first telling stands. */
function told(f: Figure): number {
  return (f.source ? 2 : 0) + (f.qualifier !== "exact" ? 1 : 0);
}

/**
 * "half of Russia's shells", "die Hälfte der Munition Russlands":
 * a fraction of something is a share, read as a percentage.
 */
function withShares(text: string, numbers: NumberMatch[]): NumberMatch[] {
  const shares = numbers.map((n) =>
    n.kind === "cardinal" && n.value > 0 && n.value < 1 && SHARE_OF.test(text.slice(n.end, n.end + 6))
      ? { ...n, kind: "percent" as const, value: Math.round(n.value * 100) }
      : n,
  );
  const found: NumberMatch[] = [];
  for (const m of text.matchAll(SHARE_NOUN_ALL)) {
    const value = SHARE_NOUNS[m[2]!.toLowerCase()];
    const end = m.index + m[0].length;
    // "ein Drittel" is a number already; only "die Hälfte" is not.
    const read = numbers.some((n) => n.start < end && n.end > m.index);
    if (value !== undefined && !read) found.push({ text: m[0], value, start: m.index, end, kind: "percent" });
  }
  return [...shares, ...found].sort((a, b) => a.start - b.start);
}

const SHARE_NOUN_PATTERN = `\\b(${SHARE_ARTICLES.join("|")})\\s+(${Object.keys(SHARE_NOUNS).join("|")})(?=\\s+(?:${SHARE_ARTICLES.join("|")})\\b)`;
const SHARE_NOUN_ALL = new RegExp(SHARE_NOUN_PATTERN, "gi");

const RISE_VERBS = "risen|rose|rising|increased|grown|grew|jumped|climbed";
const CHANGE_VERBS = `${RISE_VERBS}|fallen|fell|dropped|declined|decreased`;
/** A verb of change right before "from A to B": a change, not a range. */
const CHANGE_VERB_BEFORE = new RegExp(`\\b(?:${CHANGE_VERBS})\\s+$`, "i");
/** Words that make the number after them an earlier value: "15,000, up from 11,000", "nach zuvor 11.000". */
const PAST_VALUE_WORDS = [
  `\\b(?:up|down|${CHANGE_VERBS}) from`,
  "\\bcompared (?:with|to)",
  "\\bfrom (?:an? )?(?:earlier|previous|prior)(?: estimate| figure)?(?: of)?",
  "\\bgegenüber (?:zuvor|bisher|früher)",
  "\\b(?:nach|von|statt|der|die|den) (?:zuvor|bisher|ursprünglich|früher)(?: geschätzten| angenommenen)?",
].join("|");
const PAST_VALUE_BEFORE = new RegExp(
  `(?:${PAST_VALUE_WORDS})\\s+(?:(?:about|around|some|rund|etwa|ca\\.)\\s+)?$`,
  "i",
);

/** Years, dates, times, calibres, ordinals and money are never figures. */
function isCount(n: NumberMatch): boolean {
  return n.kind === "cardinal" || n.kind === "percent";
}

/** A counted phrase read in one sentence, with what is known so far about whose it is. */
interface Candidate {
  number: NumberMatch;
  min: number | null;
  max: number | null;
  phrase: NumberPhrase;
  percent: boolean;
  /** Where its clause-level cues are looked for: between its neighbours in the sentence. */
  segment: [number, number];
}

/** Month names right before a day ("Nov. 5", "März 3"); a larger number is a count ("seit Januar 1.000"). */
const MONTH_BEFORE = new Set([
  ..."januar februar märz april mai juni juli august september oktober november dezember".split(" "),
  ..."january february march may june july october december jan feb mar apr jun jul aug sep sept okt oct nov dez dec".split(
    " ",
  ),
]);
/** Words right before a number that make it a label that names rather than counts ("Nr. 1", "page 2"). */
const LABEL_BEFORE = new Set(
  "nr no nummer number platz rang seite page kapitel chapter teil part artikel article § #".split(" "),
);

function notACount(text: string, from: number, number: NumberMatch): boolean {
  let end = number.start;
  while (end > from && (text[end - 1] === " " || text[end - 1] === "\u00a0" || text[end - 1] === ".")) end--;
  let start = end;
  while (start > from && isWordChar(text, start - 1)) start--;
  const word = (start === end ? (text[end - 1] ?? "") : text.slice(start, end)).toLowerCase();
  return LABEL_BEFORE.has(word) || (MONTH_BEFORE.has(word) && number.value <= 31);
}

const PERCENT_WORD = /^\s*(?:%|prozent\b|percent\b|per cent\b|pct\b)/i;
const SEPARATOR = /,|;|\s(?:und|and|sowie|oder|or|while|während|whereas|but|aber)\s/g;
/** Words before a number that make it the whole a part is taken from ("half of the 11,000"). */
const PARTITIVE_BEFORE =
  /(?:\b(?:half|third|quarter|percent|per cent|most|many|some|all|none|hälfte|drittel|viertel|prozent|meisten|viele|einige|alle)\s+(?:of\s+)?(?:the|der|den|dieser|these|those)|%\s+of\s+the|\b(?:von|of)\s+(?:den|the|these|those))\s+$/i;
const CASUALTY_METRICS = new Set<MetricId>(["casualties_total", "killed", "wounded", "captured"]);

const SHARE_OF = /^\s+(?:of|des|der|von|aller|all)\b/i;

/** How many sentences on a "Das teilte … mit" still points back. */
const POINTS_BACK_REACH = 2;

/** A sentence that attributes the one before it ("Das teilte … mit", "This was confirmed by …"). */
const POINTS_BACK =
  /^(?:(?:das|dies)\s+(?:teilte|sagte|erklärte|berichtete|meldete|bestätigte|schrieb|betonte|gab|gaben)|(?:this|that|the)\s+(?:(?:information|figure|estimate|assessment|number)\s+)?(?:was|is|were)\s+(?:according|announced|confirmed|reported|said|stated|disclosed|revealed|given|provided))\b/i;

const PLANNED_SENDING_CLAUSE = new RegExp(
  `(?:^|\\s)(?:${PLANNED_SENDING.modals.join("|")})\\s[^,;]*\\s(?:${PLANNED_SENDING.infinitives.join("|")})(?![\\p{L}])(?!\\s+(?:${PLANNED_SENDING.perfect.join("|")})\\b)`,
  "iu",
);

/** A clause with its own subject and verb after a comma or semicolon ("…, and Russia sent aid"). */
const OWN_CLAUSE = /;|[,:]\s+(?:and|und|but|aber|while|während|whereas|doch|jedoch)\s|\s[–—]\s/i;

/** After a modal, a perfect infinitive: English "have" next, German "haben"/"sein" ending the verb. */
const HEDGED_PAST = new RegExp(
  `^(?:\\s+\\p{L}+){0,2}?\\s+(?:${MODAL_PERFECT.en.join("|")})\\s+(?:been\\s+|already\\s+)?\\p{L}+(?:ed|en|t)\\b|^[^.;:!?]*?\\s\\p{L}+(?:t|en)\\s+(?:worden\\s+)?(?:${MODAL_PERFECT.de.join("|")})\\b`,
  "u",
);

const NORTH_KOREA_NAME = new Set(NORTH_KOREA_NAMES);

/** "von denen", "of whom", "darunter": a pronoun that points back into its sentence. */
const RELATIVE_PRONOUN_BEFORE = /\b(?:von denen|von welchen|of whom|of which)\s+(?:\p{L}+\s+){0,2}$/iu;

/** A relative pronoun right after a counted phrase: ", die …", ", who …". */
const RELATIVE_OPENER = /^\s*,\s*(?:die|der|das|welche|welcher|who|which)\s/i;

/** Between two counted phrases: a verb or two and "and" ("killed and", "getötet und"), no new clause. */
const COORDINATED_ONLY_AND = /^(?:\s+\p{L}+){0,4}\s+(?:and|und)\s*$/u;

/** Between two counted phrases: "… or", "…, oder": alternatives for one quantity. */
const ALTERNATIVE = /^[^;.]*[\s,](?:or|oder)\s*$/i;

/** Between a killed and a wounded word: a conjunction and at most a verb or two. */
const DEAD_OR_WOUNDED_JOIN = /^["“”„«»]?(?:\s+\p{L}+){0,2}?\s*(?:,|\s(?:or|and|oder|und))\s*["“”„«»]?\s*$/u;
/** "has risen by about 2,000", "um 2.000 gestiegen", "increased by": an increment. */
const INCREMENT_BEFORE = new RegExp(`\\b(?:${RISE_VERBS}|gestiegen|angewachsen)\\s+(?:by|um)\\s+$`, "i");
const INCREMENT_AFTER = /^\s+(?:gestiegen|angestiegen|angewachsen|erhöht)\b/i;

/** A copula right before an elliptic number whose subject is "the number of …" (a count noun). */
const COPULA_BEFORE = /(?:^|\s)(?:is|was|be|are|were|ist|sei|war|sind|seien)\s*$/i;
const THEIR_NUMBER = /\b(?:ihre|deren|their)\s+(?:Zahl|Anzahl|Gesamtzahl|number|total)\b/i;

const HEDGED_PRESENT =
  /^\s+be\s+(?:closer|close|as many|as much|around|about|up to|more|over|some|roughly|higher|lower|nearly|\d)/i;

const COORDINATED_ONLY = /^\s*(?:,|,?\s(?:and|und|sowie|as well as|plus)\s)\s*$/i;

/** How far before a casualty word a concession ("although wounded") still bears on it. */
const CONCESSIVE_REACH = 12;

/** How far after a modal a word of combat makes it about the fighting, in characters. */
const COMBAT_REACH = 30;

/** How far from the number's phrase a modal still bears on it, in characters. */
const MODAL_REACH = 50;

/** A conjunction that starts another clause between a number and a later modal. */
const NEW_CLAUSE = /\s(?:and|und|but|aber|while|während|or|oder)\s/i;

/** Words that make what follows a part of the count before ("including 3,000 …", "davon 300 …"). */
const PART_OF =
  /\b(?:including|among them|among whom|of whom|of which|of those|darunter|davon|unter ihnen)\b/i;

const WHOLE_OF_A_PART_BEFORE = /\b(?:unter den|among the)\s+$/i;
/** "ein Bataillon besteht im Allgemeinen aus 100 Soldaten": the size of a unit, not a count. */
const UNIT_SIZE_BEFORE =
  /\b(?:bataillon|battalion|brigade|regiment|kompanie|company|platoon|zug)\s+(?:(?:besteht|bestehen|consists|is made up)\s+)?(?:(?:im allgemeinen|in der regel|normalerweise|typically|usually|generally)\s+)?(?:aus|of|comprises)\s+(?:\p{L}+\s+)?$/iu;
const AGE_OR_UNIT_BEFORE =
  /(?:\b(?:aged|ages|im Alter von)\s+(?:\d{1,2}\s*(?:and|und|or|oder|to|bis|-|–|,)\s*)?|\b(?:unit|platoon|squad|company|Einheit|Kompanie|Zug|Trupp)\s+(?:of|von|mit)\s+(?:about|around|some|roughly|rund|etwa|ca\.)?\s*)$/i;
const RATE_AFTER =
  /^\s*(?:(?:a|per|each|every|pro|je|am)\s+(?:day|week|month|Tag|Woche|Monat)\b|(?:daily|täglich|weekly|wöchentlich|monthly|monatlich)\b)/i;

/** A number given for "the figure" named before it in the sentence. */
const FIGURE_BACK = /\b(?:the|that|this|its) (?:figure|number|toll|tally|count)\b|\b(?:die|diese) Zahl\b/i;

/** How far back an elliptic number looks for the noun it counts. */
const NOUN_REACH = 200;

/** How many sentences back "he said" looks for the source it stands for. */
const ANAPHORA_REACH = 3;
const OWN_SIDE = /\b(?:it|we|our|its|wir|unsere[nmrs]?|eigenen?)\s/i;
const COORDINATION = /,|\s(?:und|and|sowie|oder|or|while|während|including|darunter|davon)\s/;
/** Words after which an elliptic number takes the noun named before ("die Zahl ... auf 11.000"). */
const PREPOSITION_BEFORE =
  /(?:^|\s)(?:auf|at|to|bei|of|on|around|by|reach(?:es|ed)?|total(?:s|l?ed)?|number(?:s|ed)?|beträgt|betrage|betragen|liegt bei|exceed(?:s|ed)?|surpass(?:es|ed)?|topped|überstieg(?:en)?|übersteigt|übersteigen)\s*$/i;
const EXCEEDED_BEFORE =
  /(?:exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|topped|topping|überstieg(?:en)?|übersteigt|übersteigen)\s*$/i;
const EXCEEDED_AFTER = /^\s+(?:überschritten|übertroffen|überstiegen)\b/i;
/** Nothing but lower-case words (verbs) up to the sentence end: no noun that the number counts. */
const ONLY_VERBS_AFTER = /^(?:\s+\p{Ll}+)*\s*[.!?]?$/u;
/** A capitalised word (a noun, or a name) right before a number, not the first of its sentence. */
const NOUN_RIGHT_BEFORE = /\s\p{Lu}[\p{L}-]*\s+$/u;
/** A verb right after an elliptic number: its subject ("10,000 to 12,000 were in Russia"). */
const VERB_AFTER = /^\s+(?:were|are|have|had|remain(?:ed)?|sind|seien|waren|wurden|hätten|haben)\b/i;
const CLAUSE_BREAK = /[,;:()–—]/;
/** "Nordkorea plant, bis zu 30.000 Soldaten zu schicken": the clause that governs it counts too. */
const INFINITIVE = /\szu\s+\p{L}+en\b/u;
const SUBORDINATE = /^\s*(?:dass|daß|that|wonach|whether|ob)\b/i;
const PREPOSITION_WORD =
  /(?:^|\s)(?:nach|in|im|gegen|to|against|for|für|zur|zum|with|mit|aus|from|von|of|on|über|into|der|des|the)\s+$/i;

/** The whole article, with what sentences learn from their neighbours (subjects, attributions). */
class Article {
  readonly sentences: Sentence[];
  private readonly attributionMemo = new Map<number, Attribution[]>();
  private readonly dateMemo = new Map<number, string | null>();
  private readonly troopNameMemo = new Map<number, boolean>();
  /** Sentences that yielded a North Korean troop figure: "von ihnen" in the next one points there. */
  private readonly troopSubject = new Set<number>();

  readonly cues: TextCues;

  constructor(
    readonly text: string,
    readonly lang: Lang,
    readonly date: string | null,
  ) {
    this.sentences = splitSentences(text);
    this.cues = new TextCues(text, cueIndex, this.sentences);
  }

  figuresOf(index: number, numbers: NumberMatch[], rangeByMin: Map<number, RangeMatch>): Figure[] {
    const sentence = this.sentences[index]!;
    const candidates = this.candidatesOf(sentence, numbers, rangeByMin);
    const figures: Figure[] = [];
    let previous: { candidate: Candidate; northKorean: boolean } | null = null;
    let lastMetric: MetricId | null = null;
    for (const c of candidates) {
      const before = previous;
      const elliptic = c.phrase.head.kind === "none";
      const accepted = this.accept(index, c, previous);
      if (c.phrase.head.kind !== "other" && c.phrase.head.kind !== "none")
        previous = { candidate: c, northKorean: accepted };
      if (!accepted) continue;
      // "Kyiv says 4,000 were killed or wounded, Seoul puts the figure at 3,400": the same count.
      const sameCount: boolean =
        elliptic && lastMetric !== null && FIGURE_BACK.test(this.text.slice(c.segment[0], c.phrase.start));
      const metric: MetricId | null = sameCount ? lastMetric : this.metricOf(index, c);
      if (!metric || !plausible(metric, c)) continue;
      if (metric === "troops_deployed_total" && this.partOfTroopsBefore(c, before)) continue;
      if (metric !== "ammo_share_percent" && !c.percent && c.phrase.head.kind !== "metric")
        this.troopSubject.add(index);
      lastMetric = metric;
      // "11,000 troops, or roughly 11,000 soldiers": one number said twice in a sentence is one figure.
      if (figures.some((f) => countedBefore(f, metric, c))) continue;
      const figure = this.figure(index, c, metric);
      const last = figures.at(-1);
      if (last && before) this.shareWithPrevious(last, before.candidate, figure, c);
      figures.push(figure);
    }
    return figures;
  }

  private candidatesOf(
    s: Sentence,
    numbers: NumberMatch[],
    rangeByMin: Map<number, RangeMatch>,
  ): Candidate[] {
    const { text, cues } = this;
    const out: Candidate[] = [];
    for (const number of numbers) {
      if (cues.has(vague, number.start, number.end)) continue;
      const range = rangeByMin.get(number.start);
      // "between 4.2 and 5.8 million": the lower bound takes the upper one's scale.
      if (number.kind === "cardinal" && !Number.isInteger(range?.min.value ?? number.value)) continue;
      if (number.kind === "cardinal" && number.value < 2 && !/\d/.test(number.text)) continue; // "ein", "one"
      if (notACount(text, s.start, number)) continue;
      // "aged 20 and 26", "his unit of about 100 men": ages and the size of a small unit.
      if (AGE_OR_UNIT_BEFORE.test(text.slice(Math.max(s.start, number.start - 30), number.start))) continue;
      if (UNIT_SIZE_BEFORE.test(text.slice(Math.max(s.start, number.start - 60), number.start))) continue;
      // "M-1978/1989 Koksan": the second year of a model's designation.
      if (text[number.start - 1] === "/" && isWordChar(text, number.start - 2)) continue;
      // "unter den 30 Toten vier Offiziere aus Nordkorea": the whole a part is named of.
      if (WHOLE_OF_A_PART_BEFORE.test(text.slice(Math.max(s.start, number.start - 16), number.start)))
        continue;
      const last = range?.max ?? number;
      const percent = number.kind === "percent" || PERCENT_WORD.test(text.slice(last.end, last.end + 10));
      // A range's qualifier and "weitere" stand before its opener: "zusätzlich zwischen 1000 und 3000".
      const phrase = readNumberPhrase(
        text,
        cues,
        range?.start ?? number.start,
        last.end,
        s.start,
        s.end,
        this.lang,
      );
      // "losing as many as 30 soldiers a day": a rate, not a count.
      if (RATE_AFTER.test(text.slice(phrase.end, phrase.end + 16))) continue;
      if (percent) {
        phrase.head = { kind: "none" };
        phrase.end = last.end + (PERCENT_WORD.exec(text.slice(last.end, last.end + 10))?.[0].length ?? 0);
      }
      if (range) {
        phrase.qualifier = "range";
        phrase.start = Math.min(phrase.start, range.start);
      }
      // "casualties have exceeded 4,700", "3.000 überschritten habe": more than, though no qualifier says so.
      if (
        phrase.qualifier === "exact" &&
        (EXCEEDED_BEFORE.test(text.slice(Math.max(s.start, phrase.start - 30), phrase.start)) ||
          EXCEEDED_AFTER.test(text.slice(phrase.end, phrase.end + 16)))
      )
        phrase.qualifier = "more_than";
      const [min, max] = interval(phrase.qualifier, range ? range.min.value : number.value, last.value);
      out.push({ number, min, max, phrase, percent, segment: [s.start, s.end] });
    }
    for (let k = 1; k < out.length; k++) {
      const cut = boundary(text, out[k - 1]!.phrase.end, out[k]!.phrase.start);
      out[k - 1]!.segment[1] = cut;
      out[k]!.segment[0] = cut;
    }
    return out;
  }

  /**
   * "14,000 troops have been deployed, including 3,000 sent this year": a part of the total named
   * just before is not the total (its own casualty or place metric still counts: "davon 300 getötet").
   */
  private partOfTroopsBefore(c: Candidate, before: { candidate: Candidate; northKorean: boolean } | null) {
    if (!before?.northKorean || before.candidate.phrase.head.kind !== "troops") return false;
    const between = this.text.slice(before.candidate.phrase.end, c.phrase.start);
    return between.length <= 60 && PART_OF.test(between);
  }

  /** Subject gating: does the number count North Korea's soldiers or deliveries? */
  private accept(
    index: number,
    c: Candidate,
    previous: { candidate: Candidate; northKorean: boolean } | null,
  ): boolean {
    const { phrase } = c;
    const s = this.sentences[index]!;
    const { text, cues } = this;
    if (c.percent) return this.northKoreaNear(index);
    switch (phrase.head.kind) {
      case "other":
        return false;
      case "pronoun":
        if (
          previous?.northKorean ||
          this.troopSubject.has(index - 1) ||
          this.namesNorthKoreanTroops(index - 1)
        ) {
          phrase.head = { kind: "troops" };
          return true;
        }
        return false;
      case "none": {
        // "Of those, at least 3,000 ...", "Davon wurden 300 ...": the subject of the sentence before.
        if (cues.has(anaphora, Math.max(c.segment[0], phrase.start - 25), phrase.start)) {
          phrase.head = { kind: "pronoun" };
          return this.accept(index, c, previous);
        }
        // "400 nordkoreanische Soldaten gefallen und rund 3.600 verletzt": the noun is shared.
        const between = previous ? text.slice(previous.candidate.phrase.end, phrase.start) : "";
        // "Von den 11.000 Soldaten wurden 4.000 getötet": the part of a whole named just before.
        const partOf =
          previous &&
          PARTITIVE_BEFORE.test(
            text.slice(
              Math.max(s.start, previous.candidate.phrase.start - 30),
              previous.candidate.phrase.start,
            ),
          );
        if (previous && between.length <= 40 && (COORDINATION.test(between) || partOf)) {
          // The noun, not what it counted: "4,000 casualties …, yet about 8,000 are still operational".
          const shared = previous.candidate.phrase.head;
          phrase.head = shared.kind === "people" ? { kind: "people" } : shared;
          return previous.northKorean;
        }
        // "… nordkoreanischer Truppen, von denen 9.000 in Russland sind":
        // a relative pronoun points back into its own sentence.
        if (
          RELATIVE_PRONOUN_BEFORE.test(text.slice(Math.max(s.start, phrase.start - 30), phrase.start)) &&
          this.namesNorthKoreanTroops(index)
        ) {
          phrase.head = { kind: "troops" };
          return true;
        }
        // "… 1,500 North Korean troops …, with another 1,500 expected soon", "Etwa 3.000 weitere
        // sollen folgen" after them: more of the same.
        if (
          phrase.additional &&
          (this.namesNorthKoreanTroops(index) || this.namesNorthKoreanTroops(index - 1))
        ) {
          phrase.head = { kind: "troops" };
          return true;
        }
        // "The U.S. later estimated 10,000 to 12,000 were in Russia", after North Korean troops.
        if (
          VERB_AFTER.test(text.slice(phrase.end, phrase.end + 12)) &&
          (this.namesNorthKoreanTroops(index) || this.namesNorthKoreanTroops(index - 1))
        ) {
          phrase.head = { kind: "troops" };
          return true;
        }
        // "… 3000 Soldaten nach Russland verlegt. Zuvor waren es bereits rund 11.000 gewesen."
        // Not a number right after a noun: "seit dem Ende des Koreakriegs 1953." is a year.
        if (
          this.troopSubject.has(index - 1) &&
          ONLY_VERBS_AFTER.test(text.slice(phrase.end, s.end)) &&
          !NOUN_RIGHT_BEFORE.test(text.slice(Math.max(s.start + 1, phrase.start - 40), phrase.start))
        ) {
          phrase.head = { kind: "troops" };
          return true;
        }
        // "die Gesamtzahl nordkoreanischer Truppen ... auf etwa 11.000"
        const before = text.slice(Math.max(s.start, phrase.start - 30), phrase.start);
        // "dass die Zahl der getöteten Soldaten 3.000 überschritten habe": the verb after, in German.
        const exceededAfter = EXCEEDED_AFTER.test(text.slice(phrase.end, phrase.end + 16));
        // "Die Zahl … ist um 1.500 gestiegen", "the total number … could be closer to 11,000".
        const incrementAfter = INCREMENT_AFTER.test(text.slice(phrase.end, phrase.end + 24));
        const numberIs = COPULA_BEFORE.test(before) && cues.has(countNouns, s.start, phrase.start);
        // "Ihre Zahl liegt bei 9.000" after a sentence on North Korean soldiers.
        if (
          THEIR_NUMBER.test(text.slice(s.start, phrase.start)) &&
          PREPOSITION_BEFORE.test(before) &&
          this.namesNorthKoreanTroops(index - 1)
        ) {
          phrase.head = { kind: "troops" };
          return true;
        }
        if (!PREPOSITION_BEFORE.test(before) && !exceededAfter && !incrementAfter && !numberIs) return false;
        const head = nounBefore(text, Math.max(s.start, phrase.start - NOUN_REACH), phrase.start, this.lang);
        if (
          !head ||
          !(cues.has(northKorea, s.start, phrase.start) || cues.has(countNouns, s.start, phrase.start))
        )
          return false;
        if (!cues.has(northKorea, s.start, s.end)) return false;
        // A noun borrowed from before counts as the clause says: "casualties, including killed and
        // wounded, could reach 3,000" are not 3,000 wounded.
        phrase.head = head.kind === "people" ? { kind: "people" } : head;
        return true;
      }
      case "troops":
        if (phrase.otherArmy && !phrase.northKorean) return false;
        if (phrase.northKorean) return true;
        if (this.competitorBefore(index, c.segment[0], phrase.start)) return false;
        return this.northKoreaNear(index);
      case "people":
        if (phrase.otherArmy && !phrase.northKorean) return false;
        return (
          phrase.northKorean ||
          this.namesNorthKoreanTroops(index) ||
          this.namesNorthKoreanTroops(index - 1) ||
          // "…dispatched 11,000 troops. These forces were trained… Around 4,000 casualties have occurred."
          (phrase.head.metric !== undefined &&
            index >= 2 &&
            this.sameStretch(index - 2, index) &&
            this.troopSubject.has(index - 2)) ||
          // "dass Nordkorea bei den Kämpfen etwa 3.000 Opfer zu beklagen hatte": North Korea's own,
          // not "bei einem nordkoreanischen Raketenangriff … 9 Tote".
          this.namesNorthKoreaBefore(this.clauseOf(c)[0], phrase.start)
        );
      case "metric":
        if (phrase.otherArmy && !phrase.northKorean) return false;
        // A delivery word (or Russia) up to the end of the number's own clause: "North Korea fired
        // 10 missiles into the sea, and Russia sent food aid" delivers no missiles.
        if (metricDefinition(phrase.head.metric).subject === "material" && !this.delivered(c, s))
          return false;
        return phrase.northKorean || this.northKoreaNear(index);
    }
  }

  private metricOf(index: number, c: Candidate): MetricId | null {
    const { phrase } = c;
    const s = this.sentences[index]!;
    if (phrase.head.kind === "metric") return this.rankFate(c, phrase.head.metric) ?? phrase.head.metric;
    let cues = this.cues
      .scan(clauseCues, c.segment[0], c.segment[1])
      .filter((h) => !this.concededOrPurpose(h, c.segment[0]));
    // What the main clause says after a relative clause decides over what the relative clause tells.
    const relative = this.relativeClauseAfter(c);
    if (relative && cues.some((h) => h.start > relative[1] && !h.value.weak))
      cues = cues.filter((h) => h.end <= relative[0] || h.start > relative[1]);
    if (c.percent)
      // "50 Prozent des russischen Munitionsbedarfs", "60 percent of Russia's artillery shells".
      return cues.some((h) => h.value.metric === "ammo_share_percent" && this.shareOf(phrase.end, h.start))
        ? "ammo_share_percent"
        : null;
    // A casualty word in the number's own comma clause decides ("100 Nordkoreaner seien in den
    // Kämpfen gefallen"); otherwise the nearest cue does.
    const [clauseStart, clauseEnd] = this.clauseOf(c);
    // "half of the 11,000 troops in Kursk have been killed": the casualties are a part, not the 11,000.
    // From the sentence start: "half" before it may be a number of its own ("half of the 11,000").
    const partitive = PARTITIVE_BEFORE.test(
      this.text.slice(Math.max(s.start, phrase.start - 30), phrase.start),
    );
    // "The 10,000-strong force suffered losses": a force's size is never its losses.
    if (partitive || phrase.strength) cues = cues.filter((h) => !CASUALTY_METRICS.has(h.value.metric));
    // "11,000 troops suffered heavy losses": the losses befell the soldiers counted.
    else if (phrase.head.kind === "troops")
      cues = cues.filter((h) => !(h.start >= phrase.end && this.isLossNoun(h)));
    const inClause = cues.filter(
      (h) =>
        CASUALTY_METRICS.has(h.value.metric) && !h.value.weak && h.start >= clauseStart && h.end <= clauseEnd,
    );
    // "captured two wounded North Korean soldiers": the verb decides, not the adjective in the phrase.
    const outsidePhrase = inClause.filter((h) => h.end <= phrase.start || h.start >= phrase.end);
    const casualty = outsidePhrase.length ? outsidePhrase : inClause;
    // "5000 von ihnen sind gefallen oder wurden verwundet": dead or wounded, as one count.
    if (
      this.deadOrWounded(
        casualty.length ? cues.filter((h) => CASUALTY_METRICS.has(h.value.metric)) : casualty,
      )
    )
      return "casualties_total";
    // "4.000 Kriegsverluste", "300 Todesopfer": with no casualty word in the clause, the noun says it.
    if (!casualty.length && phrase.head.kind === "people" && phrase.head.metric) return phrase.head.metric;
    const troopCues = casualty.length
      ? casualty
      : cues.filter((h) => h.value.metric !== "ammo_share_percent");
    const nearest = (weak: boolean) => {
      let best: { metric: MetricId; d: number } | null = null;
      for (const h of troopCues) {
        if (h.value.weak !== weak) continue;
        const d = distance(h, phrase);
        if (!best || d < best.d) best = { metric: h.value.metric, d };
      }
      return best?.metric ?? null;
    };
    // "11,000 North Korean troops were in the Kursk region": a place and no verb says where they are.
    const strong = nearest(false);
    const atPlace = !strong && this.specificPlace(c.segment[0], c.segment[1]) !== null;
    // Without a verb that says what happened to them, soldiers count only in the war's context:
    // "Kim oversaw a drill of 10,000 soldiers" is not about Russia.
    if (!strong && !atPlace && !this.atWar(index)) return null;
    const found = strong ?? (atPlace ? "troops_in_region" : null) ?? nearest(true) ?? "troops_deployed_total";
    // "kämpfen etwa 10.000 Soldaten für Russland", "3,000 troops are stationed in Russia": present
    // in Russia as a whole is the deployment, not a place inside the war; arriving there is a place.
    const metric =
      found === "troops_in_region" &&
      this.specificPlace(s.start, s.end) === null &&
      !this.cues.has(arrivals, clauseStart, clauseEnd)
        ? "troops_deployed_total"
        : found;
    const contingent = metric === "troops_deployed_total" || metric === "troops_in_region";
    // "has risen by about 2,000", "um 2.000 gestiegen": the number is what came on top.
    const increment =
      INCREMENT_BEFORE.test(this.text.slice(Math.max(s.start, phrase.start - 24), phrase.start)) ||
      INCREMENT_AFTER.test(this.text.slice(phrase.end, phrase.end + 24));
    // "another 3,000", "additionally sent 3,000", "1,000 sappers": a further contingent.
    const further =
      phrase.additional ||
      increment ||
      (phrase.head.kind === "troops" && phrase.head.specialist === true) ||
      this.cues.has(additionalAdverbs, clauseStart, phrase.start);
    return further && contingent ? "troops_additional" : metric;
  }

  /**
   * A cue that says nothing of what befell the counted: a concession ("two soldiers, although
   * wounded, survived"), or training as the purpose of a sending ("zur Ausbildung geschickt").
   */
  private concededOrPurpose(hit: CueHit<MetricCue>, from: number): boolean {
    const before = Math.max(from, hit.start - CONCESSIVE_REACH);
    if (this.cues.has(concessives, before, hit.start)) return true;
    return hit.value.metric === "troops_in_training" && this.cues.has(purposes, before, hit.start);
  }

  private namesNorthKoreaBefore(from: number, to: number): boolean {
    return this.cues.scan(northKorea, from, to).some((hit) => {
      let end = hit.end;
      while (end < to && (isWordChar(this.text, end) || this.text[end] === "'" || this.text[end] === "’"))
        end++;
      return NORTH_KOREA_NAME.has(this.text.slice(hit.start, end).toLowerCase().replace("’", "'"));
    });
  }

  /** What a count shares with the one before it in its sentence: the verb's modality, the hedge. */
  private shareWithPrevious(last: Figure, previous: Candidate, figure: Figure, c: Candidate): void {
    const between = this.text.slice(previous.phrase.end, c.phrase.start);
    // "will send 1,000 sappers and 4,000 builders", "5,000 builders and 1,000 sappers may be
    // sent": objects of one verb share its modality, whichever side the verb stands on.
    if (COORDINATED_ONLY.test(between)) {
      if (last.modality !== "reported") figure.modality = last.modality;
      else if (figure.modality !== "reported") last.modality = figure.modality;
    }
    if (figure.qualifier !== "exact" || last.qualifier === "exact") return;
    // "some 200 killed and 1,800 wounded": the first hedge covers the second
    // when it has no noun of its own ("… Soldaten gefallen und 1.800 verwundet").
    const ownNoun =
      (c.phrase.head.kind === "troops" || c.phrase.head.kind === "metric") &&
      /\p{L}/u.test(this.text.slice(c.number.end, c.phrase.end));
    if (last.qualifier === "approx" && !ownNoun && COORDINATED_ONLY_AND.test(between))
      figure.qualifier = "approx";
    // "up to 2 million 152 mm rounds or 400,000 122 mm rounds": alternatives
    // for one quantity share its bound.
    else if (ALTERNATIVE.test(between)) {
      figure.qualifier = last.qualifier;
      [figure.min, figure.max] = interval(last.qualifier, c.min ?? c.max ?? 0, c.max ?? c.min ?? 0);
    }
  }

  /**
   * Material counts as North Korea's delivery to Russia: a delivery word or Russia within reach, not
   * another country's aid ("provided 300,000 shells to Ukraine") nor missiles only fired at Ukraine.
   */
  private delivered(c: Candidate, s: Sentence): boolean {
    const { cues } = this;
    const reach = this.deliveryReach(c, s);
    // "Diese Container könnten bis zu 4,8 Millionen Granaten enthalten": what shipments hold.
    const named = cues.has(deliveries, s.start, reach) || cues.has(capacity, s.start, reach);
    if (!named || cues.has(otherRecipients, s.start, reach)) return false;
    return !cues.has(firing, s.start, reach) || cues.has(deliveryVerbs, s.start, reach);
  }

  /**
   * Where a delivery word still bears on material: past the number's list ("50 Koksan-Geschütze
   * sowie 20 Raketenwerfer … geliefert") up to a clause of its own ("…, and Russia sent aid").
   */
  private deliveryReach(c: Candidate, s: Sentence): number {
    const after = this.text.slice(c.phrase.end, s.end);
    const own = OWN_CLAUSE.exec(after);
    return own ? c.phrase.end + own.index : s.end;
  }

  /** A killed and a wounded word of one clause joined by "or"/"and" ("gefallen sind oder verwundet"). */
  private deadOrWounded(hits: CueHit<MetricCue>[]): boolean {
    const dead = hits.find((h) => h.value.metric === "killed");
    const hurt = hits.find((h) => h.value.metric === "wounded");
    if (!dead || !hurt) return false;
    const [first, second] = dead.start < hurt.start ? [dead, hurt] : [hurt, dead];
    return DEAD_OR_WOUNDED_JOIN.test(this.text.slice(first.end, second.start));
  }

  /** "six North Korean officers had been killed": what befell officers or generals is the count. */
  private rankFate(c: Candidate, metric: MetricId): MetricId | null {
    if (metricDefinition(metric).subject !== "troops") return null;
    const [start, end] = this.clauseOf(c);
    const fate = this.cues
      .scan(clauseCues, start, end)
      .find(
        (h) =>
          CASUALTY_METRICS.has(h.value.metric) &&
          !h.value.weak &&
          (h.end <= c.phrase.start || h.start >= c.phrase.end),
      );
    return fate?.value.metric ?? null;
  }

  private isLossNoun(hit: { start: number; end: number }): boolean {
    const word = this.text.slice(hit.start, hit.end).toLowerCase();
    return LOSS_NOUNS.some((noun) => word.startsWith(noun));
  }

  private figure(index: number, c: Candidate, metric: MetricId): Figure {
    const s = this.sentences[index]!;
    const { phrase } = c;
    const [clauseStart, clauseEnd] = this.clauseOf(c);
    return {
      metric,
      min: c.min,
      max: c.max,
      qualifier: phrase.qualifier,
      source: this.sourceOf(index, c),
      modality: this.modalityOf(clauseStart, clauseEnd, phrase, s.end),
      region: this.regionOf(metric, c, s),
      date: this.claimDateOf(index),
      quote: quoteOf(this.text.slice(s.start, s.end)),
      span: [phrase.start, phrase.end],
    };
  }

  /** The comma clause of the number; a "dass"/"that" clause takes the clause it depends on along. */
  private clauseOf(c: Candidate): [number, number] {
    const text = this.text;
    const [from, to] = c.segment;
    let start = c.phrase.start;
    while (start > from && !CLAUSE_BREAK.test(text[start - 1]!)) start--;
    let end = c.phrase.end;
    while (end < to && !CLAUSE_BREAK.test(text[end]!)) end++;
    // "2.000 Soldaten, die … entsandt worden waren, bei den Kämpfen getötet wurden": the clause
    // goes on past a relative clause that describes the counted.
    const relative = this.relativeClauseAfter(c);
    if (relative) {
      end = Math.min(to, relative[1] + 1);
      while (end < to && !CLAUSE_BREAK.test(text[end]!)) end++;
    }
    const dependent =
      SUBORDINATE.test(text.slice(start, start + 12)) || INFINITIVE.test(text.slice(start, end));
    if (dependent && start > from) {
      let outer = start - 1;
      while (outer > from && !CLAUSE_BREAK.test(text[outer - 1]!)) outer--;
      start = outer;
    }
    return [start, end];
  }

  /** A relative clause right after the counted phrase, up to its closing comma or the segment's end. */
  private relativeClauseAfter(c: Candidate): [number, number] | null {
    const text = this.text;
    const opener = RELATIVE_OPENER.exec(text.slice(c.phrase.end, c.phrase.end + 12));
    if (!opener) return null;
    const start = c.phrase.end;
    let end = start + opener[0].length;
    while (end < c.segment[1] && text[end] !== ",") end++;
    return [start, end];
  }

  private modalityOf(start: number, end: number, phrase: NumberPhrase, sentenceEnd: number): Modality {
    const { text, cues } = this;
    const denial = cues
      .scan(denials, start, end)
      .find((h) => !cues.has(negations, Math.max(start, h.start - 25), Math.min(end, h.end + 30)));
    if (denial) return "denied";
    // A modal near the number ("could send up to", "schicken könnte"), not one about something
    // else later in the clause ("… were sent and more would follow"). "May" is a month.
    // "containers that could hold about 6 million shells": an estimate of what was delivered.
    const aboutCapacity = cues.has(capacity, start, end);
    const projection = cues.scan(projections, start, end).find(
      (h) =>
        distance(h, phrase) <= MODAL_REACH &&
        text.slice(h.start, h.end) !== "May" &&
        !(h.start >= phrase.end && NEW_CLAUSE.test(text.slice(phrase.end, h.start))) &&
        // "8,000 troops … are expected to enter combat": the fighting is ahead, not the count.
        !(h.start >= phrase.end && cues.has(combat, h.end, Math.min(end, h.end + COMBAT_REACH))) &&
        !aboutCapacity &&
        // "könnte fast fünf Millionen Granaten geliefert haben", "may have sent": a hedged past.
        !HEDGED_PAST.test(text.slice(h.end, sentenceEnd)) &&
        // "could be closer to 12,000": a hedged present.
        !HEDGED_PRESENT.test(text.slice(h.end, h.end + 24)),
    );
    return projection || PLANNED_SENDING_CLAUSE.test(text.slice(start, end)) ? "projected" : "reported";
  }

  private sourceOf(index: number, c: Candidate): SourceId | null {
    const own = this.attributions(index);
    // In the number's segment, the speaker closest before it, else the first after it: "higher than
    // Seoul's generals, who said at least 1,000 …".
    const segment = own.filter((a) => a.source && a.at >= c.segment[0] && a.at < c.segment[1]);
    const inSegment = segment.findLast((a) => a.at < c.phrase.start) ?? segment[0];
    // Else the speaker named last before the number ("Während Kiew von 4000 spricht, nennt Seoul
    // 3400 Verluste, darunter 300 Tote"), else the first one after it ("…, the NIS said").
    const named =
      inSegment ?? own.findLast((a) => a.source && a.at < c.phrase.start) ?? own.find((a) => a.source);
    if (named) return named.source as SourceId;
    // The attribution may sit in the previous sentence or in the paragraph's lead.
    const s = this.sentences[index]!;
    const prev = this.sentences[index - 1];
    if (prev && prev.paragraph === s.paragraph) {
      const fromPrev = this.attributions(index - 1).find((a) => a.source);
      if (fromPrev) return fromPrev.source as SourceId;
    }
    let lead = index;
    while (lead > 0 && this.sentences[lead - 1]!.paragraph === s.paragraph) lead--;
    const fromLead = lead < index - 1 ? this.attributions(lead).find((a) => a.source) : undefined;
    if (fromLead) return fromLead.source as SourceId;
    // "… entsandt. Das teilte der Generalstab mit." / "… were sent. This was announced by Seoul.",
    // also after a sentence that goes on about the same ("Ihre Aufgabe ist … Das gab Russland bekannt").
    for (let k = index + 1; k <= index + POINTS_BACK_REACH; k++) {
      const next = this.sentences[k];
      if (!next || next.paragraph !== s.paragraph) break;
      if (POINTS_BACK.test(this.text.slice(next.start, next.start + 40)))
        return (this.attributions(k).find((a) => a.source)?.source as SourceId) ?? null;
    }
    return null;
  }

  private claimDateOf(index: number): string | null {
    let date = this.dateMemo.get(index);
    if (date === undefined) {
      const s = this.sentences[index]!;
      date = claimDate(this.text, s.start, s.end, this.date) ?? this.date;
      this.dateMemo.set(index, date);
    }
    return date;
  }

  /** The sentence's attributions, "he said" and "the agency said" resolved to the last source named. */
  private attributions(index: number): Attribution[] {
    let found = this.attributionMemo.get(index);
    if (!found) {
      const s = this.sentences[index]!;
      // "The NIS told lawmakers that it estimates …": a pronoun stands first for a speaker named
      // before it in its own sentence, then for one of the sentences before.
      const resolved: Attribution[] = [];
      for (const a of findAttributions(this.cues, s.start, s.end)) {
        const before = resolved.findLast((r) => r.source && r.source !== "anaphoric" && r.at < a.at);
        resolved.push(
          a.source === "anaphoric"
            ? { ...a, source: before?.source ?? this.lastNamedSource(index) ?? this.unnamedSpeaker(a) }
            : a,
        );
      }
      found = resolved;
      this.attributionMemo.set(index, found);
    }
    return found;
  }

  /** "citing the spy agency" with no source named before: the one such a noun means in the story. */
  private unnamedSpeaker(a: Attribution): SourceId | null {
    const noun = this.text.slice(a.at, a.end).toLowerCase().replace(/\s+/g, " ");
    return (ANAPHORIC_SPEAKERS.unnamed as Record<string, SourceId>)[noun] ?? null;
  }

  private lastNamedSource(index: number): SourceId | null {
    for (let k = index - 1; k >= Math.max(0, index - ANAPHORA_REACH); k--) {
      const named = this.attributions(k).findLast((a) => a.source);
      if (named) return named.source as SourceId;
    }
    return null;
  }

  /** Whether the percentage ending at `end` is a share of what starts at `cue`. */
  private shareOf(end: number, cue: number): boolean {
    const between = this.text.slice(end, cue);
    return cue >= end && between.length <= 70 && SHARE_OF.test(between) && !/[,;:]/.test(between);
  }

  /** A place inside the war named in text[from, to), or pointed to ("dort", "in the region"). */
  private specificPlace(from: number, to: number): string | null {
    return (
      this.cues.scan(regions, from, to).find((h) => h.value !== "Russia" && h.value !== "Ukraine")?.value ??
      (this.cues.has(deicticPlaces, from, to) ? "" : null)
    );
  }

  private regionOf(metric: MetricId, c: Candidate, s: Sentence): string | null {
    const place = (from: number, to: number, specificOnly: boolean) => {
      const hits = this.cues.scan(regions, from, to);
      const specific = hits.find((h) => h.value !== "Russia" && h.value !== "Ukraine");
      return specific?.value ?? (specificOnly ? null : (hits[0]?.value ?? null));
    };
    switch (metric) {
      case "troops_in_region":
        return place(c.segment[0], c.segment[1], false) ?? place(s.start, s.end, false);
      case "troops_in_training":
        return place(c.segment[0], c.segment[1], false);
      // Where soldiers died or were taken is no series of its own: "nine killed in Kursk" and
      // "about 2,000 killed" count one thing (figures.md: a region when troops are at a place).
      case "casualties_total":
      case "killed":
      case "wounded":
      case "captured":
        return null;
      case "troops_deployed_total":
      case "troops_additional":
        return place(c.segment[0], c.segment[1], true);
      default:
        return null;
    }
  }

  /**
   * Another army as the owner of an unmarked count: "Russland hat 600.000 Soldaten", "Ukraine's army
   * said it lost 40 soldiers". Not when North Korea comes first ("Nordkorea hat Russland 11.000
   * Soldaten geschickt"), nor a place after a preposition ("nach Russland"), nor a speaker.
   */
  private competitorBefore(index: number, from: number, to: number): boolean {
    const { text, cues } = this;
    if (cues.has(northKorea, from, to)) return false;
    const speakers = this.attributions(index);
    // "Ukraine's army said it lost 40 soldiers": a speaker's own losses.
    if (OWN_SIDE.test(text.slice(from, to)) && speakers.some((a) => a.source && a.source !== "KP_GOV"))
      return true;
    return cues
      .scan(otherArmy, from, to)
      .some(
        (hit) =>
          !PREPOSITION_WORD.test(text.slice(Math.max(from, hit.start - 12), hit.start)) &&
          !speakers.some((a) => a.at <= hit.start && hit.start < a.end),
      );
  }

  /** The war in this sentence or the two before it in the paragraph, or a figure just before. */
  private atWar(index: number): boolean {
    const s = this.sentences[index]!;
    for (let k = index; k >= Math.max(0, index - 2); k--) {
      const other = this.sentences[k]!;
      if (k < index && other.paragraph !== s.paragraph && k < index - 1) break;
      if (this.cues.has(warContext, other.start, other.end) || (k < index && this.troopSubject.has(k)))
        return true;
    }
    return false;
  }

  /** North Korea named in this sentence, the one before, or two before in the same paragraph. */
  private northKoreaNear(index: number): boolean {
    for (let k = index; k >= Math.max(0, index - 2); k--) {
      const other = this.sentences[k]!;
      if (k < index - 1 && !this.sameStretch(k, index)) break;
      if (this.cues.has(northKorea, other.start, other.end) || this.troopSubject.has(k)) return true;
    }
    return false;
  }

  /**
   * Sentence k still frames sentence `index`: the same paragraph, or only one-sentence paragraphs
   * between them (a list, a subheading: "…geliefert, darunter:" / "- Artilleriegeschosse" / "…").
   */
  private sameStretch(k: number, index: number): boolean {
    if (this.sentences[k]!.paragraph === this.sentences[index]!.paragraph) return true;
    for (let j = k + 1; j < index; j++) if (!this.alone(j)) return false;
    return true;
  }

  /** A sentence that is a paragraph by itself. */
  private alone(j: number): boolean {
    const { paragraph } = this.sentences[j]!;
    return this.sentences[j - 1]?.paragraph !== paragraph && this.sentences[j + 1]?.paragraph !== paragraph;
  }

  /** A sentence that speaks of North Korean soldiers ("nordkoreanische Soldaten", "North Korean troops"). */
  private namesNorthKoreanTroops(index: number): boolean {
    const s = this.sentences[index];
    if (!s) return false;
    if (this.troopSubject.has(index)) return true;
    let names = this.troopNameMemo.get(index);
    if (names === undefined) {
      // North Korea and soldiers in one sentence, or North Korea's own dead ("North Korean casualties").
      const markers = this.cues.scan(northKorea, s.start, s.end);
      names =
        markers.length > 0 &&
        (namesTroops(this.text, s.start, s.end, this.lang) ||
          markers.some(
            (m) => nounBefore(this.text, m.end, Math.min(s.end, m.end + 30), this.lang)?.kind === "people",
          ));
      this.troopNameMemo.set(index, names);
    }
    return names;
  }
}

function plausible(metric: MetricId, c: Candidate): boolean {
  const high = c.max ?? c.min ?? 0;
  const low = c.min ?? c.max ?? 0;
  return high <= (PLAUSIBLE_MAX[metric] ?? Number.POSITIVE_INFINITY) && low >= (PLAUSIBLE_MIN[metric] ?? 0);
}

const CONTINGENTS = new Set<MetricId>(["troops_deployed_total", "troops_in_region"]);

/** The same value of the same metric, or of two ways of counting one contingent. */
function countedBefore(f: Figure, metric: MetricId, c: Candidate): boolean {
  const sameMetric = f.metric === metric || (CONTINGENTS.has(f.metric) && CONTINGENTS.has(metric));
  return sameMetric && f.min === c.min && f.max === c.max;
}

function interval(qualifier: QualifierId, low: number, high: number): [number | null, number | null] {
  switch (qualifier) {
    case "at_least":
    case "more_than":
      return [low, null];
    case "up_to":
    case "at_most":
    case "less_than":
      return [null, high];
    case "range":
      return [low, high];
    default:
      return [low, low];
  }
}

/** Where the clause of one number ends and the next one's begins: the last separator between them. */
function boundary(text: string, from: number, to: number): number {
  const between = text.slice(from, to);
  let cut = between.length;
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(between); m; m = SEPARATOR.exec(between)) cut = m.index;
  return from + cut;
}

function distance(hit: { start: number; end: number }, phrase: NumberPhrase): number {
  if (hit.end <= phrase.start) return phrase.start - hit.end;
  if (hit.start >= phrase.end) return hit.start - phrase.end;
  return 0;
}

const WORDS = /[\p{L}][\p{L}'’-]*/gu;

/** Whether text[from, to) names soldiers anywhere ("North Korean troops … suffered 4,000 casualties"). */
function namesTroops(text: string, from: number, to: number, lang: Lang): boolean {
  const part = text.slice(from, to).toLowerCase();
  WORDS.lastIndex = 0;
  for (let m = WORDS.exec(part); m; m = WORDS.exec(part))
    if (headOf(m[0], lang)?.kind === "troops") return true;
  return false;
}

/** The last soldier or casualty noun in text[from, to): what an elliptic number counts. */
function nounBefore(text: string, from: number, to: number, lang: Lang): ReturnType<typeof headOf> {
  let found: ReturnType<typeof headOf> = null;
  const part = text.slice(from, to).toLowerCase();
  WORDS.lastIndex = 0;
  for (let m = WORDS.exec(part); m; m = WORDS.exec(part)) {
    const head = headOf(m[0], lang);
    if (head && head.kind !== "metric") found = head;
  }
  return found;
}

/** The sentence verbatim, its line breaks (wrapped lines) read as spaces. */
function quoteOf(sentence: string): string {
  return sentence.includes("\n") ? sentence.replace(/[ \t]*\n\s*/g, " ") : sentence;
}

const NORTH_KOREA_ANYWHERE = new RegExp(
  NORTH_KOREA_MARKERS.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"),
  "i",
);

/** A quick look for North Korea anywhere: articles that never name it have no figures. */
function mentionsNorthKorea(text: string): boolean {
  return NORTH_KOREA_ANYWHERE.test(text);
}
