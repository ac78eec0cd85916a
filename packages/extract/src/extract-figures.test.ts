import { describe, expect, it } from "vitest";
import { type Expected, expectFigures, figures } from "./expect-figures";
import { extractFigures } from "./extract-figures";

describe("extractFigures: English war reporting", () => {
  const cases: [string, Expected[], string?][] = [
    [
      "A total of 14,000 North Korean troops have been deployed, including 3,000 sent this year, the JCS said.",
      [{ metric: "troops_deployed_total", min: 14000, source: "JCS" }],
    ],
    [
      "Pyongyang is also believed to have supplied some 50 KN-23 ballistic missiles to Russia, U.S. officials said.",
      [{ metric: "missiles_delivered", min: 50, qualifier: "approx", source: "US_GOV" }],
    ],
    [
      "North Korea has dispatched 10,000-plus soldiers to Russia, officials in Seoul say.",
      [{ metric: "troops_deployed_total", min: 10000, max: null, qualifier: "more_than", source: "KR_GOV" }],
    ],
    [
      "North Korea has sent 11,000 or more troops to Russia, the Pentagon said.",
      [{ metric: "troops_deployed_total", min: 11000, max: null, qualifier: "at_least", source: "US_GOV" }],
    ],
    [
      "Kyiv says Pyongyang has shipped at least 120 Koksan self-propelled guns to Russia.",
      [{ metric: "howitzers_delivered", min: 120, max: null, qualifier: "at_least", source: "UA_GOV" }],
    ],
    [
      "North Korea is preparing to send as many as 6,000 additional military engineers to Russia.",
      [{ metric: "troops_additional", min: null, max: 6000, qualifier: "up_to", modality: "projected" }],
    ],
    [
      // The name after "said" is the subject of what was said, not the speaker.
      "A South Korean lawmaker said Pyongyang had lost about 2,000 troops in Kursk.",
      [{ metric: "casualties_total", min: 2000, source: "KR_GOV" }],
    ],
    [
      // Peskov did not say it: "reports" is a noun here.
      "Kremlin spokesman Dmitry Peskov declined to comment on reports that 12,000 North Korean soldiers were in Russia.",
      [{ metric: "troops_deployed_total", min: 12000, source: null }],
    ],
    [
      // The value a change starts from is no figure of today: no false "estimate dropped".
      "South Korea's NIS said the number of North Korean troops in Russia had risen to about 15,000, up from 11,000 in December.",
      [{ metric: "troops_deployed_total", min: 15000, max: 15000, qualifier: "approx", source: "NIS" }],
    ],
    [
      "The NIS said the number of North Korean troops in Russia had increased from 11,000 to 15,000.",
      [{ metric: "troops_deployed_total", min: 15000, max: 15000, qualifier: "exact", source: "NIS" }],
    ],
    [
      "While Kyiv says 4,000 North Korean soldiers have been killed or wounded, Seoul puts the figure at 3,400.",
      [
        { metric: "casualties_total", min: 4000, source: "UA_GOV" },
        { metric: "casualties_total", min: 3400, source: "KR_GOV" },
      ],
    ],
    [
      // Ages are no counts, nor the number coordinated with one.
      "The two North Korean prisoners, aged 20 and 26, were captured in Kursk, Kyiv said.",
      [{ metric: "captured", min: 2, source: "UA_GOV" }],
    ],
    [
      "The NIS said some 1,500 North Korean special forces troops had been shipped to Russia, with another 1,500 expected soon.",
      [
        { metric: "troops_deployed_total", min: 1500, qualifier: "approx", modality: "reported" },
        { metric: "troops_additional", min: 1500, modality: "projected", source: "NIS" },
      ],
    ],
    [
      "South Korean media reported that 300 North Korean soldiers had been killed.",
      [{ metric: "killed", min: 300, source: null }],
    ],
    [
      // The speaker after a passive reporting verb, across a number's digit comma.
      "The number of North Korean casualties was estimated at 4,700 by South Korea's Joint Chiefs of Staff.",
      [{ metric: "casualties_total", min: 4700, max: 4700, qualifier: "exact", source: "JCS" }],
    ],
    [
      "South Korea's spy agency said on Wednesday that about 3,000 more North Korean troops were sent to Russia in January and February.",
      [
        {
          metric: "troops_additional",
          min: 3000,
          max: 3000,
          qualifier: "approx",
          source: "NIS",
          modality: "reported",
          date: "2025-02-26",
        },
      ],
      "2025-02-27",
    ],
    [
      "Ukraine's military intelligence said 1,000 North Korean soldiers have been killed.",
      [{ metric: "killed", min: 1000, max: 1000, qualifier: "exact", source: "HUR", modality: "reported" }],
    ],
    [
      "Zelensky said some 4,000 North Korean soldiers were killed or wounded in the Kursk region.",
      [
        {
          metric: "casualties_total",
          min: 4000,
          max: 4000,
          qualifier: "approx",
          source: "UA_GOV",
          region: null,
        },
      ],
    ],
    [
      "The NIS estimates around 2,000 North Korean troops died in the fighting.",
      [{ metric: "killed", min: 2000, max: 2000, qualifier: "approx", source: "NIS" }],
    ],
    [
      "Ukrainian forces captured two North Korean soldiers in the Kursk region, Zelensky said.",
      [{ metric: "captured", min: 2, max: 2, qualifier: "exact", source: "UA_GOV", region: null }],
    ],
    [
      "North Korea now provides 60 percent of Russia's artillery shells, Budanov said.",
      [{ metric: "ammo_share_percent", min: 60, max: 60, qualifier: "exact", source: "HUR" }],
    ],
    [
      "North Korea has sent more than 10,000 troops to Russia, according to US and South Korean officials.",
      [{ metric: "troops_deployed_total", min: 10000, max: null, qualifier: "more_than", source: "KR_GOV" }],
    ],
    [
      "Seoul estimates that North Korea has lost around 4,700 soldiers, including 600 killed.",
      [
        { metric: "casualties_total", min: 4700, max: 4700, qualifier: "approx", source: "KR_GOV" },
        { metric: "killed", min: 600, max: 600, qualifier: "exact", source: "KR_GOV" },
      ],
    ],
    [
      "An additional 1,500 North Korean troops have arrived in Kursk, the GUR said.",
      [{ metric: "troops_additional", min: 1500, max: 1500, source: "HUR" }],
    ],
    [
      "North Korea has shipped about 200 long-range artillery pieces and 50 multiple rocket launchers to Russia.",
      [
        { metric: "artillery_systems_delivered", min: 200, max: 200, qualifier: "approx" },
        { metric: "mlrs_delivered", min: 50, max: 50, qualifier: "exact" },
      ],
    ],
    [
      "Pyongyang has sent over 9 million artillery shells to Moscow since 2023.",
      [{ metric: "shells_delivered", min: 9_000_000, max: null, qualifier: "more_than" }],
    ],
    [
      "North Korea is expected to send another 6,000 troops, the Pentagon said.",
      [{ metric: "troops_additional", min: 6000, max: 6000, modality: "projected", source: "US_GOV" }],
    ],
    [
      "Seoul says at least 300 North Korean soldiers have died and 2,700 have been injured.",
      [
        { metric: "killed", min: 300, max: null, qualifier: "at_least", source: "KR_GOV" },
        { metric: "wounded", min: 2700, max: 2700, qualifier: "exact", source: "KR_GOV" },
      ],
    ],
    [
      "South Korea's Joint Chiefs of Staff said North Korea has sent an additional 3,000 troops.",
      [{ metric: "troops_additional", min: 3000, source: "JCS" }],
    ],
    [
      "North Korea has deployed about 11,000 soldiers to Russia's Kursk region, the White House said.",
      [
        {
          metric: "troops_deployed_total",
          min: 11000,
          qualifier: "approx",
          source: "US_GOV",
          region: "Kursk",
        },
      ],
    ],
    [
      "US officials estimate that up to 12,000 North Korean soldiers are in Russia.",
      [{ metric: "troops_deployed_total", min: null, max: 12000, qualifier: "up_to", source: "US_GOV" }],
    ],
    [
      "Between 11,000 and 12,000 North Korean soldiers have been sent to Russia, Western officials say.",
      [{ metric: "troops_deployed_total", min: 11000, max: 12000, qualifier: "range", source: "WEST" }],
    ],
    [
      "North Korea could send as many as 100,000 troops to Ukraine, a Ukrainian official said.",
      [
        {
          metric: "troops_deployed_total",
          min: null,
          max: 100000,
          qualifier: "up_to",
          modality: "projected",
          source: "UA_GOV",
        },
      ],
    ],
    [
      "Around 8,000 North Korean soldiers are stationed in the Kursk region, according to the Pentagon.",
      [{ metric: "troops_in_region", min: 8000, qualifier: "approx", source: "US_GOV", region: "Kursk" }],
    ],
    [
      "About 11,000 North Korean troops are fighting in Kursk, the NIS told lawmakers.",
      [{ metric: "troops_in_region", min: 11000, source: "NIS", region: "Kursk" }],
    ],
    [
      "According to the NIS, three North Korean generals and 500 officers are in Russia.",
      [
        { metric: "generals", min: 3, max: 3, source: "NIS" },
        { metric: "officers", min: 500, max: 500, source: "NIS" },
      ],
    ],
    [
      "North Korea has supplied Russia with more than 100 KN-23 ballistic missiles, Ukraine's military intelligence said.",
      [{ metric: "missiles_delivered", min: 100, max: null, qualifier: "more_than", source: "HUR" }],
    ],
    [
      "North Korea has sent around 15,000 troops to Russia and about 4,700 of them have been killed or wounded, the NIS said.",
      [
        { metric: "troops_deployed_total", min: 15000, qualifier: "approx", source: "NIS" },
        { metric: "casualties_total", min: 4700, qualifier: "approx", source: "NIS" },
      ],
    ],
    [
      "The NIS said the North has dispatched some 3,000 additional troops to Russia this year.",
      [{ metric: "troops_additional", min: 3000, qualifier: "approx", source: "NIS" }],
    ],
    [
      "Two North Korean soldiers were captured and one died of his wounds, Zelensky said on X.",
      [{ metric: "captured", min: 2, max: 2, source: "UA_GOV" }],
    ],
    [
      "Yonhap reported that 1,500 North Korean special forces troops had arrived in Vladivostok.",
      [{ metric: "troops_in_region", min: 1500, source: null }],
    ],
    [
      "Around 3,000 North Korean soldiers have been killed or injured, the South Korean military said, citing its own estimates.",
      [{ metric: "casualties_total", min: 3000, qualifier: "approx", source: "JCS" }],
    ],
    [
      "Around 300 North Korean soldiers killed in Kursk, says Seoul",
      [{ metric: "killed", min: 300, qualifier: "approx", source: "KR_GOV", region: null }],
    ],
    [
      "North Korean troops are in Kursk. The U.S. later estimated 10,000 to 12,000 were in Russia.",
      [{ metric: "troops_deployed_total", min: 10000, max: 12000, qualifier: "range", source: "US_GOV" }],
    ],
    [
      "The National Intelligence Service told lawmakers that North Korean casualties could reach 3,000.",
      [{ metric: "casualties_total", min: 3000, modality: "projected", source: "NIS" }],
    ],
    [
      "North Korean casualties have exceeded 4,700, including around 600 deaths, the NIS said.",
      [
        { metric: "casualties_total", min: 4700, max: null, qualifier: "more_than", source: "NIS" },
        { metric: "killed", min: 600, qualifier: "approx", source: "NIS" },
      ],
    ],
    [
      "Ukraine's SBU said two captured North Korean soldiers were being held in Kyiv.",
      [{ metric: "captured", min: 2, max: 2 }],
    ],
    [
      "The White House estimated that North Korea had sent 12,000 troops, of which 1,000 were killed.",
      [
        { metric: "troops_deployed_total", min: 12000, source: "US_GOV" },
        { metric: "killed", min: 1000, source: "US_GOV" },
      ],
    ],
    [
      "North Korea has deployed some 11,000 troops to Russia's Kursk region, according to Ukrainian and Western assessments.",
      [
        {
          metric: "troops_deployed_total",
          min: 11000,
          qualifier: "approx",
          source: "UA_GOV",
          region: "Kursk",
        },
      ],
    ],
    [
      "Seoul said 11,000 North Korean troops had been sent to Russia and that more troops would follow in the spring.",
      [{ metric: "troops_deployed_total", min: 11000, source: "KR_GOV", modality: "reported" }],
    ],
    [
      "The JCS said Pyongyang has supplied Russia with about 220 units of 170mm self-propelled howitzers.",
      [{ metric: "howitzers_delivered", min: 220, qualifier: "approx", source: "JCS" }],
    ],
    [
      "Roughly half of the 11,000 North Korean troops in Kursk have been killed or injured, a Western official said.",
      [{ metric: "troops_in_region", min: 11000, source: "WEST", region: "Kursk" }],
    ],
    [
      "NIS: N. Korea sends 1,500 special forces to Russia",
      [{ metric: "troops_deployed_total", min: 1500, source: "NIS" }],
    ],
  ];
  it.each(cases)("%s", (text, expected, date) => expectFigures(text, expected, { lang: "en", date }));
});

