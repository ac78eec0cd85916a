// Classes of phrasing the dev set of real reporting (devset/) taught the reader, each in sentences
// written for these tests, in both languages, so CI keeps what the dev set taught.
import { describe, it } from "vitest";
import { type Expected, expectFigures } from "./expect-figures";

type Case = [text: string, expected: Expected[]];

function run(lang: "de" | "en", cases: Case[]) {
  it.each(cases)(`${lang}: %s`, (text, expected) =>
    expectFigures(text, expected, { lang, date: "2025-03-01" }),
  );
}

describe("scale words and strengths glued to a number", () => {
  run("en", [
    [
      "North Korea has sent some 8-thousand soldiers to Russia, Ukrainian officials said.",
      [{ metric: "troops_deployed_total", min: 8000, max: 8000, qualifier: "approx" }],
    ],
    [
      "Pyongyang has also dispatched 25-hundred special forces to Russia, the NIS said.",
      [{ metric: "troops_deployed_total", min: 2500, source: "NIS" }],
    ],
    [
      "A 10,000-strong North Korean contingent has been deployed to Russia, the Pentagon said.",
      [{ metric: "troops_deployed_total", min: 10000, source: "US_GOV" }],
    ],
    [
      // A force's size, never its losses.
      "The 10,000-strong North Korean force suffered heavy losses in the fighting, Kyiv said.",
      [{ metric: "troops_deployed_total", min: 10000, source: "UA_GOV" }],
    ],
  ]);
  run("de", [
    [
      "Nordkorea hat eine 12.000-Mann-Truppe nach Russland geschickt, teilte der südkoreanische Geheimdienst mit.",
      [{ metric: "troops_deployed_total", min: 12000, source: "NIS" }],
    ],
    [
      "Eine 3.000-köpfige nordkoreanische Einheit wurde nach Russland verlegt.",
      [{ metric: "troops_deployed_total", min: 3000 }],
    ],
    ["Die Haubitzen vom Typ 170-mm wurden aus Nordkorea nach Russland geliefert.", []],
  ]);
});

describe("who counts: North Korea's engineers are its soldiers", () => {
  run("en", [
    [
      "North Korea's state news agency said nine North Korean engineers were killed while clearing mines in Kursk.",
      [{ metric: "killed", min: 9, max: 9 }],
    ],
  ]);
  run("de", [
    [
      "Laut KCNA sind neun nordkoreanische Pioniere beim Minenräumen in Kursk getötet worden.",
      [{ metric: "killed", min: 9, max: 9, source: "KP_GOV" }],
    ],
  ]);
});

describe("a count of soldiers that suffered losses is no count of losses", () => {
  run("en", [
    [
      "North Korea's first contingent of 11,000 troops suffered heavy losses, according to Western officials.",
      [{ metric: "troops_deployed_total", min: 11000, source: "WEST" }],
    ],
    [
      "North Korean troops in Kursk have suffered about 4,000 casualties, Ukrainian intelligence said.",
      [{ metric: "casualties_total", min: 4000, qualifier: "approx", source: "HUR" }],
    ],
  ]);
  run("de", [
    [
      "Die 11.000 nordkoreanischen Soldaten erlitten nach westlichen Angaben schwere Verluste.",
      [{ metric: "troops_deployed_total", min: 11000, source: "WEST" }],
    ],
  ]);
});

describe("where they are: a place in the war, or Russia as a whole", () => {
  run("de", [
    [
      "Washington schätzt, dass derzeit etwa 9.000 nordkoreanische Soldaten auf russischer Seite kämpfen.",
      [{ metric: "troops_deployed_total", min: 9000, source: "US_GOV" }],
    ],
    [
      "Laut Kiew sind 7.000 nordkoreanische Soldaten in Kursk in Stellung gegangen.",
      [{ metric: "troops_in_region", min: 7000, region: "Kursk" }],
    ],
    [
      "Nach Angaben der US-Regierung trainieren mindestens 2.000 nordkoreanische Soldaten im Osten.",
      [{ metric: "troops_in_training", min: 2000, qualifier: "at_least", source: "US_GOV" }],
    ],
    [
      "Die Zahl der nordkoreanischen Soldaten an der Front bleibe bei etwa 9.000, hieß es aus London.",
      [{ metric: "troops_in_region", min: 9000, region: "the front" }],
    ],
  ]);
  run("en", [
    [
      "About 2,000 North Korean troops have arrived, the Pentagon said.",
      [{ metric: "troops_in_region", min: 2000, source: "US_GOV" }],
    ],
    [
      "Some 9,000 North Korean soldiers are stationed in Russia, Seoul said.",
      [{ metric: "troops_deployed_total", min: 9000, source: "KR_GOV" }],
    ],
  ]);
});

