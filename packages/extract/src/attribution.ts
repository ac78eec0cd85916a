import { RELYING, type SourceId } from "@zw/core";
import type { CueHit, TextCues } from "./cue-matcher";
import { attributionAnchors, INVERTED_ANAPHORIC, type SourceMention, sourceMentions } from "./lexicons";

/**
 * A source a sentence attributes its content to; `source: null` is an outlet reprinting it,
 * "anaphoric" a pronoun or generic noun ("he said", "the agency said") for the last one named.
 */
export interface Attribution {
  source: SourceId | null | "anaphoric";
  /** Where the source is named. */
  at: number;
  end: number;
}

const FOLLOWING = 60;
/** What may precede a headline's speaker: nothing, or a live ticker's "+++ 09:15 ". */
const TICKER_PREFIX = /^(?:[+*#|]+\s*)?(?:\d{1,2}[:.]\d{2}\s*(?:Uhr\s*)?)?(?:[-–—:|]\s*)?$/;
const VERB_SUBJECT_BEFORE = 80;
const VERB_SUBJECT_AFTER = 40;
const ZUFOLGE_BEFORE = 60;

/**
 * The attributions in text[from, to): a source name counts only where an anchor makes it the
 * speaker ("laut Seoul", "nach südkoreanischen Angaben", "Kiew zufolge", "Zelensky said",
 * "sagte Budanow"), not where it is a place or an object ("Krieg gegen die Ukraine").
 */
export function findAttributions(cues: TextCues, from: number, to: number): Attribution[] {
  const text = cues.text;
  const mentions = cues.scan(sourceMentions, from, to);
  if (mentions.length === 0) return [];
  const found: Attribution[] = [];
  // A headline's speaker: "NIS: N. Korea sends 1,500 troops", "Selenskyj: 3000 Nordkoreaner getötet".
  const first = mentions[0]!;
  if (
    TICKER_PREFIX.test(text.slice(from, first.start)) &&
    /^\s*:/.test(text.slice(first.end, first.end + 3)) &&
    first.value !== "anaphoric"
  ) {
    found.push({ source: first.value === "outlet" ? null : first.value, at: first.start, end: first.end });
  }
  // A headline's speaker at its end: "2,000 North Korean troops killed, wounded: Zelensky".
  const last = mentions.at(-1)!;
  if (
    last.value !== "anaphoric" &&
    /:\s*$/.test(text.slice(Math.max(from, last.start - 3), last.start)) &&
    /^\s*[.!?]?\s*$/.test(text.slice(last.end, to))
  ) {
    found.push({ source: last.value === "outlet" ? null : last.value, at: last.start, end: last.end });
  }
  const anchors = cues.scan(attributionAnchors, from, to);
  for (const anchor of anchors) {
    const mention = named(text, speakerOf(text, anchor, mentions), mentions);
    if (mention)
      found.push({
        source: mention.value === "outlet" ? null : mention.value,
        at: mention.start,
        end: mention.end,
      });
  }
  return found;
}

/** "der Geheimdienst NIS", "the agency, NIS,": a generic noun followed by the name is the name. */
function named(
  text: string,
  mention: CueHit<SourceMention> | undefined,
  mentions: CueHit<SourceMention>[],
): CueHit<SourceMention> | undefined {
  if (mention?.value !== "anaphoric") return mention;
  const name = mentions.find(
    (m) => m.start >= mention.end && /^[\s,]{0,2}$/.test(text.slice(mention.end, m.start)),
  );
  return name && name.value !== "anaphoric" ? name : mention;
}

function speakerOf(
  text: string,
  anchor: CueHit<string>,
  mentions: CueHit<SourceMention>[],
): CueHit<SourceMention> | undefined {
  // "assessed to be in Russia": a place after a verb is no speaker; after "heißt es" it is one.
  const after = (limit: number, place: "speaks" | "silent") =>
    mentions.find(
      (m) =>
        m.start >= anchor.end &&
        m.start <= anchor.end + limit &&
        !crossesClause(text, anchor.end, m.start) &&
        (place === "speaks" ||
          !PLACE_AFTER_VERB.test(text.slice(Math.max(anchor.end, m.start - 24), m.start))),
    );
  // "shells Russia fires in Ukraine come from …, a paper reported": a place is no subject; and
  // "Zelensky, who has accused Russia of …, said": the relative clause's antecedent speaks.
  const before = (limit: number) =>
    antecedentOf(text, anchor, mentions, limit) ??
    mentions.findLast(
      (m) =>
        m.end <= anchor.start &&
        m.end >= anchor.start - limit &&
        !crossesClause(text, m.end, anchor.start) &&
        !PLACE_PREPOSITION_BEFORE.test(text.slice(Math.max(0, m.start - 24), m.start)) &&
        !otherSubjectAfterComma(text.slice(m.end, anchor.start)) &&
        // "Westliche Beamte haben der BBC mitgeteilt": the outlet told is no subject.
        !(m.value === "outlet" && ADDRESSEE_BEFORE.test(text.slice(Math.max(0, m.start - 12), m.start))),
    );
  switch (anchor.value) {
    case "before": {
      // "sich auf X beruft" names a source, "bereiten sich auf Kämpfe vor" does not.
      const cue = text.slice(anchor.start, anchor.end).toLowerCase();
      if (cue === RELYING.anchor && !RELYING_VERB.test(text.slice(anchor.end, anchor.end + 90)))
        return undefined;
      // "Zuletzt hieß es, 1.200 Soldaten seien in Russland …": the comma ends what "hieß es" names.
      const named = after(FOLLOWING, "speaks");
      return named && !/(?<!\d),(?!\d)/.test(text.slice(anchor.end, named.start)) ? named : undefined;
    }
    case "after":
      return before(ZUFOLGE_BEFORE);
    case "own":
      return mentions[0];
    case "nouns":
      // "nach südkoreanischen Angaben", "laut südkoreanischen und ukrainischen Angaben", else a genitive.
      return (
        mentions.find(
          (m) =>
            m.start < anchor.start &&
            m.end >= anchor.start - 40 &&
            /^[\p{L}'’-]*(?:\s+(?:und|and)\s+[\p{L}'’-]+)?\s*$/u.test(text.slice(m.end, anchor.start)),
        ) ??
        mentions.find(
          (m) =>
            m.start >= anchor.end &&
            m.start <= anchor.end + FOLLOWING &&
            GENITIVE.test(text.slice(anchor.end, m.start)),
        )
      );
    default: {
      // "declined to comment on reports that …": the noun, not the verb.
      if (NOUN_USE_BEFORE.test(text.slice(Math.max(0, anchor.start - 16), anchor.start))) return undefined;
      // "Pyongyang is believed to have supplied …": the subject of a passive is not the speaker.
      const passive = PASSIVE_BEFORE.test(text.slice(Math.max(0, anchor.start - 20), anchor.start));
      const subject = passive ? undefined : before(VERB_SUBJECT_BEFORE);
      // "sagte Budanow", "said the agency": the subject right after the verb, not in a "dass" clause.
      const next = named(text, after(VERB_SUBJECT_AFTER, "silent"), mentions);
      const inverted =
        next &&
        !INVERSION_BREAK.test(text.slice(anchor.end, next.start)) &&
        !REPORTED_CLAUSE_VERB.test(text.slice(next.end, next.end + 12)) &&
        (next.value !== "anaphoric" || INVERTED_ANAPHORIC.has(text.slice(next.start, next.end).toLowerCase()))
          ? next
          : undefined;
      if (!subject) return inverted;
      if (!inverted) return subject;
      return anchor.start - subject.end <= inverted.start - anchor.end ? subject : inverted;
    }
  }
}

/**
 * What joins an attribution noun to the source after it: "Angaben des Militärs", "Schätzungen der
 * Regierungen Südkoreas", "Angaben Kiews", "estimates by the Pentagon", not "Schätzungen zufolge sollen … von Kim".
 */
const GENITIVE =
  /^\s+(?:(?:des|der|von|vom|aus|from|of|by)\s+(?:(?:the|dem|den|der|des)\s+)?(?:[\p{L}'’-]+\s+){0,3})?$/iu;

/** A mention followed by a relative clause that closes right before the anchor: "X, who …, said". */
function antecedentOf(
  text: string,
  anchor: CueHit<string>,
  mentions: CueHit<SourceMention>[],
  limit: number,
): CueHit<SourceMention> | undefined {
  return mentions.find(
    (m) =>
      m.end <= anchor.start &&
      m.end >= anchor.start - limit * 2 &&
      CLOSED_RELATIVE.test(text.slice(m.end, anchor.start)),
  );
}
const CLOSED_RELATIVE = /^\s*,\s*(?:who|which|der|die|das)\s[^;:]*,\s*$/i;

/**
 * Words after the last comma before the verb are its subject: "half of Russia's artillery shells,
 * officials say" is not Russia speaking. An apposition ends at the comma ("Budanov, head of HUR,
 * said", "Austin, meanwhile, said"), and a relative pronoun speaks for what it follows ("The South
 * Korean government, which had denounced …").
 */
function otherSubjectAfterComma(between: string): boolean {
  const commas = [...between.matchAll(/(?<!\d),(?!\d)/g)];
  const last = commas.at(-1);
  if (!last) return false;
  const rest = between.slice(last.index + 1);
  return /\p{L}/u.test(rest) && !RELATIVE_SUBJECT.test(rest);
}
const RELATIVE_SUBJECT = /^\s*(?:which|who|that|der|die|das|welche|welcher)\b/i;

const RELYING_VERB = new RegExp(`\\b(?:${RELYING.verbs.join("|")})\\b`, "i");
const ADDRESSEE_BEFORE = /\b(?:der|dem|gegenüber|to)\s+$/i;

/** A place after a preposition is no speaker, but "officials in Seoul", "Militärkreisen in Seoul" are. */
const PEOPLE_OF_A_PLACE =
  "(?<!(?:officials|sources|authorities|spokesman|spokeswoman|spokesperson|lawmakers|beamte|kreise|kreisen|behörden|sprecher|sprecherin|abgeordnete)\\s+)";
const PLACE_PREPOSITION_BEFORE = new RegExp(
  `${PEOPLE_OF_A_PLACE}\\b(?:in|into|to|against|from|by|durch|nach|gegen|in der|in die|aus der)\\s+$`,
  "i",
);
const PLACE_AFTER_VERB = new RegExp(
  `${PEOPLE_OF_A_PLACE}\\b(?:in|into|to|against|nach|gegen|in der|in die)\\s+$`,
  "i",
);

/** Words before "reports", "claims", "estimated" that make them nouns or adjectives ("on reports that", "an estimated 11,000"). */
const NOUN_USE_BEFORE =
  /\b(?:on|of|the|a|an|with|these|those|such|media|press|news|amid|after|despite|unconfirmed|earlier|recent|their|its)\s+$/i;
/** "said Pyongyang had lost …": a name followed by its own verb is the reported clause's subject. */
const REPORTED_CLAUSE_VERB =
  /^\s+(?:had|has|have|was|were|is|are|would|will|could|can|may|might|did|does|plans|planned|intends|sent|sends|appears|seems|wants)\b/i;
const PASSIVE_BEFORE = /\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+|also\s+|still\s+|now\s+)?$/i;

/** What ends a verb's reach to a speaker after it; a comma inside a number ("4,700") does not. */
const INVERSION_BREAK = /(?<!\d),|,(?!\d)|["“”„«»]|\b(?:dass|that|wonach|ob|whether)\b/i;

/** A sentence-internal break a speaker does not reach across ("; ", " – "). */
function crossesClause(text: string, from: number, to: number): boolean {
  return /[;:]|\s[–—]\s/.test(text.slice(from, to));
}
