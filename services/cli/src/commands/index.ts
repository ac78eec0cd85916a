import type { Command } from "../command";
import { baseline } from "./baseline";
import { compare } from "./compare";
import { doctor } from "./doctor";
import { estimate } from "./estimate";
import { extract } from "./extract";
import { history } from "./history";
import { numbers } from "./numbers";
import { demo } from "./demo";
import { start } from "./start";

/** Every `zw` subcommand, in the order `zw --help` lists them. */
export const commands: Command[] = [start, demo, doctor, extract, numbers, baseline, compare, estimate, history];
