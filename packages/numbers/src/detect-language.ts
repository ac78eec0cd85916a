import type { Lang } from "./lexicon";

/**
 * Frequent function words that the other language does not share, and the words of war headlines,
 * which often have no function word at all ("Around 300 North Korean soldiers killed, says Seoul").
 */
const STOP_WORDS =
  /(?<![\p{L}])(?:(der|die|das|und|ist|nicht|mit|von|den|dem|auf|für|sich|des|ein|eine|auch|nach|wurde|wurden|sind|bei|im|zu|dass|wie|oder|als|laut|rund|mehr|über|sagt|sagte|soll|sollen|seien|gegen|bis|soldaten|getötet|verwundet|verletzt|gefallen|truppen|geheimdienst)|(the|and|is|not|with|of|on|for|that|was|were|are|to|from|by|has|have|this|it|an|as|at|be|which|says|said|say|around|about|more|than|over|after|troops|soldiers|killed|wounded|injured|sent|spy|agency|their|its))(?![\p{L}])/giu;

/** Tie-breaker for short texts without function words ("three hundred", "acht Millionen"). */
const ENGLISH_NUMBER_WORDS =
  /(?<![\p{L}])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half)(?![\p{L}])/iu;

/** Looks at no more than the first this many characters: plenty to tell German from English. */
const SAMPLE = 4000;

/**
 * "de" or "en" by counting stop words; a tie goes to English only when English number words
 * appear, else to German, as most of the feeds are German.
 */
export function detectLanguage(text: string): Lang {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  let german = 0;
  let english = 0;
  for (const m of sample.matchAll(STOP_WORDS)) {
    if (m[1] !== undefined) german++;
    else english++;
  }
  if (english !== german) return english > german ? "en" : "de";
  return ENGLISH_NUMBER_WORDS.test(sample) ? "en" : "de";
}