describe("small words that change what is counted", () => {
  run("de", [
    [
      "Die USA berichteten von Informationen über 2.000 nordkoreanische Soldaten in Russland.",
      [{ metric: "troops_deployed_total", min: 2000, max: 2000, qualifier: "exact", source: "US_GOV" }],
    ],
    [
      "Nordkorea lieferte schätzungsweise bis 5 Millionen Artilleriegeschosse an Russland.",
      [{ metric: "shells_delivered", min: null, max: 5000000, qualifier: "up_to" }],
    ],
    [
      "Pjöngjang habe etwa 9.000 nordkoreanische Soldaten zur Ausbildung geschickt, hieß es.",
      [{ metric: "troops_deployed_total", min: 9000 }],
    ],
    [
      "Russland zog in Kursk Truppen zusammen. Nordkorea meldete, dass auch 9.000 nordkoreanische Soldaten dort in Stellung gegangen sind.",
      [{ metric: "troops_in_region", min: 9000 }],
    ],
    ["Damit wäre rund die Hälfte der zuvor etwa 9.000 Nordkoreaner ausgefallen.", []],
  ]);
  run("en", [
    [
      "The scale of the additional deployment of North Korean troops is estimated at more than 2,000 troops.",
      [{ metric: "troops_additional", min: 2000, qualifier: "more_than" }],
    ],
    [
      "North Korea has suffered about 3,000 casualties, yet about 7,000 North Korean soldiers are still operational in Kursk.",
      [
        { metric: "casualties_total", min: 3000 },
        { metric: "troops_in_region", min: 7000 },
      ],
    ],
  ]);
});

describe("the verb after the number, and a pronoun into its own sentence", () => {
  run("de", [
    [
      "Laut Selenskyj hat die Zahl der getöteten und verwundeten Nordkoreaner inzwischen 2.000 überschritten.",
      [{ metric: "casualties_total", min: 2000, max: null, qualifier: "more_than", source: "UA_GOV" }],
    ],
    [
      "Kim bekommt Devisen für nordkoreanische Truppen, von denen derzeit etwa 9.000 in Russland stationiert sind.",
      [{ metric: "troops_deployed_total", min: 9000, qualifier: "approx" }],
    ],
    [
      // A list between the lead and the sentence keeps North Korea in view.
      "Nordkorea hat Russland Waffen geliefert, darunter:\n- Granaten,\n- Raketen.\nBeamte schätzen, dass insgesamt über 2 Millionen Granaten an Russland geliefert wurden.",
      [{ metric: "shells_delivered", min: 2000000, qualifier: "more_than" }],
    ],
  ]);
  run("en", [
    [
      "Austin said the 9,000 troops from North Korea believed to be in Russia would fight soon.",
      [{ metric: "troops_deployed_total", min: 9000, source: "US_GOV" }],
    ],
  ]);
});

describe("a relative clause describes, the main clause counts", () => {
  run("de", [
    [
      "Der Geheimdienst erklärte, dass etwa 1.500 nordkoreanische Soldaten, die nach Russland entsandt worden waren, bei den Kämpfen getötet wurden.",
      [{ metric: "killed", min: 1500, qualifier: "approx" }],
    ],
    [
      // Without a verb after it, the relative clause says what befell them.
      "Laut London geht es um über fünftausend nordkoreanische Soldaten, die in Kursk verletzt oder vermisst wurden.",
      [{ metric: "casualties_total", min: 5000, qualifier: "more_than", source: "UK_GOV" }],
    ],
  ]);
  run("en", [
    [
      "About 1,500 North Korean soldiers, who had been sent to Russia last year, were killed in the fighting, the NIS said.",
      [{ metric: "killed", min: 1500, source: "NIS" }],
    ],
  ]);
});

describe("hedges inside bounds, and prisoners two sentences on", () => {
  run("en", [
    [
      "Seoul said the North Korean containers sent to Russia could accommodate up to approximately 2 million rounds of 152 mm artillery shells.",
      [{ metric: "shells_delivered", min: null, max: 2000000, qualifier: "up_to", source: "KR_GOV" }],
    ],
    [
      "Pyongyang sent roughly 9,000 North Korean troops to Russia. They trained near Vladivostok. Around 3,000 casualties have been counted since.",
      [
        { metric: "troops_deployed_total", min: 9000 },
        { metric: "casualties_total", min: 3000 },
      ],
    ],
    [
      "Zelensky confirmed about 9,000 North Korean soldiers in the region. South Korea's defence ministry concurred, estimating 8,000 troops dispatched to the front areas.",
      [
        { metric: "troops_in_region", min: 9000, source: "UA_GOV" },
        { metric: "troops_deployed_total", min: 8000, source: "KR_GOV" },
      ],
    ],
  ]);
  run("de", [
    [
      "Seouls Geheimdienst NIS bestätigte am Montag die Gefangennahme zweier nordkoreanischer Soldaten.",
      [{ metric: "captured", min: 2, source: "NIS" }],
    ],
  ]);
});

describe("the whole a part is named of, and foreign troops", () => {
  run("de", [
    [
      "Ein ukrainischer Aufklärungstrupp berichtete, dass unter den 30 getöteten Soldaten vier Offiziere aus Nordkorea waren.",
      [{ metric: "killed", min: 4, source: "UA_MIL" }],
    ],
    ["Nordkorea schickt Soldaten. Russland bittet erstmals 200 ausländische Truppen um Hilfe.", []],
  ]);
  run("en", [
    [
      "A Ukrainian reconnaissance unit reported that among the 30 soldiers killed were four officers from North Korea.",
      [{ metric: "killed", min: 4 }],
    ],
    ["North Korea sends troops. Russia is asking 200 foreign troops for help for the first time.", []],
  ]);
});

