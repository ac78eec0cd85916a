import type { MetricId } from "./metrics";

/**
 * Word lists the figure extractor (packages/extract) reads, beside the cues of METRICS, SOURCES
 * and QUALIFIERS. All entries are lower case. Matching policy: an entry matches at a word start;
 * entries of up to four letters must match a whole word, longer ones are stems (a prefix).
 * German and English lists are used together: articles mix them ("laut Reuters", "KN-23").
 */

/** Words that mark North Korea as the owner of troops or material. */
export const NORTH_KOREA_MARKERS: readonly string[] = [
  "nordkorea",
  "nord-korea",
  "north korea",
  "north-korea",
  "n. korea",
  "pjöngjang",
  "pyongyang",
  "kim jong",
  "dprk",
  "dvrk",
  "kpa",
  "koreanische volksarmee",
  "korean people's army",
  "n. korean",
  "n.korea",
  "the north's",
  "the north has",
  "the north had",
  "the north is",
  "the north sent",
  "the north could",
  "the north may",
];

/** North Korea named as a country (a subject), not as an adjective of something else. */
export const NORTH_KOREA_NAMES: readonly string[] = [
  "nordkorea",
  "nordkoreas",
  "north korea",
  "north korea's",
  "pjöngjang",
  "pjöngjangs",
  "pyongyang",
  "pyongyang's",
  "dprk",
  "dvrk",
];

/**
 * Words that mark troops as someone else's ("ukrainische Soldaten", "Russland hat 600.000 Soldaten"):
 * a count of those is never a figure.
 */
export const OTHER_ARMY_MARKERS: readonly string[] = [
  // "100 ausländische Truppen", "foreign fighters": nobody's in particular, so not North Korea's.
  "ausländisch",
  "foreign",
  "ukrain",
  "russisch",
  "russian",
  "russia's",
  "russlands",
  "amerikanisch",
  "american",
  "südkoreanisch",
  "south korean",
  "kiewer",
  "kyiv's",
  "russland",
  "russia",
  "moskau",
  "moscow",
  "kiew",
  "kyiv",
  "südkorea",
  "south korea",
  "the us",
  "u.s.",
  "usa",
  "united states",
  "vereinigten staaten",
  "nato",
  "china",
  "chinese",
  "chinesisch",
  "belarus",
  "wagner",
];

/**
 * Head nouns of a counted phrase ("11.000 nordkoreanische Soldaten", "3,000 more troops").
 * German entries also match as the end of a compound ("Nordkorea-Soldaten", "Elitesoldaten").
 * `people` heads are generic (dead, wounded): they need North Korea named in the same sentence.
 */
export const TROOP_NOUNS = {
  de: [
    "soldat",
    "truppe",
    "kämpfer",
    "mann",
    "männer",
    "militärangehörige",
    "armeeangehörige",
    "nordkoreaner",
    "infanterist",
    "spezialkräfte",
    "spezialeinheit",
    // Military engineers and builders are soldiers too; civilian workers are not.
    "pionier",
    "militäringenieur",
    "minenräumer",
    "militärbauarbeiter",
    // In this story's reporting the builders sent to Kursk are the army's; workers of North
    // Korea's labour exports are "Arbeiter", no troop noun.
    "bauarbeiter",
    "bausoldat",
  ],
  en: [
    "troop",
    "soldier",
    "serviceman",
    "servicemen",
    "service members",
    "personnel",
    "fighter",
    "men",
    "forces",
    "north koreans",
    "infantrymen",
    "military engineer",
    "combat engineer",
    // "nine North Korean engineers were killed": in this war they are sappers, not civilians.
    "engineer",
    "sapper",
    "deminer",
    "military construction worker",
    "military builder",
    "builder",
    "engineering troop",
  ],
} as const;

/**
 * Specialists sent on top of the combat troops (in 2025: sappers, deminers, military builders):
 * a sending of them is a further contingent, never the new total.
 */
export const SPECIALIST_TROOP_NOUNS: readonly string[] = [
  "pionier",
  "militäringenieur",
  "minenräumer",
  "militärbauarbeiter",
  "bauarbeiter",
  "military engineer",
  "combat engineer",
  "engineer",
  "sapper",
  "deminer",
  "military construction worker",
  "military builder",
  "builder",
  "engineering troop",
  "bausoldat",
];