describe("extractFigures: German war reporting", () => {
  const cases: [string, Expected[], string?][] = [
    [
      "Pjöngjang hat nach ukrainischen Erkenntnissen mehr als 200 Raketenwerfer an Russland geliefert.",
      [{ metric: "mlrs_delivered", min: 200, max: null, qualifier: "more_than", source: "UA_GOV" }],
    ],
    [
      "Nordkorea hat laut ukrainischen Medien bereits 3.000 Soldaten in Kursk verloren.",
      [{ metric: "casualties_total", min: 3000, source: null }],
    ],
    [
      // Media are a reprint, not the country's government.
      "Ukrainische Medien berichteten, dass 300 nordkoreanische Soldaten getötet worden seien.",
      [{ metric: "killed", min: 300, source: null }],
    ],
    [
      "Pjöngjang habe bislang rund 4,5 Millionen Granaten an Moskau übergeben, erklärte der britische Militärgeheimdienst.",
      [{ metric: "shells_delivered", min: 4500000, source: "UK_GOV" }],
    ],
    [
      "Der ukrainische Militärgeheimdienst geht inzwischen von rund 4.000 toten und verwundeten Nordkoreanern aus.",
      [{ metric: "casualties_total", min: 4000, qualifier: "approx", source: "HUR" }],
    ],
    [
      "Nordkorea bereitet offenbar die Entsendung von bis zu 6.000 weiteren Soldaten vor.",
      [{ metric: "troops_additional", max: 6000, qualifier: "up_to", modality: "projected" }],
    ],
    [
      "Im Januar meldete die Ukraine die Gefangennahme von zwei nordkoreanischen Soldaten.",
      [{ metric: "captured", min: 2, source: "UA_GOV" }],
    ],
    [
      "Der NIS schätzt die Zahl der nordkoreanischen Soldaten in Russland nun auf 15.000, nach zuvor 11.000.",
      [{ metric: "troops_deployed_total", min: 15000, source: "NIS" }],
    ],
    [
      "Nordkorea hat zusätzlich zwischen 1000 und 3000 Soldaten nach Russland entsandt.",
      [{ metric: "troops_additional", min: 1000, max: 3000, qualifier: "range" }],
    ],
    [
      // A live ticker's headline with its speaker.
      "+++ 09:15 Ukraine: 200 Nordkoreaner bei Gefechten getötet +++",
      [{ metric: "killed", min: 200, source: "UA_GOV" }],
    ],
    [
      "Machthaber Kim Jong Un hat angekündigt, weitere 6.000 Pioniere in die Region Kursk zu schicken.",
      [{ metric: "troops_additional", min: 6000, modality: "projected", region: "Kursk" }],
    ],
    [
      // The year after a noun is not the elliptic count of the sentence before.
      "Nordkorea hat 11.000 Soldaten nach Russland geschickt. Es ist der erste Einsatz seit dem Ende des Koreakriegs 1953.",
      [{ metric: "troops_deployed_total", min: 11000 }],
    ],
    [
      // After a month, 1.000 is no day but a count.
      "Kiew zufolge wurden seit Januar 1.000 Nordkoreaner getötet.",
      [{ metric: "killed", min: 1000, source: "UA_GOV" }],
    ],
    [
      "Selenskyj sprach am Montag von knapp 4.000 getöteten oder verletzten Nordkoreanern.",
      // "knapp": just short of 4,000.
      [
        {
          metric: "casualties_total",
          min: null,
          max: 4000,
          qualifier: "less_than",
          source: "UA_GOV",
          date: "2025-01-27",
        },
      ],
      "2025-02-01",
    ],
    [
      "Nordkorea könnte bis zu 100.000 Soldaten schicken.",
      [
        {
          metric: "troops_deployed_total",
          min: null,
          max: 100000,
          qualifier: "up_to",
          modality: "projected",
          source: null,
        },
      ],
    ],
    [
      "Kremlsprecher Peskow dementierte, dass 10.000 nordkoreanische Soldaten in Russland seien.",
      [{ metric: "troops_deployed_total", min: 10000, modality: "denied", source: "RU_GOV" }],
    ],
    [
      "Nach Angaben des ukrainischen Militärgeheimdienstes HUR sind rund 11.000 nordkoreanische Soldaten in der Region Kursk im Einsatz.",
      [{ metric: "troops_in_region", min: 11000, qualifier: "approx", source: "HUR", region: "Kursk" }],
    ],
    [
      "Laut dem südkoreanischen Geheimdienst NIS wurden etwa 1.500 nordkoreanische Soldaten nach Wladiwostok verlegt.",
      [{ metric: "troops_deployed_total", min: 1500, qualifier: "approx", source: "NIS" }],
    ],
    [
      "Nordkorea hat nach Angaben Südkoreas weitere 3.000 Soldaten nach Russland geschickt.",
      [{ metric: "troops_additional", min: 3000, max: 3000, qualifier: "exact", source: "KR_GOV" }],
    ],
    [
      "Nordkorea soll Russland bislang mehr als 100 Kurzstreckenraketen vom Typ KN-23 geliefert haben.",
      [{ metric: "missiles_delivered", min: 100, max: null, qualifier: "more_than", modality: "reported" }],
    ],
    [
      "Der HUR schätzt die Zahl der getöteten Nordkoreaner auf rund 300.",
      [{ metric: "killed", min: 300, max: 300, qualifier: "approx", source: "HUR" }],
    ],
    [
      "Insgesamt sind nach ukrainischen Angaben bisher rund 4.000 nordkoreanische Soldaten getötet oder verwundet worden.",
      [{ metric: "casualties_total", min: 4000, qualifier: "approx", source: "UA_GOV" }],
    ],
    [
      "Nordkorea soll weitere 6.000 Soldaten entsandt haben.",
      [{ metric: "troops_additional", min: 6000, modality: "reported" }],
    ],
    [
      "„Mehr als 500 nordkoreanische Offiziere sind in Russland“, sagte Budanow.",
      [{ metric: "officers", min: 500, max: null, qualifier: "more_than", source: "HUR" }],
    ],
    [
      "Seit 2023 hat Nordkorea mehr als 8 Millionen Granaten an Russland geliefert.",
      [{ metric: "shells_delivered", min: 8_000_000, max: null, qualifier: "more_than" }],
    ],
    [
      "Nordkorea hat Russland nach Schätzungen Kiews 5,4 Millionen Schuss Munition geliefert.",
      [{ metric: "shells_delivered", min: 5_400_000, source: "UA_GOV" }],
    ],
    [
      "Nach Informationen des südkoreanischen Geheimdienstes sollen 300 nordkoreanische Soldaten gefallen und 2.700 verwundet worden sein.",
      [
        { metric: "killed", min: 300, source: "NIS" },
        { metric: "wounded", min: 2700, source: "NIS" },
      ],
    ],
    [
      "Die Zahl der nordkoreanischen Verluste beziffert Seoul auf etwa 4.000.",
      [{ metric: "casualties_total", min: 4000, qualifier: "approx", source: "KR_GOV" }],
    ],
    [
      "Es sind ca. 11.000 Soldaten aus Nordkorea in Russland.",
      [{ metric: "troops_deployed_total", min: 11000, qualifier: "approx" }],
    ],
    [
      "Zwischen 10.000 und 12.000 nordkoreanische Soldaten sind nach US-Angaben in Russland.",
      [{ metric: "troops_deployed_total", min: 10000, max: 12000, qualifier: "range", source: "US_GOV" }],
    ],
    [
      "Nordkorea plant, bis zu 30.000 weitere Soldaten nach Russland zu schicken, berichtet CNN.",
      [{ metric: "troops_additional", max: 30000, qualifier: "up_to", modality: "projected", source: null }],
    ],
    [
      "Nordkorea hat Russland seit Beginn des Krieges mehr als fünf Millionen Artilleriegranaten geliefert, sagte Selenskyj.",
      [{ metric: "shells_delivered", min: 5_000_000, max: null, qualifier: "more_than", source: "UA_GOV" }],
    ],
    [
      "Die Zahl der in Kursk eingesetzten Nordkoreaner liegt bei etwa 11.000, sagte Budanow.",
      [{ metric: "troops_in_region", min: 11000, qualifier: "approx", source: "HUR", region: "Kursk" }],
    ],
    [
      "Bis zu 50 Prozent der in Russland verschossenen Granaten stammen aus Nordkorea, so der HUR.",
      [{ metric: "ammo_share_percent", min: null, max: 50, qualifier: "up_to", source: "HUR" }],
    ],
    [
      "Etwa 100 Nordkoreaner seien in den Kämpfen gefallen, hieß es aus Militärkreisen in Seoul.",
      [{ metric: "killed", min: 100, qualifier: "approx", source: "KR_GOV" }],
    ],
    [
      "Auf nordkoreanischer Seite wurden nach Angaben Kiews 3.000 Soldaten getötet.",
      [{ metric: "killed", min: 3000, source: "UA_GOV" }],
    ],
    [
      "Nordkorea hat nach Erkenntnissen des ukrainischen Militärgeheimdienstes rund 12.000 Soldaten geschickt. Von ihnen seien mehr als 1.000 gefallen, teilte der Geheimdienst am Sonntag mit.",
      [
        { metric: "troops_deployed_total", min: 12000, source: "HUR" },
        { metric: "killed", min: 1000, max: null, qualifier: "more_than", source: "HUR", date: "2025-01-12" },
      ],
      "2025-01-16",
    ],
    [
      "Die Ukraine hat nach eigenen Angaben 500 nordkoreanische Soldaten getötet.",
      [{ metric: "killed", min: 500, source: "UA_GOV" }],
    ],
    [
      "Rund 2.000 ukrainische Soldaten wurden in Kursk eingekesselt, wo auch 1.000 Nordkoreaner kämpfen.",
      [{ metric: "troops_in_region", min: 1000, source: null }],
    ],
    [
      "Nordkorea hat Russland 120 Stück 170-Millimeter-Haubitzen geliefert.",
      [{ metric: "howitzers_delivered", min: 120, max: 120 }],
    ],
    [
      "Von den 11.000 nordkoreanischen Soldaten wurden 4.000 getötet oder verwundet, sagte Selenskyj.",
      [
        { metric: "troops_deployed_total", min: 11000, source: "UA_GOV" },
        { metric: "casualties_total", min: 4000, source: "UA_GOV" },
      ],
    ],
    [
      "Selenskyj: 3000 Nordkoreaner in Kursk getötet",
      [{ metric: "killed", min: 3000, source: "UA_GOV", region: null }],
    ],
  ];
  it.each(cases)("%s", (text, expected, date) => expectFigures(text, expected, { lang: "de", date }));
});