describe("bounds over alternatives, exceeding, unit sizes", () => {
  run("en", [
    [
      "Seoul said North Korea's containers to Russia could accommodate up to 2 million rounds of 152 mm shells or 400,000 rounds of 122 mm shells.",
      [
        { metric: "shells_delivered", min: null, max: 2000000, qualifier: "up_to" },
        { metric: "shells_delivered", min: null, max: 400000, qualifier: "up_to" },
      ],
    ],
    [
      "North Korean troops fought in Kursk. The NIS said the tally of North Korean soldiers killed or wounded had exceeded 3,000.",
      [{ metric: "casualties_total", min: 3000, max: null, qualifier: "more_than", source: "NIS" }],
    ],
    [
      "Russian naval ships transported 1,200 North Korean special forces to Vladivostok, the NIS said.",
      [{ metric: "troops_deployed_total", min: 1200, source: "NIS" }],
    ],
  ]);
  run("de", [
    ["Nordkoreanische Truppen kämpfen in Kursk. Ein Bataillon besteht im Allgemeinen aus 400 Soldaten.", []],
  ]);
});

describe("what the validation batch showed", () => {
  run("en", [
    [
      "The number of North Korean troops in Kursk has risen by about 1,500, the Pentagon said.",
      [{ metric: "troops_additional", min: 1500, source: "US_GOV" }],
    ],
    [
      "The number of North Korean forces inside Russia may now be closer to around 9 to 10,000, the Pentagon said.",
      [{ metric: "troops_deployed_total", min: 9000, max: 10000, qualifier: "range", source: "US_GOV" }],
    ],
    [
      "The Pentagon put the number of North Korean soldiers in Kursk at about 7,000 out of a total of 9,000 in Russia.",
      [
        { metric: "troops_in_region", min: 7000 },
        { metric: "troops_deployed_total", min: 9000 },
      ],
    ],
    [
      "By Zelensky's count up to 9,000 North Koreans went to Russia, with losses exceeding 3,000.",
      [
        { metric: "troops_deployed_total", max: 9000 },
        { metric: "casualties_total", min: 3000, max: null, qualifier: "more_than" },
      ],
    ],
    ["A photo shows a North Korean M-1978/1989 Koksan howitzer on a train to Russia.", []],
    [
      "The NIS told lawmakers that it estimates 200 North Korean soldiers have been killed. The White House put the toll higher.",
      [{ metric: "killed", min: 200, source: "NIS" }],
    ],
    [
      "The UK Ministry of Defense said North Korea most likely lost more than 5,000 soldiers in Kursk.",
      [{ metric: "casualties_total", min: 5000, source: "UK_GOV" }],
    ],
  ]);
  run("de", [
    [
      "Der britische Geheimdienst schätzt, dass 5000 dieser nordkoreanischen Soldaten gefallen sind oder verwundet wurden.",
      [{ metric: "casualties_total", min: 5000, source: "UK_GOV" }],
    ],
    [
      "Kim Jong Un hat zugesagt, rund 5.000 nordkoreanische Bauarbeiter nach Russland zu schicken.",
      [{ metric: "troops_additional", min: 5000, modality: "projected" }],
    ],
    [
      "Selenskyj sagt, dass gemäß ukrainischen Geheimdienstberichten 9.000 nordkoreanische Soldaten in Kursk angekommen sind.",
      [{ metric: "troops_in_region", min: 9000, source: "HUR" }],
    ],
    [
      "Die Zahl der nordkoreanischen Soldaten in Kursk ist um 1.500 gestiegen, sagte das Pentagon.",
      [{ metric: "troops_additional", min: 1500, source: "US_GOV" }],
    ],
  ]);
});

describe("their number, a sentence on", () => {
  run("de", [
    [
      "Nordkoreanische Soldaten kämpfen in Kursk gegen ukrainische Truppen. Ihre Anzahl wird auf 9.000 bis 11.000 geschätzt.",
      [{ metric: "troops_deployed_total", min: 9000, max: 11000, qualifier: "range" }],
    ],
  ]);
  run("en", [
    [
      "North Korean troops entered the war in October. Kyiv put their number at 9,000 or more.",
      [{ metric: "troops_deployed_total", min: 9000, max: null, qualifier: "at_least", source: "UA_GOV" }],
    ],
    [
      "The Pentagon believes the number of troops North Korea keeps in Russia could be closer to 9,000.",
      [{ metric: "troops_deployed_total", min: 9000, modality: "reported", source: "US_GOV" }],
    ],
  ]);
});

describe("a headline's list of fates and its speaker at the end", () => {
  run("en", [
    [
      "More Than 2,000 North Korean Troops Killed, Wounded: Zelensky",
      [{ metric: "casualties_total", min: 2000, max: null, source: "UA_GOV" }],
    ],
  ]);
  run("de", [
    [
      "Über 2.000 nordkoreanische Soldaten getötet, verwundet: Selenskyj",
      [{ metric: "casualties_total", min: 2000, max: null, source: "UA_GOV" }],
    ],
  ]);
});