/** Words of arriving: soldiers who arrived are at a place, be it only "in Russland" or nowhere named. */
export const ARRIVAL_CUES: readonly string[] = [
  "arrived",
  "arriving",
  "arrive",
  "angekommen",
  "eingetroffen",
  "ankommen",
];

/**
 * Nouns of telling, and the qualifiers that after them mean "about" ("Informationen über 3.000
 * Soldaten"), not "more than".
 */
export const TOPIC_PREPOSITIONS: readonly string[] = ["über"];
export const TOPIC_NOUNS: readonly string[] = [
  "informationen",
  "berichte",
  "berichten",
  "meldungen",
  "spekulationen",
  "erkenntnisse",
  "gerüchte",
];

/** Words that point to a place named before: "dort in Stellung gegangen", "in the region". */
export const DEICTIC_PLACES: readonly string[] = ["dort", "in the region", "in der region", "vor ort"];

/** Words that make a training cue a purpose of a sending: "zur Ausbildung geschickt", "sent for training". */
export const PURPOSE_WORDS: readonly string[] = ["zur", "for", "für", "zwecks"];

/** Nouns of a share and their percentage, between articles: "die Hälfte der Munition". */
export const SHARE_NOUNS: Record<string, number> = { hälfte: 50, drittel: 33, viertel: 25 };
export const SHARE_ARTICLES: readonly string[] = ["die", "der", "des", "ein", "einem"];

/** "sich auf X beruft": the verbs that make a reflexive "sich auf" an attribution, not "bereiten sich auf". */
export const RELYING = {
  anchor: "sich auf",
  verbs: ["beruft", "berufen", "bezieht", "beziehen", "stützt", "stützen"],
} as const;

/** Adverbs that make a sending a further one: "additionally sent 3,000", "erneut 3.000 geschickt". */
export const ADDITIONAL_ADVERBS: readonly string[] = [
  "additionally",
  "in addition",
  "additional deployment",
  "further deployment",
  "zusätzlich",
  "zusätzliche entsendung",
  "erneut",
];

/**
 * Words hyphenated to a number that make it the strength of a force: "a 10,000-strong contingent",
 * "eine 12.000-Mann-Truppe", "eine 3.000-köpfige Einheit". A force's size, never its losses.
 */
export const FORCE_STRENGTH_WORDS: readonly string[] = ["strong", "man", "mann", "köpfig"];

/**
 * Nouns of losses: after a count of soldiers they say what befell the soldiers, not how many were
 * lost ("11,000 troops suffered heavy losses" counts troops, "4,000 troops were killed" counts dead).
 */
export const LOSS_NOUNS: readonly string[] = ["losses", "casualties", "verluste", "opfer"];

export const PEOPLE_NOUNS = {
  de: [
    "tote",
    "toten",
    "todesopfer",
    "gefallene",
    "verwundete",
    "verletzte",
    "gefangene",
    "kriegsgefangene",
    "verluste",
    "opfer",
    "ausfälle",
  ],
  en: ["dead", "deaths", "casualties", "wounded", "injured", "prisoners", "pows", "losses", "killed"],
} as const;

/** What each casualty noun counts by itself, also as the end of a compound ("Kriegsverluste"). */
export const PEOPLE_NOUN_METRICS: Partial<Record<string, MetricId>> = {
  tote: "killed",
  toten: "killed",
  todesopfer: "killed",
  gefallene: "killed",
  verwundete: "wounded",
  verletzte: "wounded",
  gefangene: "captured",
  kriegsgefangene: "captured",
  verluste: "casualties_total",
  ausfälle: "casualties_total",
  opfer: "casualties_total",
  dead: "killed",
  deaths: "killed",
  killed: "killed",
  casualties: "casualties_total",
  losses: "casualties_total",
  wounded: "wounded",
  injured: "wounded",
  prisoners: "captured",
  pows: "captured",
};

/**
 * Where a metric's cue must stand to count:
 * `head`: it is the counted noun itself ("500 Offiziere", "220 Haubitzen");
 * `phrase`: inside the counted phrase ("3.000 weitere Soldaten", "another 3,000 troops");
 * `clause`: anywhere in the number's clause (verbs: "entsandt", "killed or wounded").
 */
