import type { Command } from "../command";
import { baseline } from "./baseline";
import { commandsCommand } from "./commands";
import { compare } from "./compare";
import { demo } from "./demo";
import { doctor } from "./doctor";
import { estimate } from "./estimate";
import { extract } from "./extract";
import { feeds } from "./feeds";
import { history } from "./history";
import { numbers } from "./numbers";
import { replay } from "./replay";
import { start } from "./start";
import { status } from "./status";
import { subscribe } from "./subscribe";
import { watch } from "./watch";

/** Every `zw` subcommand, in the order `zw --help` lists them. */
export const commands: Command[] = [
  start,
  demo,
  status,
  doctor,
  extract,
  numbers,
  baseline,
  compare,
  replay,
  estimate,
  history,
  commandsCommand,
  subscribe,
  feeds,
  watch,
];
