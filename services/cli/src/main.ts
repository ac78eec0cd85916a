import type { CommandIo } from "./command";
import { runCli } from "./run-cli";

const io: CommandIo = {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
};
process.exitCode = await runCli(process.argv.slice(2), io);