describe("what the second validation batch showed", () => {
  run("en", [
    [
      "Pyongyang is thought to have dispatched 9,000 of its soldiers to Russia's Kursk region.",
      [{ metric: "troops_deployed_total", min: 9000 }],
    ],
    [
      "By Seoul's estimate, around 3,000 of Pyongyang's soldiers are dead or wounded.",
      [{ metric: "casualties_total", min: 3000, qualifier: "approx", source: "KR_GOV" }],
    ],
    [
      "Zelensky said up to 3,000 soldiers from North Korea had been wounded or killed. The NIS put the toll at around 2,500.",
      [
        { metric: "casualties_total", max: 3000, source: "UA_GOV" },
        { metric: "casualties_total", min: 2500, source: "NIS" },
      ],
    ],
    [
      "Kyiv's forces have detained two North Korean soldiers, Zelensky said.",
      [{ metric: "captured", min: 2, source: "UA_GOV", region: null }],
    ],
    [
      "The agency believes Pyongyang plans to send an additional 5,000 troops, the NIS told lawmakers.",
      [{ metric: "troops_additional", min: 5000, modality: "projected", source: "NIS" }],
    ],
  ]);
  run("de", [
    [
      "Nordkorea schickt rund 4000 Bausoldaten nach Russland, teilte Moskau mit.",
      [{ metric: "troops_additional", min: 4000, source: "RU_GOV" }],
    ],
    [
      "Der südkoreanische Geheimdienst NIS verzeichnet bereits 2.500 Ausfälle unter den nordkoreanischen Soldaten.",
      [{ metric: "casualties_total", min: 2500, source: "NIS" }],
    ],
    [
      "Nach Angaben der Vereinigten Staaten stehen bis zu 7.000 Soldaten aus Nordkorea nahe der Grenze.",
      [{ metric: "troops_in_region", max: 7000, source: "US_GOV", region: "the border" }],
    ],
    [
      "Mehr als 2.000 nordkoreanische Soldaten seien in Kursk „getötet“ oder „verwundet“ worden, sagte Selenskyj.",
      [{ metric: "casualties_total", min: 2000, source: "UA_GOV" }],
    ],
    ["Das Geschütz aus Nordkorea, das nach Russland geliefert wurde, trägt zwölf Granaten.", []],
  ]);
});

describe("German: attributes before the noun, members of units, the border, what shipments equal", () => {
  run("de", [
    [
      "Ein Großteil der mehr als 9.000 nach Fernost entsandten Nordkoreaner kämpfe inzwischen in Kursk.",
      [{ metric: "troops_deployed_total", min: 9000, qualifier: "more_than" }],
    ],
    [
      "Rund 1200 Mitglieder nordkoreanischer Spezialeinheiten stünden schon in Frontnähe.",
      [{ metric: "troops_in_region", min: 1200, region: "the front" }],
    ],
    [
      "Knapp 9.000 Soldaten aus Nordkorea seien nahe der russisch-ukrainischen Grenze im Einsatz, so der NIS.",
      [
        {
          metric: "troops_in_region",
          max: 9000,
          qualifier: "less_than",
          source: "NIS",
          region: "the border",
        },
      ],
    ],
    [
      "Nordkorea hat Russland Container mit Munition geliefert. Dies entspricht etwa 3,1 bis 4,2 Millionen Einheiten verschiedener Munitionstypen.",
      [{ metric: "shells_delivered", min: 3100000, max: 4200000, qualifier: "range" }],
    ],
    [
      "Kim Jong Un hat zugesagt, rund 5.000 spezialisierte Soldaten und Bauarbeiter nach Kursk zu entsenden. Das teilte die Agentur TASS mit.",
      [{ metric: "troops_additional", min: 5000, modality: "projected", source: "RU_GOV" }],
    ],
  ]);
  run("en", [
    [
      "Up to 7,000 North Korean soldiers are near the Ukrainian border, the Pentagon said.",
      [{ metric: "troops_in_region", max: 7000, source: "US_GOV", region: "the border" }],
    ],
    [
      "Kim Jong Un pledged to send 5,000 soldiers and builders to Kursk, TASS said.",
      [{ metric: "troops_additional", min: 5000, modality: "projected", source: "RU_GOV" }],
    ],
  ]);
});

describe("what a review of the rules found misfiring", () => {
  run("en", [
    [
      "Ukraine says it has lost 40,000 of its soldiers since 2022, while North Korean troops fight in Kursk.",
      [],
    ],
    [
      "A battalion commander said most of the 9,000 North Korean troops had been moved to Kursk.",
      [{ metric: "troops_in_region", min: 9000 }],
    ],
    [
      "North Korea will have to send another 8,000 troops to Russia, analysts say.",
      [{ metric: "troops_additional", min: 8000, modality: "projected" }],
    ],
    [
      "Russian military intelligence said 2,000 North Korean soldiers are training near Kursk.",
      [{ metric: "troops_in_training", min: 2000, source: "RU_GOV" }],
    ],
    [
      "South Korea's NIS said 9,000 North Korean troops are in Russia. The Pentagon also put their number at 9,000.",
      [
        { metric: "troops_deployed_total", min: 9000, source: "NIS" },
        { metric: "troops_deployed_total", min: 9000, source: "US_GOV" },
      ],
    ],
  ]);
  run("de", [
    [
      "Etwa 2.000 nordkoreanische Soldaten bereiten sich auf Kämpfe gegen die Ukraine vor.",
      [{ metric: "troops_deployed_total", min: 2000, source: null }],
    ],
    [
      "Ein Regierungssprecher in Seoul sagte, 9.000 nordkoreanische Soldaten seien in Russland.",
      [{ metric: "troops_deployed_total", min: 9000, source: "KR_GOV" }],
    ],
  ]);
});