export const METRIC_CUE_SCOPE: Record<MetricId, "head" | "phrase" | "clause"> = {
  troops_deployed_total: "clause",
  troops_additional: "phrase",
  troops_in_region: "clause",
  troops_in_training: "clause",
  casualties_total: "clause",
  killed: "clause",
  wounded: "clause",
  captured: "clause",
  officers: "head",
  generals: "head",
  shells_delivered: "head",
  howitzers_delivered: "head",
  mlrs_delivered: "head",
  artillery_systems_delivered: "head",
  missiles_delivered: "head",
  ammo_share_percent: "clause",
};

/**
 * Extra cues, added to those of METRICS: more inflections and phrasings of war reporting.
 * `weak` cues only decide when no other cue is in the clause ("insgesamt 4.000 getötet" is killed).
 */
export const METRIC_EXTRA_CUES: Partial<
  Record<MetricId, { de?: readonly string[]; en?: readonly string[]; weak?: readonly string[] }>
> = {
  troops_deployed_total: {
    de: [
      "entsendet",
      "entsendung",
      "verlegt",
      "verschifft",
      "geliefert",
      "bereitgestellt",
      "zur verfügung gestellt",
    ],
    en: ["sends", "sending", "shipped", "transferred", "transported", "provided", "supplied", "committed"],
    weak: ["insgesamt", "gesamtzahl", "erhalten", "in total", "total", "bislang", "so far", "in all"],
  },
  troops_additional: {
    de: ["weiteren", "weiterer", "zusätzlich", "neue", "neuen"],
    en: ["fresh", "new", "extra"],
  },
  troops_in_region: {
    de: [
      "angekommen",
      "eingetroffen",
      "stationiert",
      "im einsatz",
      "eingesetzt",
      "kämpfen",
      "kämpften",
      "an der front",
      "in stellung",
    ],
    en: [
      "arrived",
      "arriving",
      "stationed",
      "present in",
      "fighting",
      "based in",
      "operating in",
      "on the front",
      "moved to",
      "moved into",
      "massed",
      "amassed",
      "operational",
    ],
  },
  troops_in_training: {
    de: ["trainiert", "trainieren", "ausgebildet", "ausbildung", "training"],
    en: ["training", "trained", "being trained", "undergoing training"],
  },
  casualties_total: {
    de: [
      "getötet oder verwundet",
      "getötet oder verletzt",
      "getötet und verwundet",
      "getötet und verletzt",
      "tot oder verwundet",
      "tot oder verletzt",
      "verwundet oder getötet",
      "verletzt oder getötet",
      "ausfälle",
      "vermisst oder verwundet",
      "vermisst oder verletzt",
      "verletzt oder vermisst",
      "verwundet oder vermisst",
      "tot oder vermisst",
      "getötet oder vermisst",
      "gefallen oder verwundet",
      "gefallen oder verletzt",
      "toten und verletzten",
      "tote und verletzte",
      "toten oder verletzten",
      "toten und verwundeten",
      "toten oder verwundeten",
      "todesopfer und verletzt",
      "todesopfer und verwundet",
      // Inflected before the noun: "knapp 4.000 getöteten oder verletzten Nordkoreanern".
      "getöteten oder verletzten",
      "getöteten und verletzten",
      "getöteten oder verwundeten",
      "getöteten und verwundeten",
      "gefallenen oder verwundeten",
      "gefallenen und verwundeten",
      "gefallenen oder verletzten",
      "gefallenen und verletzten",
      "verloren",
      "verluste",
      "opfer",
    ],
    en: [
      "casualties",
      "killed or wounded",
      "killed or injured",
      "killed and wounded",
      "killed and injured",
      "wounded or killed",
      "injured or killed",
      // "the NIS put the toll at 2,500": a toll of dead and wounded.
      "the toll",
      "dead or wounded",
      "dead and wounded",
      "dead or injured",
      "dead and injured",
      "missing or wounded",
      "wounded or missing",
      "killed or missing",
      "dead or missing",
      "losses",
      "lost",
    ],
  },
  killed: {
    de: [
      "getötet",
      "gefallen",
      "tot",
      "tote",
      "toten",
      "todesopfer",
      "ums leben",
      "gestorben",
      "starben",
      "umgekommen",
    ],
    en: ["killed", "killing", "dead", "died", "deaths", "lost their lives", "perished"],
  },
  wounded: {
    de: ["verwundet", "verletzt", "verwundete", "verletzte"],
    en: ["wounded", "injured"],
  },
  captured: {
    de: [
      "gefangen genommen",
      "gefangengenommen",
      "gefangene",
      "kriegsgefangene",
      "in gefangenschaft",
      "gefangennahme",
      "in geiselhaft",
      "festgenommen",
      "in gewahrsam",
    ],
    en: ["captured", "taken prisoner", "prisoners", "pows", "surrendered", "capture of", "detained"],
  },
  officers: { de: ["offizier"], en: ["officer"] },
  generals: { de: ["generäle", "generälen"], en: ["generals"] },
  shells_delivered: {
    de: [
      "artilleriegeschoss",
      "artilleriegranate",
      "granate",
      "geschoss",
      "schuss munition",
      "munition",
      "munitionstyp",
    ],
    en: ["artillery shell", "shell", "artillery rounds", "rounds", "munitions"],
  },
  howitzers_delivered: {
    // Koksan is the self-propelled gun North Korea supplies: "50 Koksan-Geschütze", "120 Koksans".
    de: ["haubitze", "koksan"],
    en: ["howitzer", "self-propelled gun", "self-propelled artillery", "koksan"],
  },
  mlrs_delivered: {
    de: ["raketenwerfer", "raketenstartsystem", "raketensystem"],
    en: [
      "rocket launcher",
      "rocket systems",
      "mlrs",
      "multiple launch rocket system",
      "multiple-launch rocket system",
      "launch rocket system",
    ],
  },
  artillery_systems_delivered: {
    de: ["artilleriesystem", "artilleriegeschütz", "geschütz"],
    en: ["artillery systems", "artillery pieces", "artillery guns"],
  },
  missiles_delivered: {
    de: ["ballistische rakete", "kurzstreckenrakete", "kn-23", "kn-24", "hwasong"],
    en: ["ballistic missile", "missile", "kn-23", "kn-24"],
  },
  ammo_share_percent: {
    de: [
      "munitionsbedarf",
      "artilleriemunition",
      "artillerie",
      "mörsergeschoss",
      "granaten",
      "geschosse",
      "munition",
    ],
    en: ["ammunition", "artillery shells", "shells", "munitions"],
  },
};

