import type { Command } from "commander";

type CommandModule = { register: (program: Command) => void };

/**
 * The modules that define commands. Each loads only when one of its commands runs, so
 * `creditseg --help` does not pay for exceljs, PGlite or the engine.
 */
const COMMAND_MODULES = {
  db: () => import("./db"),
  policy: () => import("./policy"),
  cluster: () => import("./cluster"),
  group: () => import("./group"),
  segment: () => import("./segment"),
  import: () => import("./import"),
  "import-job": () => import("./import-job"),
  run: () => import("./run"),
  runs: () => import("./runs"),
  export: () => import("./export"),
  worker: () => import("./worker"),
} satisfies Record<string, () => Promise<CommandModule>>;

type ModuleName = keyof typeof COMMAND_MODULES;

/** Every top-level command, in help order: its one-line description and the module that defines it. */
export const COMMANDS = {
  db: {
    module: "db",
    description:
      "create, migrate, seed and reset the database (DATABASE_URL, else the embedded PGlite in .data/pglite)",
  },
  policy: { module: "policy", description: "Segmentation policies: print the default, validate a file" },
  cluster: {
    module: "cluster",
    description: "k-means on numeric CSV columns: k by silhouette, business labels, profiles in raw units",
  },
  group: {
    module: "group",
    description:
      "groups over mixed categorical and numeric CSV columns (k-prototypes): k by silhouette, profiles, names",
  },
  segment: {
    module: "segment",
    description:
      "segment a portfolio from CSV files: contribution, tier, grade, loan clusters, recommendations, project groups",
  },
  import: {
    module: "import",
    description:
      "validate a CSV / XLSX file and load it in one transaction (any rejected row blocks it unless --accept-valid)",
  },
  "import-batches": { module: "import", description: "list import batches, newest first" },
  "import-rollback": {
    module: "import",
    description: "undo a committed import batch (refused while a segment run depends on it)",
  },
  "import-template": { module: "import", description: "write an upload template (headers and one example row)" },
  "import-wait": {
    module: "import-job",
    description:
      "follow an import queued with --detach until a worker finished it, then print its report as import does; exit 2 when the file was rejected, 1 when the job failed",
  },
  run: {
    module: "run",
    description: "run the segmentation of a period with the active policy (or a named version) and store the results",
  },
  runs: { module: "runs", description: "list, compare, verify and wait for segment runs" },
  export: {
    module: "export",
    description: "export a finished run's results, one row per customer, to CSV or XLSX",
  },
  worker: {
    module: "worker",
    description: "take queued jobs (segment runs) from the PostgreSQL queue and execute them until stopped",
  },
} as const satisfies Record<string, { module: ModuleName; description: string }>;

export type CommandName = keyof typeof COMMANDS;

function isCommandName(name: string | undefined): name is CommandName {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

/** The command `args` (without node and the script) asks for: `creditseg db seed`, `creditseg help db`. */
function requestedCommand(args: readonly string[]): CommandName | undefined {
  const words = args.filter((arg) => !arg.startsWith("-"));
  const name = words[0] === "help" ? words[1] : words[0];
  return isCommandName(name) ? name : undefined;
}

/**
 * Registers the commands on `program`: the requested command's module in full, every other command
 * by name and description only (enough for the command list, suggestions and `--help`).
 */
export async function registerCommands(program: Command, args: readonly string[]): Promise<void> {
  const requested = requestedCommand(args);
  const loadedModule = requested ? COMMANDS[requested].module : undefined;
  const loaded = loadedModule ? await COMMAND_MODULES[loadedModule]() : undefined;
  let isLoadedRegistered = false;
  for (const [name, entry] of Object.entries(COMMANDS)) {
    if (entry.module !== loadedModule) {
      program.command(name).description(entry.description);
    } else if (!isLoadedRegistered) {
      loaded?.register(program);
      isLoadedRegistered = true;
    }
  }
}