describe("wire copy's speakers (from the third validation batch, after it was scored)", () => {
  run("en", [
    [
      "Zelensky, who has accused Moscow of hiding the losses of North Korea, said up to 3,000 of its soldiers were now dead or wounded.",
      [{ metric: "casualties_total", max: 3000, source: "UA_GOV" }],
    ],
    [
      "North Korea sends Russia about 2 million artillery shells a year, reports The Times, citing Western intelligence.",
      [{ metric: "shells_delivered", min: 2000000, source: "WEST" }],
    ],
    [
      "Pyongyang has sent at least 3 million artillery shells to Russia, a British think tank found.",
      [{ metric: "shells_delivered", min: 3000000, source: null }],
    ],
  ]);
  run("de", [
    [
      "Selenskyj, der Russland vorwirft, die Verluste Nordkoreas zu verschweigen, sagte, bis zu 3.000 nordkoreanische Soldaten seien getötet oder verwundet worden.",
      [{ metric: "casualties_total", max: 3000, source: "UA_GOV" }],
    ],
  ]);
});

describe("a handful of soldiers is no contingent", () => {
  run("en", [
    [
      "Ukraine captured two North Korean soldiers. Two soldiers were then transported to Kyiv, Zelensky said.",
      [{ metric: "captured", min: 2 }],
    ],
  ]);
  run("de", [
    [
      "Ukrainische Truppen haben zwei nordkoreanische Soldaten gefangen genommen. Zwei Soldaten kamen später nach Kiew.",
      [{ metric: "captured", min: 2 }],
    ],
  ]);
});

describe("what a casualty noun counts by itself", () => {
  run("de", [
    [
      "Westliche Beamte sagten, dass die Nordkoreaner bislang 3.000 Kriegsverluste erlitten haben.",
      [{ metric: "casualties_total", min: 3000, source: "WEST" }],
    ],
    [
      "Die britischen Geheimdienste schätzten, dass Nordkorea bei den Kämpfen etwa 3.000 Opfer zu beklagen hatte.",
      [{ metric: "casualties_total", min: 3000, source: "UK_GOV" }],
    ],
    [
      'Ein Bericht des US-Geheimdienstes nennt "mindestens zwei Millionen" Granaten, die Pjöngjang an Moskau übergeben haben soll.',
      [{ metric: "shells_delivered", min: 2000000, qualifier: "at_least", source: "US_GOV" }],
    ],
  ]);
  run("en", [
    [
      "North Korean casualties, including killed and wounded, could reach 2,000, the NIS said.",
      [{ metric: "casualties_total", min: 2000, source: "NIS" }],
    ],
  ]);
});

describe("killed, wounded or both", () => {
  run("en", [
    [
      "North Korean losses in Kursk have reached 1,000 dead or injured, the Ukrainian president said.",
      [{ metric: "casualties_total", min: 1000, source: "UA_GOV" }],
    ],
  ]);
  run("de", [
    [
      "Nach Angaben Kiews sind bislang rund 4.000 nordkoreanische Soldaten tot oder verletzt.",
      [{ metric: "casualties_total", min: 4000, qualifier: "approx", source: "UA_GOV" }],
    ],
  ]);
});

describe("who says so", () => {
  run("en", [
    [
      "Western officials said about 4,000 North Korean soldiers were killed or injured. Ukraine put the losses at 4,700.",
      [
        { metric: "casualties_total", min: 4000, source: "WEST" },
        { metric: "casualties_total", min: 4700, source: "UA_GOV" },
      ],
    ],
  ]);
  run("de", [
    [
      "Rund 4.000 Nordkoreaner sind nach westlichen Angaben tot oder verletzt. Kiew bezifferte die Verluste auf 4.700.",
      [
        { metric: "casualties_total", min: 4000, source: "WEST" },
        { metric: "casualties_total", min: 4700, source: "UA_GOV" },
      ],
    ],
  ]);
});

describe("who says so, one sentence away or unnamed", () => {
  run("en", [
    [
      "About 300 North Korean soldiers have been killed, a lawmaker said, citing the spy agency.",
      [{ metric: "killed", min: 300, source: "NIS" }],
    ],
    [
      "Pyongyang has lost about 300 soldiers, lawmaker Lee Seong-kweun said after the session.",
      [{ metric: "casualties_total", min: 300, source: "NIS" }],
    ],
    [
      // The spy agency named before is the one that speaks.
      "Ukraine's military intelligence tracks the troops. About 300 North Korean soldiers have been killed, the spy agency said.",
      [{ metric: "killed", min: 300, source: "HUR" }],
    ],
  ]);
  run("de", [
    [
      "Rund 300 nordkoreanische Soldaten sind getötet worden, sagte ein Abgeordneter unter Berufung auf den südkoreanischen Geheimdienst.",
      [{ metric: "killed", min: 300, source: "NIS" }],
    ],
  ]);
});

