import { describe, expect, it } from "vitest";
import { extractFigures } from "./extract-figures";

/**
 * Whole articles in the style of the wires and outlets the bot reads (Reuters, AP, Kyiv
 * Independent, dpa/tagesschau), with every figure they hold and the numbers they hold that are
 * not figures (containers, square kilometres, Russian soldiers, civilians, calibres, years).
 */
const ARTICLES: { name: string; lang: "de" | "en"; text: string; figures: unknown[][] }[] = [
  {
    name: "en1",
    lang: "en",
    text: 'SEOUL, Nov 13 (Reuters) - North Korean troops deployed in Russia have begun engaging in combat alongside Russian forces, South Korea\'s National Intelligence Service said on Wednesday.\n\nMore than 10,000 North Korean soldiers have been sent to Russia, and many of them have been deployed to the front lines in the Kursk region, the NIS told lawmakers in a closed-door briefing, according to Lee Seong-kweun, a member of parliament\'s intelligence committee.\n\nNorth Korea has also shipped more than 13,000 containers of artillery shells, missiles and other weapons to Russia since August last year, the agency said. Russia has in turn provided anti-aircraft missiles and other technology, he said.\n\nUkraine\'s President Volodymyr Zelenskiy said last week that 11,000 North Korean troops were in the Kursk region and that Ukrainian forces had already engaged them. "The first battles with North Korean soldiers open a new page of instability in the world," he said in his nightly video address.\n\nThe Pentagon said on Monday that around 10,000 North Korean troops had moved to Kursk, where they were expected to take part in combat "in the coming days."\n\nU.S. Secretary of State Antony Blinken said about 8,000 North Korean soldiers were in Kursk. "We have not yet seen these troops deployed into combat against Ukrainian forces, but we expect to see that in the coming days," Blinken said.\n\nPyongyang and Moscow have denied the troop deployment. (Reporting by Hyonhee Shin; Editing by Sharon Singleton)\n',
    figures: [
      ["troops_deployed_total", 10000, null, "more_than", "NIS", "reported"],
      ["troops_in_region", 11000, 11000, "exact", "UA_GOV", "reported"],
      ["troops_in_region", 10000, 10000, "approx", "US_GOV", "reported"],
      ["troops_in_region", 8000, 8000, "approx", "US_GOV", "reported"],
    ],
  },
  {
    name: "en2",
    lang: "en",
    text: "Kyiv Independent — About 4,000 North Korean soldiers have been killed or wounded in Russia's Kursk Oblast, President Volodymyr Zelensky said on Jan. 4.\n\nUkraine's military intelligence agency (HUR) previously reported that North Korea had sent around 12,000 troops to Russia. Of those, at least 3,000 have been killed or injured, HUR chief Kyrylo Budanov said.\n\nOn Jan. 11, Zelensky announced that Ukrainian forces had captured two North Korean soldiers in Kursk Oblast. One of the soldiers told interrogators that he had been told he was going to a training exercise.\n\nSouth Korea's spy agency estimated in late January that around 300 North Korean troops had been killed and 2,700 wounded.\n\nThe NIS also said that North Korea may send additional troops. It said Pyongyang could dispatch a further 1,000 to 1,500 soldiers.\n\nNorth Korea has also supplied Russia with 170mm self-propelled guns and 240mm multiple rocket launchers, as well as KN-23 ballistic missiles. According to HUR, Pyongyang has sent about 120 self-propelled guns and 120 multiple launch rocket systems.\n\nNorth Korea has supplied around 60% of the artillery shells Russia uses in Ukraine, Budanov said.\n",
    figures: [
      ["casualties_total", 4000, 4000, "approx", "UA_GOV", "reported"],
      ["troops_deployed_total", 12000, 12000, "approx", "HUR", "reported"],
      ["casualties_total", 3000, null, "at_least", "HUR", "reported"],
      ["captured", 2, 2, "exact", "UA_GOV", "reported"],
      ["killed", 300, 300, "approx", "NIS", "reported"],
      // "around 300 … killed and 2,700 wounded": the hedge covers both.
      ["wounded", 2700, 2700, "approx", "NIS", "reported"],
      ["troops_additional", 1000, 1500, "range", "NIS", "projected"],
      ["howitzers_delivered", 120, 120, "approx", "HUR", "reported"],
      ["mlrs_delivered", 120, 120, "exact", "HUR", "reported"],
      ["ammo_share_percent", 60, 60, "approx", "HUR", "reported"],
    ],
  },
  {
    name: "en3",
    lang: "en",
    text: "SEOUL, South Korea (AP) — North Korea has sent an estimated 11,000 troops to Russia, and about 1,000 of them were killed in combat against Ukrainian forces, South Korean lawmakers said Thursday after a briefing by the country's spy agency.\n\nThe National Intelligence Service told lawmakers that North Korean casualties, including killed and wounded, could reach 3,000, according to Lee Seong Kweun, one of the legislators who attended the closed-door meeting.\n\nThe assessment came after Ukrainian President Volodymyr Zelenskyy said that Ukrainian forces had killed or wounded about 3,800 North Korean soldiers. Russia has also received more than 100 ballistic missiles from the North, according to the NIS.\n\nNorth Korea's state media KCNA did not mention the casualties. Some 200 long-range artillery pieces have been transferred, the agency added. Kim Jong Un's government is preparing to send up to 6,000 more soldiers, said a South Korean official who spoke on condition of anonymity.\n\nIn October 2024, U.S. Defense Secretary Lloyd Austin said there was evidence of 3,000 North Korean troops in eastern Russia. The U.S. later estimated 10,000 to 12,000 were in Russia.\n",
    figures: [
      ["troops_deployed_total", 11000, 11000, "approx", "KR_GOV", "reported"],
      ["killed", 1000, 1000, "approx", "KR_GOV", "reported"],
      ["casualties_total", 3000, 3000, "exact", "NIS", "projected"],
      ["casualties_total", 3800, 3800, "approx", "UA_GOV", "reported"],
      ["missiles_delivered", 100, null, "more_than", "NIS", "reported"],
      ["artillery_systems_delivered", 200, 200, "approx", "NIS", "reported"],
      ["troops_additional", null, 6000, "up_to", "KR_GOV", "projected"],
      ["troops_deployed_total", 3000, 3000, "exact", "US_GOV", "reported"],
      ["troops_deployed_total", 10000, 12000, "range", "US_GOV", "reported"],
    ],
  },
  {
    name: "de1",
    lang: "de",
    text: "Nordkorea hat nach Angaben Südkoreas rund 3.000 zusätzliche Soldaten nach Russland verlegt. Wie der südkoreanische Generalstab am Donnerstag mitteilte, wurden die Truppen zwischen Januar und Februar entsandt. Insgesamt seien damit etwa 14.000 nordkoreanische Soldaten nach Russland geschickt worden.\n\nNach Einschätzung Seouls wurden bislang rund 4.700 nordkoreanische Soldaten getötet oder verletzt. Darunter seien etwa 600 Tote. \n\nNordkorea liefere zudem Raketen und Artilleriegeschosse. Schätzungen zufolge hat Pjöngjang bislang mehr als 20.000 Container mit Munition und Waffen nach Russland geschickt.\n\nDer ukrainische Militärgeheimdienst HUR geht davon aus, dass Nordkorea weitere 30.000 Soldaten entsenden könnte. Kremlsprecher Dmitri Peskow wollte sich dazu nicht äußern.\n\nDie Ukraine hatte im August 2024 einen Vorstoß in die Region Kursk begonnen und nach eigenen Angaben zeitweise rund 1.300 Quadratkilometer unter Kontrolle gebracht. Dabei seien auch 900 russische Soldaten gefangen genommen worden.\n",
    figures: [
      ["troops_additional", 3000, 3000, "approx", "KR_GOV", "reported"],
      ["troops_deployed_total", 14000, 14000, "approx", "JCS", "reported"],
      ["casualties_total", 4700, 4700, "approx", "KR_GOV", "reported"],
      ["killed", 600, 600, "approx", "KR_GOV", "reported"],
      ["troops_additional", 30000, 30000, "exact", "HUR", "projected"],
    ],
  },
  {
    name: "de2",
    lang: "de",
    text: "Kiew/Seoul. Nordkorea hat nach Erkenntnissen des ukrainischen Militärgeheimdienstes bislang rund 12.000 Soldaten nach Russland geschickt. Von ihnen seien mehr als 1.000 gefallen, teilte der Geheimdienst am Sonntag mit.\n\nDer Chef des Militärgeheimdienstes, Kyrylo Budanow, sagte der Nachrichtenagentur dpa, Pjöngjang habe außerdem 120 Panzerhaubitzen vom Typ Koksan und ebenso viele Mehrfachraketenwerfer geliefert. Zudem stammten inzwischen etwa 60 Prozent der von Russland eingesetzten Artilleriemunition aus Nordkorea.\n\nDer südkoreanische Geheimdienst NIS schätzt die Zahl der Verluste unter den nordkoreanischen Soldaten dagegen auf etwa 3.000. Darunter seien rund 300 Gefallene.\n\nNordkoreas Machthaber Kim Jong Un hatte im vergangenen Jahr einen Beistandspakt mit Russland geschlossen. Der Kreml bestreitet, dass nordkoreanische Soldaten in der Ukraine kämpfen. Russland selbst hat nach westlichen Schätzungen mehr als 700.000 Soldaten im Einsatz.\n\nUkrainische Truppen hatten im August 2024 die Grenze überschritten; rund 1.000 Quadratkilometer wurden besetzt. Bei einem Angriff auf Charkiw wurden 12 Menschen verletzt, darunter drei Kinder.\n",
    figures: [
      ["troops_deployed_total", 12000, 12000, "approx", "HUR", "reported"],
      ["killed", 1000, null, "more_than", "HUR", "reported"],
      ["howitzers_delivered", 120, 120, "exact", "HUR", "reported"],
      ["ammo_share_percent", 60, 60, "approx", "HUR", "reported"],
      ["casualties_total", 3000, 3000, "approx", "NIS", "reported"],
      ["killed", 300, 300, "approx", "NIS", "reported"],
    ],
  },
  {
    name: "de3",
    lang: "de",
    text: "Ukraine-Krieg im Liveticker: Selenskyj meldet hohe Verluste bei Nordkoreanern\n\n+++ 14:32 Uhr: Russland hat die Ukraine in der Nacht mit 120 Drohnen und 8 Raketen angegriffen. Die ukrainische Luftwaffe meldet 85 abgeschossene Drohnen. In Kiew wurden drei Menschen verletzt.\n\n+++ 13:05 Uhr: Nach Darstellung von Präsident Selenskyj sind in der Region Kursk bislang etwa 4.000 nordkoreanische Soldaten getötet oder verwundet worden. Die Verluste seien „enorm“, sagte er in seiner abendlichen Videoansprache. Kiew habe zudem zwei Gefangene gemacht.\n\n+++ 11:40 Uhr: Der britische Geheimdienst schätzt, dass Russland im Januar täglich rund 1.500 Soldaten verloren hat. Die Zahl der nordkoreanischen Soldaten an der Front bleibe bei etwa 11.000, hieß es im täglichen Lagebericht des Verteidigungsministeriums in London.\n\n+++ 10:15 Uhr: Die Europäische Union hat ein neues Sanktionspaket gegen Russland beschlossen – das 16. seit Kriegsbeginn. Es umfasst Maßnahmen gegen 74 Schiffe der sogenannten Schattenflotte.\n\n+++ 09:00 Uhr: Nordkorea soll Russland nach Angaben aus Seoul inzwischen mehr als 200 weitreichende Artilleriegeschütze geliefert haben. Zudem seien rund 9 Millionen Schuss Munition verschifft worden, berichtet die Nachrichtenagentur Yonhap unter Berufung auf den Geheimdienst NIS.\n\n+++ 08:20 Uhr: Im Gebiet Donezk toben weiter schwere Kämpfe. Der ukrainische Generalstab zählte in den vergangenen 24 Stunden 142 Gefechte, davon 41 bei Pokrowsk.\n",
    figures: [
      ["casualties_total", 4000, 4000, "approx", "UA_GOV", "reported"],
      // "Kiew habe zudem zwei Gefangene gemacht", two sentences after North Korea's dead.
      ["captured", 2, 2, "exact", "UA_GOV", "reported"],
      ["troops_in_region", 11000, 11000, "approx", "UK_GOV", "reported"],
      ["artillery_systems_delivered", 200, null, "more_than", "KR_GOV", "reported"],
      ["shells_delivered", 9000000, 9000000, "approx", "NIS", "reported"],
    ],
  },
  {
    name: "en4",
    lang: "en",
    text: "North Korea has sent an additional 1,000 to 3,000 troops to Russia this year, South Korea's military said on March 27, bringing the total to around 14,000.\n\nThe Joint Chiefs of Staff (JCS) also said about 4,700 North Korean soldiers had been killed or wounded, including 600 deaths, since they entered combat in Russia's Kursk region last year.\n\nThe JCS said Pyongyang has supplied Russia with short-range ballistic missiles and about 220 units of 170mm self-propelled howitzers and 240mm multiple rocket launchers.\n\nUkrainian President Volodymyr Zelensky said in January that Kyiv's forces had killed or wounded more than 3,000 North Korean soldiers in Kursk. Moscow has never officially confirmed the deployment. Russia's Foreign Ministry spokeswoman Maria Zakharova dismissed the reports as 'fake news.'\n\nThe North's army is believed to number 1.28 million active-duty personnel.\n",
    figures: [
      ["troops_additional", 1000, 3000, "range", "JCS", "reported"],
      ["troops_deployed_total", 14000, 14000, "approx", "JCS", "reported"],
      ["casualties_total", 4700, 4700, "approx", "JCS", "reported"],
      ["killed", 600, 600, "exact", "JCS", "reported"],
      ["howitzers_delivered", 220, 220, "approx", "JCS", "reported"],
      ["casualties_total", 3000, null, "more_than", "UA_GOV", "reported"],
    ],
  },
  {
    name: "de4",
    lang: "de",
    text: "Kim Jong Un schickt offenbar Nachschub: Nach Einschätzung des südkoreanischen Geheimdienstes hat Pjöngjang zwischen Januar und Februar weitere 1000 bis 3000 Soldaten nach Russland verlegt. Zuvor waren es bereits rund 11.000 gewesen.\n\nWie viele Nordkoreaner bereits gestorben sind, ist unklar. Schätzungen gehen weit auseinander: Während Kiew von mehr als 4000 toten und verletzten Nordkoreanern spricht, nennt Seoul eine Zahl von rund 3400 Verlusten, darunter etwa 300 Tote.\n\nFür die Ukraine sind die nordkoreanischen Truppen ein ernstes Problem. Selenskyj hatte im Dezember gewarnt, Kim könne bis zu 30.000 weitere Soldaten schicken. Das ukrainische Militär setzt nach eigenen Angaben vermehrt Drohnen ein, ein Drohnenpilot berichtete dem SPIEGEL von bis zu 20 Angriffen pro Tag.\n\nMit Material von dpa und Reuters. 14 Kommentare\n",
    figures: [
      ["troops_additional", 1000, 3000, "range", "NIS", "reported"],
      ["troops_deployed_total", 11000, 11000, "approx", "NIS", "reported"],
      ["casualties_total", 4000, null, "more_than", "UA_GOV", "reported"],
      ["casualties_total", 3400, 3400, "approx", "KR_GOV", "reported"],
      ["killed", 300, 300, "approx", "KR_GOV", "reported"],
      ["troops_additional", null, 30000, "up_to", "UA_GOV", "projected"],
    ],
  },
];

describe("extractFigures on whole articles", () => {
  it.each(ARTICLES)("$name", ({ lang, text, figures }) => {
    const found = extractFigures(text, { lang, date: "2025-01-16" });
    expect(found.map((f) => [f.metric, f.min, f.max, f.qualifier, f.source, f.modality])).toEqual(figures);
  });
});