describe("extractFigures: numbers that are not figures", () => {
  const negatives: [string, "de" | "en"][] = [
    [
      "Pyongyang has supplied Russia with more than 12,000 containers of munitions, according to South Korea's military.",
      "en",
    ],
    ["Nordkoreanische Soldaten kämpfen in Kursk. Mindestens neun Menschen wurden verletzt.", "de"],
    ["Kim soll Soldaten geschickt haben\n\n  27 Februar 2025    Gelesen: 63\n", "de"],
    ["Nordkorea hat 170-mm-Haubitzen und 240-Millimeter-Raketenwerfer an Russland geliefert.", "de"],
    ["Nordkoreanische Soldaten sollen 2000 US-Dollar pro Monat erhalten.", "de"],
    ["Each North Korean soldier is reportedly paid $2,000 a month.", "en"],
    ["Thousands of North Korean troops are in Russia, and dozens were killed.", "en"],
    ["Nordkorea hat Tausende Soldaten geschickt, mehrere tausend sind bereits in Kursk.", "de"],
    [
      "Ukraine has about 10,000 troops in the Kursk region, where North Korean soldiers are also fighting.",
      "en",
    ],
    ["In Nordkorea wurden 300 verletzte russische Soldaten behandelt.", "de"],
    ["Russland hat rund 600.000 Soldaten in der Ukraine im Einsatz, dazu kommen Nordkoreaner.", "de"],
    ["Am 5. November bestätigte Umerov Gefechte mit nordkoreanischen Soldaten.", "de"],
    ["Since Nov. 5 North Korean soldiers have fought in Kursk, Kyiv said.", "en"],

    ["Some 120 Wagner fighters joined North Korean soldiers in Kursk.", "en"],
    ["North Korea fired 10 ballistic missiles into the sea on Monday, and Russia sent food aid.", "en"],
    ["He said his unit of about 100 North Korean soldiers had lost most of its members.", "en"],
    ["North Korean units are losing as many as 30 soldiers a day in Kursk, Ukrainian commanders said.", "en"],
    ["Die nordkoreanischen Gefangenen im Alter von 20 und 26 Jahren wurden in Kursk festgenommen.", "de"],
    ["Die Soldaten aus Nordkorea erhalten monatlich 50 Meter Toilettenpapier und 300 Gramm Seife.", "de"],
    ["Kim Jong Un besuchte im Jahr 2024 drei Fabriken.", "de"],
    ["Nordkorea und Südkorea sind seit dem Koreakrieg (1950 bis 1953) verfeindet.", "de"],
    ["The Kremlin has denied that any North Korean troops are fighting in Ukraine.", "en"],
    ["A Russian missile strike on Kharkiv killed 9 people, days after North Korea sent troops.", "en"],
    ["Ukraine's army said it lost 40 soldiers in Kursk, where North Korean troops fight.", "en"],
    ["North Korea's economy grew by 3.1 percent last year.", "en"],
    ["Russia's ammunition production rose 20 percent last year, while North Korea supplies shells.", "en"],
    ["Bei einem nordkoreanischen Raketenangriff auf Kiew gab es 9 Tote.", "de"],
    ["Kim Jong Un oversaw a drill involving 10,000 soldiers near Pyongyang.", "en"],
    ["Ukrainian forces lost 2,000 soldiers in Kursk, where North Korean units also fought.", "en"],
    ["The 11,000 North Korean soldiers' families received 50 kilograms of rice.", "en"],
    ["North Korea fired 10 ballistic missiles into the sea on Tuesday, the JCS said.", "en"],
    ["Kim Jong Un inspected 250 new missile launchers on the border with South Korea.", "en"],
    ["Nordkorea hat rund 1,2 Millionen Soldaten unter Waffen.", "de"],
    ["Nordkorea feuerte am Dienstag zwei ballistische Raketen ins Meer, teilte der Generalstab mit.", "de"],
    ["About 50,000 Russian and North Korean troops are massed in Kursk, Zelensky said.", "en"],
    [
      "Ukraine's General Staff said 1,200 Russian soldiers were killed in the past day, as North Korean troops joined the assault.",
      "en",
    ],
    ["Russia has lost more than 700,000 soldiers since 2022, while North Korea sent troops.", "en"],
    [
      "South Korea has 500,000 active troops and the US stations 28,500 soldiers in the South, far more than North Korea sent.",
      "en",
    ],
    [
      "Nordkorea hat Truppen geschickt. Russland selbst hat nach westlichen Schätzungen mehr als 700.000 Soldaten im Einsatz.",
      "de",
    ],
    [
      "Nordkorea hat 20.000 Container mit Munition nach Russland geschickt, rund 1.300 Quadratkilometer sind besetzt.",
      "de",
    ],
  ];
  it.each(negatives)("%s", (text, lang) => {
    const found = figures(text, { lang });
    const values = found.map((f) => `${f.metric} ${f.min}-${f.max}`);
    expect(values).toEqual([]);
  });

  it("finds nothing in a text that never names North Korea", () => {
    expect(figures("Russia has sent 11,000 troops to Kursk, the Pentagon said.", { lang: "en" })).toEqual([]);
  });
});

