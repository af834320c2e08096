import type { Io } from "./output.ts";
import { EXIT_OK } from "./output.ts";
import { usageAll, usageError } from "./usage.ts";

type Command = (argv: readonly string[], io: Io) => Promise<number>;

/** `npm run -s ntm -- <command>`: the command line of docs/interfaces.md. Commands load on demand. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  template: async () => (await import("./commands/template.ts")).templateCommand,
  validate: async () => (await import("./commands/validate.ts")).validateCommand,
  consolidate: async () => (await import("./commands/consolidate.ts")).consolidateCommand,
  submit: async () => (await import("./commands/submit.ts")).submitCommand,
  report: async () => (await import("./commands/report.ts")).reportCommand,
  token: async () => (await import("./commands/token.ts")).tokenCommand,
};

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "help" || command === "--help" || command === "-h") {
    io.stdout(usageAll());
    return EXIT_OK;
  }
  if (!command) return usageError(io, null, "no command given");
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) return usageError(io, null, `unknown command ${command}`);
  return (await load())(rest, io);
}

function write(stream: NodeJS.WriteStream): (text: string) => void {
  return (text) => { stream.write(text); };
}

if (import.meta.main) {
  const io: Io = { stdout: write(process.stdout), stderr: write(process.stderr), env: process.env };
  main(process.argv.slice(2), io).then(
    (code) => { process.exitCode = code; },
    (e: unknown) => {
      process.stderr.write(`ntm: lỗi không mong đợi (unexpected error): ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