/**
 * Material counts only as delivered where the sentence says so or names Russia: "North Korea fired
 * 10 ballistic missiles into the sea" is a test, not a delivery.
 */
export const DELIVERY_CUES: readonly string[] = [
  // "die umfangreichen Munitionstransporte", "Waffenlieferungen": deliveries named as nouns.
  "munitionstransport",
  "munitionslieferung",
  "waffenlieferung",
  "geliefert",
  "liefert",
  "liefere",
  "lieferte",
  "lieferung",
  "bereitgestellt",
  "überlassen",
  "erhalten",
  "erhielt",
  "bekommen",
  "stammen",
  "stammt",
  "geschickt",
  "schickte",
  "verschifft",
  "transferiert",
  "supplied",
  "supplies",
  "supply",
  "provided",
  "provides",
  "sent",
  "sends",
  "shipped",
  "ships",
  "delivered",
  "delivers",
  "delivery",
  "deliveries",
  "received",
  "receives",
  "handed over",
  "transferred",
  "exported",
];

/** Russia as the receiver: material named with it is delivered ("Russland hat … erhalten"). */
export const DELIVERY_RECIPIENTS: readonly string[] = [
  "russland",
  "russisch",
  "moskau",
  "kreml",
  "russia",
  "moscow",
  "kremlin",
];

/** Material sent to Ukraine is another country's aid, never North Korea's delivery. */
export const OTHER_RECIPIENTS: readonly string[] = [
  "to ukraine",
  "an die ukraine",
  "für die ukraine",
  "to kyiv",
  "an kiew",
];

/**
 * Verbs of firing: missiles "fired at Ukraine" or "eingesetzt" are used, not counted as delivered,
 * unless a delivery verb says so too.
 */