describe("who says so: agencies, ministers, officials and the medium between", () => {
  run("de", [
    [
      "Eine Zeitung, die sich auf den ukrainischen Militärgeheimdienst beruft, meldet 40 nordkoreanische Haubitzen für Russland.",
      [{ metric: "howitzers_delivered", min: 40, source: "HUR" }],
    ],
    [
      "Laut ukrainischer Aufklärung hat Nordkorea bereits über 2 Millionen Granaten nach Russland geliefert.",
      [{ metric: "shells_delivered", min: 2000000, source: "HUR" }],
    ],
    [
      "Die Geheimdienste des Vereinigten Königreichs schätzten, dass rund 3.000 nordkoreanische Soldaten getötet oder verwundet wurden.",
      [{ metric: "casualties_total", min: 3000, source: "UK_GOV" }],
    ],
    [
      "Der ukrainische Sicherheitsdienst bestätigte, dass zwei nordkoreanische Soldaten gefangen genommen wurden.",
      [{ metric: "captured", min: 2, source: "UA_GOV" }],
    ],
    [
      // "Schätzungen zufolge": no source; Kim is who sent them, not who says so.
      "Schätzungen zufolge hat Machthaber Kim Jong Un bis zu 10.000 Nordkoreaner nach Russland entsandt.",
      [{ metric: "troops_deployed_total", max: 10000, source: null }],
    ],
    [
      "Rund 3.000 Minenräumer aus Nordkorea werden künftig in Kursk arbeiten. Das gab Russland bekannt.",
      [{ metric: "troops_additional", min: 3000, source: "RU_GOV", modality: "projected" }],
    ],
  ]);
  run("en", [
    [
      "Shipments from North Korea to Russia could hold 2 million shells, Shin Won-sik said on Friday.",
      [{ metric: "shells_delivered", min: 2000000, source: "KR_GOV" }],
    ],
    [
      "Kim acknowledged losses during the mission, stating that seven North Korean soldiers were killed.",
      [{ metric: "killed", min: 7, source: "KP_GOV" }],
    ],
    [
      "Western officials told the broadcaster that 3,000 North Korean troops had been killed. The officials said about 1,000 more had been wounded.",
      [
        { metric: "killed", min: 3000, source: "WEST" },
        { metric: "wounded", min: 1000, source: "WEST" },
      ],
    ],
  ]);
});

describe("who says so: the outlet told, a comma after 'hieß es', a sentence or two on", () => {
  run("de", [
    [
      "Westliche Beamte haben der BBC gesagt, die Truppen litten schwer. Die Beamten, die nicht genannt werden wollten, erklärten, dass 3.000 nordkoreanische Soldaten getötet oder verwundet wurden.",
      [{ metric: "casualties_total", min: 3000, source: "WEST" }],
    ],
    [
      "Am Freitag hieß es, 1.200 nordkoreanische Soldaten würden in Russland ausgebildet.",
      [{ metric: "troops_in_training", min: 1200, source: null }],
    ],
    [
      "Rund 2.000 nordkoreanische Minenräumer werden künftig in Kursk arbeiten. Ihre Aufgabe ist, Minen zu räumen. Das gab Russland bekannt.",
      [{ metric: "troops_additional", min: 2000, source: "RU_GOV" }],
    ],
  ]);
  run("en", [
    [
      "Western officials told the BBC the troops were badly hit. The officials, who asked not to be named, said 3,000 North Korean soldiers had been killed or wounded.",
      [{ metric: "casualties_total", min: 3000, source: "WEST" }],
    ],
    [
      "About 2,000 North Korean sappers will work in Kursk. Their task is to clear mines. This was announced by Moscow.",
      [{ metric: "troops_additional", min: 2000, source: "RU_GOV" }],
    ],
  ]);
});

describe("who says so: appositions, relative pronouns and the verb offered", () => {
  run("en", [
    [
      "Austin, for his part, said 9,000 North Korean soldiers in Russia would go into battle.",
      [{ metric: "troops_deployed_total", min: 9000, source: "US_GOV" }],
    ],
    [
      "The South Korean government, which first denounced the sending of 9,000 troops by Pyongyang, spoke again.",
      [{ metric: "troops_deployed_total", min: 9000, source: "KR_GOV" }],
    ],
    [
      "Zelensky puts North Korea's killed or wounded at 3,000, while U.S. officials offered a smaller estimate, some 1,100 casualties.",
      [
        { metric: "casualties_total", min: 3000, source: "UA_GOV" },
        { metric: "casualties_total", min: 1100, source: "US_GOV" },
      ],
    ],
  ]);
  run("de", [
    [
      "Austin sagte dagegen, die 9.000 nordkoreanischen Soldaten in Russland würden bald kämpfen.",
      [{ metric: "troops_deployed_total", min: 9000, source: "US_GOV" }],
    ],
    [
      "Die südkoreanische Regierung, die die Entsendung von 9.000 Soldaten durch Pjöngjang verurteilt hatte, erklärte das am Montag.",
      [{ metric: "troops_deployed_total", min: 9000, source: "KR_GOV" }],
    ],
  ]);
});