describe("extractFigures: context across sentences", () => {
  it("resolves 'von ihnen' to the soldiers of the sentence before", () => {
    expectFigures(
      "Damit steigt die Gesamtzahl nordkoreanischer Truppen, die bislang nach Russland entsandt wurden, auf etwa 11.000. Rund 4.000 von ihnen sollen laut Seoul getötet oder verwundet worden sein.",
      [
        { metric: "troops_deployed_total", min: 11000, qualifier: "approx" },
        { metric: "casualties_total", min: 4000, qualifier: "approx", source: "KR_GOV" },
      ],
      { lang: "de" },
    );
  });

  it("resolves 'others' to the soldiers of the sentence before", () => {
    expectFigures(
      "The number of North Korean soldiers killed has doubled to around 600, according to Seoul. Some 2,700 others have been injured.",
      [
        { metric: "killed", min: 600, source: "KR_GOV" },
        { metric: "wounded", min: 2700, source: "KR_GOV" },
      ],
      { lang: "en" },
    );
  });

  it("reads 'Etwa 3.000 weitere' after North Korean soldiers as more of them", () => {
    expectFigures(
      "Nach Einschätzung westlicher Geheimdienste sind mehr als 12.000 Soldaten aus Nordkorea in Russland. Etwa 3.000 weitere sollen bis Ende des Monats folgen, heißt es in Seoul.",
      [
        { metric: "troops_deployed_total", min: 12000, source: "WEST" },
        { metric: "troops_additional", min: 3000, source: "KR_GOV" },
      ],
      { lang: "de" },
    );
  });

  it("resolves 'of them' in English", () => {
    expectFigures(
      "About 11,000 North Korean troops were sent to Russia. Some 4,000 of them have been killed or wounded, Zelensky said.",
      [
        { metric: "troops_deployed_total", min: 11000 },
        { metric: "casualties_total", min: 4000, source: "UA_GOV" },
      ],
      { lang: "en" },
    );
  });

  it("takes the source from the previous sentence of the paragraph", () => {
    expectFigures(
      "Der ukrainische Präsident Selenskyj äußerte sich am Sonntag zu den Kämpfen in Kursk. Demnach seien rund 3.000 nordkoreanische Soldaten getötet worden.",
      [{ metric: "killed", min: 3000, source: "UA_GOV" }],
      { lang: "de" },
    );
  });

  it("takes the source from the paragraph's lead", () => {
    expectFigures(
      "Nach Angaben des NIS hat Nordkorea seine Truppen in Russland verstärkt. Die Lage an der Front bleibt angespannt. Rund 3.000 Soldaten seien inzwischen in Kursk eingetroffen.",
      [{ metric: "troops_in_region", min: 3000, source: "NIS", region: "Kursk" }],
      { lang: "de" },
    );
  });

  it("takes the source from a next sentence that points back", () => {
    expectFigures(
      "Nordkorea hat 3.000 weitere Soldaten nach Russland entsandt. Das teilte der südkoreanische Generalstab am Montag mit.",
      [{ metric: "troops_additional", min: 3000, source: "JCS" }],
      { lang: "de" },
    );
    expectFigures(
      "North Korea sent 3,000 more troops to Russia. Seoul's spy agency said the troops were trained in the far east.",
      [{ metric: "troops_additional", min: 3000, source: null }],
      { lang: "en" },
    );
  });

  it("does not take the source from another paragraph", () => {
    expectFigures(
      "Nach Angaben des NIS hat Nordkorea Truppen geschickt.\n\nRund 3.000 nordkoreanische Soldaten sind in Kursk eingetroffen.",
      [{ metric: "troops_in_region", min: 3000, source: null }],
      { lang: "de" },
    );
  });

  it("does not take the outlet that reprints a claim as its source", () => {
    expectFigures(
      "Laut «Tagesschau» sind die ersten 1500 nordkoreanischen Soldaten bereits angekommen.",
      [{ metric: "troops_in_region", min: 1500, source: null }],
      { lang: "de" },
    );
    expectFigures(
      "About 3,000 North Korean soldiers have died, a Ukrainian official told the Kyiv Independent.",
      [{ metric: "killed", min: 3000, source: "UA_GOV" }],
      { lang: "en" },
    );
  });

  it("takes the claim's date from the text, else the article's", () => {
    const [onSunday] = figures(
      "Budanow sagte am Sonntag, Nordkorea decke 50 Prozent des russischen Munitionsbedarfs.",
      {
        lang: "de",
        date: "2025-02-27",
      },
    );
    expect(onSunday?.date).toBe("2025-02-23");
    const [given] = figures("Am 5. November sagte Umerov, 11.000 nordkoreanische Soldaten seien in Kursk.", {
      lang: "de",
      date: "2024-11-06",
    });
    expect(given?.date).toBe("2024-11-05");
    const [none] = figures("Rund 11.000 nordkoreanische Soldaten wurden entsandt.", {
      lang: "de",
      date: "2025-01-02",
    });
    expect(none?.date).toBe("2025-01-02");
  });

  it("detects the language when none is given", () => {
    expectFigures("North Korea has sent 11,000 troops to Russia.", [
      { metric: "troops_deployed_total", min: 11000 },
    ]);
    expectFigures("Nordkorea hat 11.000 Soldaten nach Russland geschickt.", [
      { metric: "troops_deployed_total", min: 11000 },
    ]);
  });
});