export const FIRING_VERBS: readonly string[] = [
  "fired",
  "launched",
  "used",
  "abgefeuert",
  "eingesetzt",
  "verschossen",
  "gestartet",
];

/** "Two soldiers, although wounded, survived": a concession describes them, it counts no wounded. */
export const CONCESSIVES: readonly string[] = [
  "although",
  "though",
  "albeit",
  "obwohl",
  "wenn auch",
  "wenngleich",
];

/**
 * Words of the war North Korea's troops fight in. A troop count needs one of them in its sentence
 * or just before: "Kim oversaw a drill of 10,000 soldiers" is about North Korea at home.
 */
export const WAR_CONTEXT: readonly string[] = [
  "russland",
  "russisch",
  "russen",
  "moskau",
  "kreml",
  "putin",
  "ukrain",
  "kiew",
  "krieg",
  "front",
  "kampf",
  "kämpf",
  "gefecht",
  "einsatz",
  "entsandt",
  "entsendung",
  "russia",
  "russian",
  "moscow",
  "kremlin",
  "kyiv",
  "war",
  "combat",
  "battle",
  "fighting",
  "frontline",
  "front line",
  "deployment",
  "deployed",
  "kursk",
  "donbas",
  "donezk",
  "donetsk",
  "pokrovsk",
  "pokrowsk",
  "vladivostok",
  "wladiwostok",
  "getötet",
  "gefallen",
  "verwundet",
  "verluste",
  "killed",
  "wounded",
  "casualties",
  "losses",
];

/**
 * Contingents are sent by the hundred at the least: "two soldiers … were transported to Kyiv" is no
 * deployment figure, whatever else the clause says.
 */
export const PLAUSIBLE_MIN: Partial<Record<MetricId, number>> = {
  troops_deployed_total: 100,
  troops_additional: 100,
  troops_in_training: 100,
  // "ein Geschütz, das zwölf Granaten trägt": shells are delivered by the thousand.
  shells_delivered: 1000,
};

/** The most a figure of a metric can plausibly be; more is another count (North Korea's army). */
export const PLAUSIBLE_MAX: Partial<Record<MetricId, number>> = {
  troops_deployed_total: 300_000,
  troops_additional: 300_000,
  troops_in_region: 300_000,
  troops_in_training: 300_000,
  casualties_total: 300_000,
  killed: 300_000,
  wounded: 300_000,
  captured: 100_000,
  officers: 50_000,
  generals: 1_000,
  howitzers_delivered: 10_000,
  mlrs_delivered: 10_000,
  artillery_systems_delivered: 20_000,
  missiles_delivered: 10_000,
  shells_delivered: 100_000_000,
  ammo_share_percent: 100,
};

/** Words that make a number a projection (könnte insgesamt 12.000 schicken) rather than a report. */
export const PROJECTION_CUES: readonly string[] = [
  "könnte",
  "könnten",
  "könne",
  "dürfte",
  "dürften",
  "plant",
  "planen",
  "plante",
  "planten",
  "geplant",
  "beabsichtigt",
  "will",
  "wolle",
  "wollen",
  "erwartet",
  "erwarten",
  "voraussichtlich",
  "künftig",
  "beschlossen",
  "beschließt",
  "entschieden",
  "in der lage",
  "could",
  "may",
  "might",
  "would",
  "plans",
  "plan to",
  "planned",
  "planning",
  "intends",
  "expected to",
  "expected soon",
  "expected shortly",
  "expected later",
  "expected next",
  "expects",
  "likely to",
  "is set to",
  "are set to",
  "will",
  "prepared to",
  "preparing to",
  "decided to",
  "decides to",
  "agreed to",
  "capable of",
  "able to",
  "ready to",
  // "Kim hat angekündigt, weitere 6.000 Pioniere zu schicken", "pledged to send", "hat zugesagt".
  "angekündigt",
  "zugesagt",
  "versprochen",
  "kündigt",
  "pledged to",
  "vowed to",
  "promised to",
  "announced plans",
  // "Nordkorea bereitet die Entsendung von 6.000 weiteren Soldaten vor".
  "bereitet",
  "bereiten",
  "vorbereitet",
  "poised to",
];