describe("planned or reported", () => {
  run("de", [
    [
      "Nordkorea soll weitere 5.000 Soldaten nach Russland schicken, berichtete die Agentur.",
      [{ metric: "troops_additional", min: 5000, modality: "projected" }],
    ],
    [
      "Bis zu 6.000 nordkoreanische Pioniere sollen nach Kursk verlegt werden.",
      [{ metric: "troops_additional", max: 6000, modality: "projected" }],
    ],
    // Hearsay: "soll … geschickt haben" reports what happened.
    [
      "Nordkorea soll weitere 5.000 Soldaten nach Russland geschickt haben.",
      [{ metric: "troops_additional", min: 5000, modality: "reported" }],
    ],
  ]);
  run("en", [
    [
      "North Korea plans to send 6,000 more troops to Russia, the NIS said.",
      [{ metric: "troops_additional", min: 6000, modality: "projected", source: "NIS" }],
    ],
  ]);
});

describe("planned, hedged, or only about the fighting", () => {
  run("en", [
    [
      "Kim Jong Un decided to send 2,000 sappers to Russia, Shoigu said.",
      [{ metric: "troops_additional", min: 2000, modality: "projected", source: "RU_GOV" }],
    ],
    [
      "About 7,000 North Korean troops are stationed in Kursk and are expected to enter combat soon, Blinken said.",
      [{ metric: "troops_in_region", min: 7000, modality: "reported", source: "US_GOV" }],
    ],
    [
      "North Korea may have sent 3,000 more troops to Russia, South Korea's military said.",
      [{ metric: "troops_additional", min: 3000, modality: "reported", source: "JCS" }],
    ],
    [
      "Seoul said 4,000 builders and 1,000 deminers from North Korea may be sent to Kursk.",
      [
        { metric: "troops_additional", min: 4000, modality: "projected" },
        { metric: "troops_additional", min: 1000, modality: "projected" },
      ],
    ],
  ]);
  run("de", [
    [
      "Südkorea: Pjöngjang könnte fast vier Millionen Granaten an Russland geliefert haben.",
      [{ metric: "shells_delivered", max: 4000000, qualifier: "less_than", modality: "reported" }],
    ],
    [
      "Im Osten Russlands würden derzeit 9.000 nordkoreanische Soldaten ausgebildet, sagte Budanow.",
      [{ metric: "troops_in_training", min: 9000, modality: "reported", source: "HUR" }],
    ],
    [
      "Nach Angaben Kiews sei Nordkorea in der Lage, 20.000 weitere Soldaten zu entsenden.",
      [{ metric: "troops_additional", min: 20000, modality: "projected", source: "UA_GOV" }],
    ],
  ]);
});

describe("one figure once", () => {
  run("en", [
    [
      "North Korea has sent 11,000 troops, or roughly 11,000 soldiers, to Russia, Seoul said.",
      [{ metric: "troops_deployed_total", min: 11000, qualifier: "exact", source: "KR_GOV" }],
    ],
  ]);
  run("de", [
    [
      "Nordkorea hat 11.000 Soldaten, also rund 11.000 Mann, nach Russland geschickt.",
      [{ metric: "troops_deployed_total", min: 11000, qualifier: "exact" }],
    ],
  ]);
});

describe("never a figure", () => {
  run("en", [["North Korean soldiers have fought in Kursk since the spring of 2025, officials said.", []]]);
  run("de", [["Nordkoreanische Soldaten kämpfen seit dem Frühjahr 2025 in Kursk.", []]]);
});

describe("material: calibres, models and what containers hold", () => {
  run("en", [
    [
      "Seoul said North Korea's containers to Russia could hold over 2 million 152-millimeter shells.",
      [{ metric: "shells_delivered", min: 2000000, max: null, qualifier: "more_than", modality: "reported" }],
    ],
    [
      "North Korea has shipped containers to Russia that may contain about 4 million 6-inch artillery shells.",
      [{ metric: "shells_delivered", min: 4000000, qualifier: "approx", modality: "reported" }],
    ],
    [
      "Pyongyang has supplied Moscow with 80 M1989 Koksan howitzers and 40 upgraded 240mm multiple rocket launchers.",
      [
        { metric: "howitzers_delivered", min: 80 },
        { metric: "mlrs_delivered", min: 40 },
      ],
    ],
    [
      "The ships from North Korea to Russia carried between 3.5 and 4.5 million individual rounds of ammunition.",
      [{ metric: "shells_delivered", min: 3500000, max: 4500000, qualifier: "range" }],
    ],
  ]);
  run("de", [
    [
      "Nordkorea hat Russland nach Seouler Angaben bereits 9 Millionen 152-mm-Granaten geliefert.",
      [{ metric: "shells_delivered", min: 9000000, source: "KR_GOV" }],
    ],
    [
      "Mehr als eine Millionen Granaten hat Russland aus Nordkorea bereits erhalten.",
      [{ metric: "shells_delivered", min: 1000000, max: null, qualifier: "more_than" }],
    ],
    [
      "Nordkorea habe 40 Koksan-Geschütze sowie 30 Mehrfachraketenwerfer an Russland geliefert.",
      [
        { metric: "howitzers_delivered", min: 40 },
        { metric: "mlrs_delivered", min: 30 },
      ],
    ],
    [
      "Die Container aus Nordkorea könnten bis zu 3,5 Millionen Artilleriegranaten für Russland enthalten.",
      [{ metric: "shells_delivered", min: null, max: 3500000, qualifier: "up_to", modality: "reported" }],
    ],
    [
      "Die Verwaltung schätzt, dass über 2 Millionen Geschosse sowie hunderte Raketen, darunter 60 KN-23, von Nordkorea an Russland geliefert wurden.",
      [
        { metric: "shells_delivered", min: 2000000, max: null, qualifier: "more_than" },
        { metric: "missiles_delivered", min: 60 },
      ],
    ],
  ]);
});

