import { type CommandIo, UsageError } from "./command";
import { commands } from "./commands/index";

export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "zw: Zahlenwacht, watches the news for North Korea's troop figures and alerts Discord.",
    "",
    "Usage: zw <command> [options]    (zw <command> --help for its options)",
    "",
    "Commands:",
    ...lines,
    "",
  ].join("\n");
}

/** Runs one `zw` invocation and returns its exit code; never throws. */
export async function runCli(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(helpText());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`zw: unknown command "${printable(name)}". Run zw --help for the list.\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(`${command.usage.trimEnd()}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr.write(`zw ${name}: ${printable(error.message)}\n`);
      return 2;
    }
    io.stderr.write(`zw ${name}: ${printable(error instanceof Error ? error.message : String(error))}\n`);
    return 1;
  }
}

const MAX_MESSAGE = 1_000;

/**
 * An error message fit for a terminal: it may quote what was typed or read, so control characters
 * (escape sequences that would clear or rewrite the screen) are shown as \u codes, and a huge
 * quoted value is cut short.
 */
export function printable(message: string): string {
  const shown = message.replace(
    /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return shown.length > MAX_MESSAGE ? `${shown.slice(0, MAX_MESSAGE)}… (${shown.length} characters)` : shown;
}

/** node:util parseArgs rejects unknown or malformed options with these codes: a usage error. */
function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && String((error as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS");
}