/**
 * "Nordkorea soll weitere 5.000 Soldaten schicken", "sollen verlegt werden": "soll" with the
 * infinitive of a sending verb, or a passive future, is a plan. With a perfect ("soll … geschickt
 * haben") it is hearsay, a report.
 */
export const PLANNED_SENDING = {
  // "würden … schicken" plans; "würden derzeit ausgebildet" only reports what someone said.
  modals: ["soll", "sollen", "würde", "würden"],
  infinitives: ["schicken", "entsenden", "senden", "verlegen", "liefern", "folgen", "werden", "eintreffen"],
  /** After the infinitive they make a perfect: hearsay. */
  perfect: ["haben", "sein", "lassen"],
} as const;

/**
 * Words of fighting: a modal after a count that leads to them projects the fighting, not the count
 * ("8,000 troops … are expected to enter combat", "sollen bald in die Kämpfe eingreifen").
 */
export const COMBAT_WORDS: readonly string[] = [
  "combat",
  "fight",
  "battle",
  "front line",
  "frontline",
  "kampf",
  "kämpf",
  "gefecht",
  "eingreifen",
  "front",
];

/**
 * Verbs of what shipments hold: after a modal they estimate a delivery ("containers that could hold
 * 3 million shells", "die bis zu 4,8 Millionen Granaten enthalten könnten"), they plan nothing.
 */
export const CAPACITY_VERBS: readonly string[] = [
  "hold",
  "contain",
  "carry",
  "accommodate",
  "translate",
  "be enough",
  "amount to",
  "enthalten",
  "fassen",
  "umfassen",
  "entsprechen",
  "entspricht",
  "mean",
  "bedeuten",
  "there could be",
  "there may be",
  "there might be",
];

/**
 * The auxiliaries of a perfect infinitive: after a modal they hedge what happened ("may have sent",
 * "könnte … geliefert haben", "dürften … gefallen sein"), they project nothing.
 */
export const MODAL_PERFECT = { en: ["have"], de: ["haben", "sein"] } as const;

/** Words with which a party denies a claim ("Peskow dementierte, dass ..."). */
export const DENIAL_CUES: readonly string[] = [
  "dementiert",
  "dementierte",
  "dementieren",
  "dementi",
  "bestreitet",
  "bestreiten",
  "bestritt",
  "bestritten",
  "zurückgewiesen",
  "wies zurück",
  "weist zurück",
  "denies",
  "denied",
  "deny",
  "rejected",
  "dismissed",
  "refuted",
];

/** A denial cue close after one of these is not a denial ("weder bestätigt noch dementiert"). */
export const NEGATIONS: readonly string[] = [
  "nicht",
  "noch",
  "weder",
  "kein",
  "not",
  "nor",
  "neither",
  "never",
];

/**
 * Attribution anchors and where their source stands.
 * `before`: the source follows ("laut Seoul", "according to the NIS", "nach Angaben des Militärs").
 * `nouns`: the source is an adjective just before or a genitive after ("nach südkoreanischen
 * Angaben", "Schätzungen der Regierungen Südkoreas"). `after`: the source precedes ("Seoul zufolge").
 * `own`: the sentence's subject speaks for itself.
 * `verbs`: the source is the subject, before the verb or right after it ("Seoul erklärte",
 * "sagte Budanow", "Zelensky said", "said the agency").
 */