describe("a share in words", () => {
  run("en", [
    [
      "North Korea supplies about half of Russia's artillery shells, officials say.",
      [{ metric: "ammo_share_percent", min: 50, qualifier: "approx", source: null }],
    ],
    [
      "Half of the shells Russia fires come from North Korea, a report said, citing Western intelligence.",
      [{ metric: "ammo_share_percent", min: 50, source: "WEST" }],
    ],
    [
      // A part of the soldiers is no share of ammunition.
      "Roughly half of the 9,000 North Korean troops in Kursk have been killed or injured, Western officials said.",
      [{ metric: "troops_in_region", min: 9000, source: "WEST" }],
    ],
  ]);
  run("de", [
    [
      "Aus Nordkorea kommt ungefähr die Hälfte der Artillerie-Munition Russlands.",
      [{ metric: "ammo_share_percent", min: 50, qualifier: "approx" }],
    ],
    [
      "Laut ukrainischer Aufklärung stammen 40 % der Artillerie- und Mörsergeschosse, die Russland einsetzt, aus Nordkorea.",
      [{ metric: "ammo_share_percent", min: 40, source: "HUR" }],
    ],
  ]);
});

describe("one hedge for two coordinated counts, one claim for two tellings", () => {
  run("en", [
    [
      "The NIS said that some 200 North Korean soldiers have been killed and 1,800 wounded in Kursk.",
      [
        { metric: "killed", min: 200, qualifier: "approx" },
        { metric: "wounded", min: 1800, qualifier: "approx" },
      ],
    ],
    [
      "Blinken: 7,000 N. Korean soldiers in Kursk\n\nApproximately 7,000 troops from North Korea are now stationed in Kursk.",
      [{ metric: "troops_in_region", min: 7000, qualifier: "approx", source: "US_GOV" }],
    ],
  ]);
  run("de", [
    [
      "Rund 200 nordkoreanische Soldaten seien gefallen und 1.800 verwundet, sagte der Geheimdienst NIS.",
      [
        { metric: "killed", min: 200, qualifier: "approx" },
        { metric: "wounded", min: 1800, qualifier: "approx" },
      ],
    ],
  ]);
});

describe("just short of a number", () => {
  run("en", [
    [
      "Nearly 1,000 North Korean soldiers have been wounded, the NIS said.",
      [{ metric: "wounded", min: null, max: 1000, qualifier: "less_than", source: "NIS" }],
    ],
  ]);
  run("de", [
    [
      "Fast 1.000 nordkoreanische Soldaten wurden nach Angaben des NIS verwundet.",
      [{ metric: "wounded", min: null, max: 1000, qualifier: "less_than", source: "NIS" }],
    ],
  ]);
});

describe("what is counted: specialists and further contingents", () => {
  run("en", [
    [
      "Pyongyang will send 1,000 sappers and 4,000 military builders to the Kursk region, Moscow said.",
      [
        { metric: "troops_additional", min: 1000, modality: "projected" },
        { metric: "troops_additional", min: 4000, modality: "projected" },
      ],
    ],
    [
      "Seoul said North Korea appears to have additionally sent about 2,000 troops to Russia.",
      [{ metric: "troops_additional", min: 2000, qualifier: "approx", source: "KR_GOV" }],
    ],
  ]);
  run("de", [
    [
      "Nordkorea hat nach Angaben Seouls erneut 2.000 Soldaten nach Russland geschickt.",
      [{ metric: "troops_additional", min: 2000, source: "KR_GOV" }],
    ],
    [
      "Von den 11.000 nordkoreanischen Soldaten seien 800 gefallen, 2.500 seien vermisst oder verwundet.",
      [
        { metric: "troops_deployed_total", min: 11000 },
        { metric: "killed", min: 800 },
        { metric: "casualties_total", min: 2500 },
      ],
    ],
  ]);
});

describe("not North Korea's delivery, not a count of wounded", () => {
  run("en", [
    ["Kyiv says Russia has fired over 20 North Korean missiles at Ukraine since January.", []],
    [
      "North Korea sent shells to Russia, while the United States has provided 200,000 artillery shells to Ukraine.",
      [],
    ],
    [
      "Ukraine captured two North Korean soldiers in Kursk. Both soldiers, although wounded, survived, Zelensky said.",
      [{ metric: "captured", min: 2 }],
    ],
  ]);
  run("de", [
    ["Russland hat nach Angaben Kiews über 20 nordkoreanische Raketen auf die Ukraine abgefeuert.", []],
  ]);
});