describe("extractFigures: feed mess", () => {
  it("decodes HTML entities and maps the span back to the input", () => {
    const input =
      "Rund&nbsp;11.000 nordkoreanische Soldaten sind laut S&uuml;dkorea &#8222;in Russland&#8220;.";
    const [f] = figures(input, { lang: "de" });
    expect(f).toMatchObject({
      metric: "troops_deployed_total",
      min: 11000,
      qualifier: "approx",
      source: "KR_GOV",
    });
    expect(input.slice(f!.span[0], f!.span[1])).toBe("Rund&nbsp;11.000 nordkoreanische Soldaten");
    expect(f!.quote).toBe("Rund\u00a011.000 nordkoreanische Soldaten sind laut Südkorea „in Russland“.");
  });

  it("reads a sentence across line breaks and strips tags", () => {
    const input =
      "<p>Nach Angaben des südkoreanischen Geheimdienstes wurden rund\n11.000 nordkoreanische Soldaten entsandt.</p><p>Sonst nichts.</p>";
    const [f] = figures(input, { lang: "de" });
    expect(f).toMatchObject({ metric: "troops_deployed_total", min: 11000, source: "NIS" });
    expect(f!.quote).toBe(
      "Nach Angaben des südkoreanischen Geheimdienstes wurden rund 11.000 nordkoreanische Soldaten entsandt.",
    );
  });

  it("reads a text wrapped at a fixed width", () => {
    const input = [
      "Nordkorea hat nach Einschätzung westlicher Beobachter seine Unterstützung für",
      "Russland ausgeweitet. Nach Angaben des südkoreanischen Militärs hat Pjöngjang",
      "zu Beginn dieses Jahres mindestens 3.000 weitere Soldaten nach Russland",
      "geschickt, um Moskaus Krieg gegen die Ukraine zu unterstützen. Die Lage bleibt",
      "angespannt, hieß es am Montag aus Seoul.",
    ].join("\n");
    expectFigures(input, [{ metric: "troops_additional", min: 3000, qualifier: "at_least", source: "JCS" }], {
      lang: "de",
    });
  });

  it("does not end a sentence at German abbreviations", () => {
    const text =
      "Nordkorea liefert u. a. Granaten, z. B. laut Dr. Kim vom NIS. Nach Angaben des NIS sind es ca. 11.000 Soldaten aus Nordkorea in Russland, die Nr. 1 der Verbündeten.";
    const found = figures(text, { lang: "de" });
    expect(found.map((f) => [f.metric, f.min, f.qualifier, f.source])).toEqual([
      ["troops_deployed_total", 11000, "approx", "NIS"],
    ]);
    expect(found[0]!.quote.startsWith("Nach Angaben des NIS")).toBe(true);
  });

  it("reads figures inside quotes of every kind", () => {
    for (const [open, close] of [
      ["„", "“"],
      ["«", "»"],
      ['"', '"'],
      ["‚", "‘"],
    ]) {
      expectFigures(
        `Budanow sagte: ${open}Rund 12.000 nordkoreanische Soldaten sind in Russland.${close} Mehr sagte er nicht.`,
        [{ metric: "troops_deployed_total", min: 12000, qualifier: "approx", source: "HUR" }],
        { lang: "de" },
      );
    }
  });
});

describe("extractFigures: cost", () => {
  it("stays linear in the numbers of one long sentence", () => {
    const text = `Nordkorea ${"1 ".repeat(20_000)}und 11.000 nordkoreanische Soldaten in Russland.`;
    const started = performance.now();
    const found = extractFigures(text, { lang: "de" });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(found.map((f) => f.min)).toEqual([11000]);
  });
});