export const ATTRIBUTION_CUES = {
  before: [
    "laut",
    "hieß es",
    "heißt es",
    "unter berufung auf",
    "according to",
    "citing",
    "cited by",
    "gemäß",
    "beruft sich auf",
    // "…, die sich auf den ukrainischen Geheimdienst beruft": only with a verb of relying after it.
    "sich auf",
    "unter verweis auf",
    "quoted",
    "so der",
    "so die",
    "so das",
  ],
  nouns: [
    "angaben",
    // "in einem Bericht des US-Geheimdienstes", "a report by the Pentagon".
    "bericht",
    "report by",
    "informationen",
    "erkenntnissen",
    "erkenntnisse",
    "schätzungen",
    "schätzung",
    "einschätzung",
    "darstellung",
    "berechnungen",
    "estimates",
    "estimate",
    "assessment",
    "figures",
    "data",
    "intelligence",
  ],
  after: ["zufolge"],
  /** The speaker is the sentence's subject: "Die Ukraine hat nach eigenen Angaben 500 … getötet". */
  own: [
    "nach eigenen angaben",
    "eigenen angaben zufolge",
    "by its own count",
    "by their own count",
    "its own estimate",
  ],
  verbs: [
    "sagte",
    "sagt",
    "sagten",
    "sagen",
    "erklärte",
    "erklärt",
    "erklärten",
    "teilte",
    "teilt",
    "teilten",
    "mitteilte",
    "schätzt",
    "schätzen",
    "schätzte",
    "schätzten",
    "davon aus",
    // "Der Geheimdienst geht inzwischen von rund 4.000 Toten aus".
    "geht",
    "gehen",
    "spricht",
    "sprach",
    "sprechen",
    "meldet",
    "meldete",
    "meldeten",
    "berichtet",
    "berichtete",
    "berichteten",
    "äußerte",
    "äußerten",
    "bestätigte",
    "bestätigt",
    "schrieb",
    "warnte",
    "betonte",
    "vermutet",
    "glaubt",
    "nannte",
    "nennt",
    "nennen",
    "gewarnt",
    "gesagt",
    "mitgeteilt",
    "angegeben",
    "beziffert",
    "bezifferte",
    "zählt",
    "zählte",
    "dementierte",
    "bestritt",
    "bestreitet",
    "said",
    "says",
    "say",
    "told",
    "tells",
    "estimated",
    "estimates",
    "estimate",
    "reported",
    "reports",
    "believes",
    "believe",
    "assessed",
    "assesses",
    "claimed",
    "claims",
    "stated",
    "announced",
    "confirmed",
    "added",
    "noted",
    "warned",
    "wrote",
    "revealed",
    "disclosed",
    "denied",
    "denies",
    // "Seoul puts the figure at 3,400", "Ukraine put the losses at 4,700".
    "puts",
    "put",
    "warns",
    "warnt",
    "warnen",
    "stating",
    "saying",
    "estimating",
    "concurred",
    "offered",
    "places",
    "acknowledged",
    "suggests",
    "legt nahe",
    "denounced",
    "enthüllte",
    "enthüllt",
    "veröffentlichte",
    "published",
    "gerechnet",
    "rechnet",
    "gaben an",
    "gab an",
    "verzeichnet",
    // "Das gab Russland bekannt", "bekanntgegeben".
    "bekannt",
  ],
} as const;

/**
 * Outlets and their names: a reprint ("Laut «Tagesschau»", "told the Kyiv Independent") is not a
 * source, and their names must not be read as one ("Kyiv" in "Kyiv Independent").
 */
export const OUTLETS: readonly string[] = [
  "kyiv independent",
  "kyiv post",
  "kyiv times",
  "korea herald",
  "korea times",
  "korea joongang daily",
  "joongang",
  "chosun",
  "yonhap",
  "reuters",
  "afp",
  "dpa",
  "bbc",
  "cnn",
  "tagesschau",
  "spiegel",
  "n-tv",
  "ntv",
  "zdf",
  "ard",
  "deutschlandfunk",
  "deutsche welle",
  "new york times",
  "washington post",
  "wall street journal",
  "financial times",
  "moscow times",
  "ukrainska pravda",
  "ukrinform",
  "nk news",
  "kbs",
  "mbc",
  "sbs",
  "politico",
  "bloomberg",
  "associated press",
  "radio free europe",
  "rferl",
  // Media in general ("ukrainische Medien berichteten", "South Korean media reported"): a reprint,
  // not the government named before the word.
  "medien",
  "media",
  // Longer than the adjective stems of the sources ("ukrainisch", "britisch", "südkorea"), so the
  // media win where they are named: "laut ukrainischen Medien".
  "ukrainische medien",
  "ukrainischen medien",
  "ukrainian media",
  "britische medien",
  "britischen medien",
  "british media",
  "südkoreanische medien",
  "südkoreanischen medien",
  "south korean media",
  "russische medien",
  "russischen medien",
  "russian media",
  "staatsmedien",
  "state media",
  "the times",
  "the telegraph",
  "the guardian",
  "sky news",
  "the war zone",
  // Research groups report, they are no catalogue source: "the British think tank".
  "think tank",
  "british think tank",
  "denkfabrik",
  "britische denkfabrik",
];

/**
 * Speakers named by a pronoun or a generic noun ("he said", "sagte er", "the agency said"): they
 * are the source last named before. German pronouns also count after the verb ("sagte er").
 */
export const ANAPHORIC_SPEAKERS = {
  before: [
    "he",
    "she",
    "they",
    "it",
    "er",
    "sie",
    "wir",
    "we",
    "the agency",
    "the spy agency",
    "the ministry",
    "the official",
    "the officials",
    "die beamten",
    "die behörde",
    "das ministerium",
    "der geheimdienst",
    "die agentur",
  ],
  after: ["er", "sie", "der geheimdienst", "die behörde", "das ministerium"],
  /** Whom a generic noun means when no source was named before it: in this story, Seoul's spy agency. */
  unnamed: { "the spy agency": "NIS" },
} as const;

/** Region names, canonical (English) name first; the others are how texts spell it. */
export const REGIONS: readonly (readonly [string, ...string[]])[] = [
  ["Kursk", "kursk"],
  ["Belgorod", "belgorod"],
  ["Bryansk", "bryansk", "brjansk"],
  ["Donbas", "donbas", "donbass"],
  ["Donetsk", "donetsk", "donezk", "donezker"],
  ["Luhansk", "luhansk", "lugansk"],
  ["Zaporizhzhia", "zaporizhzhia", "saporischschja", "zaporizhia"],
  ["Kherson", "kherson", "cherson"],
  ["Kharkiv", "kharkiv", "charkiw"],
  ["Crimea", "crimea", "krim"],
  ["Sudzha", "sudzha", "sudscha"],
  ["Pokrovsk", "pokrovsk", "pokrowsk"],
  ["Vladivostok", "vladivostok", "wladiwostok"],
  ["Russian Far East", "far east", "fernen osten", "fernost"],
  ["Khabarovsk", "khabarovsk", "chabarowsk"],
  [
    "the front",
    "an der front",
    "at the front",
    "on the front",
    "to the front",
    "an die front",
    "front line",
    "frontline",
    "frontlinie",
    "frontnähe",
    "near the front",
  ],
  [
    "the border",
    "nahe der grenze",
    "an der grenze",
    "nahe der ukrainischen grenze",
    "nahe der russisch-ukrainischen grenze",
    "an der ukrainischen grenze",
    "near the border",
    "along the border",
    "near the ukrainian border",
  ],
  ["Ukraine", "in der ukraine", "in ukraine"],
  [
    "Russia",
    "in russland",
    "nach russland",
    "in russia",
    "to russia",
    "inside russia",
    "russischen föderation",
    "russian federation",
  ],
];

/** Words between a number and what it counts that count nothing themselves ("220 units of howitzers"). */
export const TRANSPARENT_NOUNS: readonly string[] = [
  "units of",
  "pieces of",
  "sets of",
  "stück",
  "einheiten",
  // "1500 Mitglieder nordkoreanischer Spezialeinheiten": the members are the soldiers.
  "mitglieder",
];

/** Words that resolve to the subject of the previous sentence ("4.000 von ihnen", "of them"). */
export const ANAPHORA: readonly string[] = [
  "von ihnen",
  "davon",
  "unter ihnen",
  "of them",
  "of whom",
  "among them",
  "of those",
  "of these",
  // "… 600 North Korean soldiers killed. Some 2,700 others have been injured."
  "others",
];

/**
 * Words that announce the quantity of a noun named earlier: "die Gesamtzahl ... auf 11.000",
 * "put the number of North Korean casualties at 4,000".
 */
export const COUNT_NOUNS: readonly string[] = [
  "zahl",
  "anzahl",
  "gesamtzahl",
  "umfang",
  "stärke",
  "number",
  "total",
  "tally",
  "toll",
  "figure",
  "count",
  "strength",
];

/** Vague quantity words: never a figure even if a number parser reads one. */
export const VAGUE_QUANTITIES: readonly string[] = [
  "tausende",
  "tausenden",
  "hunderte",
  "hunderten",
  "dutzende",
  "dutzenden",
  "zehntausende",
  "mehrere",
  "einige",
  "thousands",
  "hundreds",
  "dozens",
  "tens of thousands",
  "several",
  "a few",
  "some thousand",
];
