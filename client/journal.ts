// The footprint journal (issue 7, "Footprint and cleanup"): every pairing the run creates is appended to
// footprint.jsonl as soon as its id is known, synchronously, so a crash or SIGKILL one instruction later still
// leaves the id on disk for `tep-conformance cleanup --journal PATH`. The suite worker writes it; the CLI process
// reads it, so every query re-reads the file instead of trusting memory. It never contains the token.
import { appendFileSync, closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync } from "node:fs";
import { dirname } from "node:path";

export const JOURNAL_FILE = "footprint.jsonl";

export interface CreatedInfo {
  /** The workflow_state the server answered with; "deleted" pairings are created already deleted. */
  readonly workflowState?: string;
  readonly baseUrl: string;
  readonly accountId: string;
}

export type JournalEntry =
  | { readonly event: "created"; readonly id: string; readonly workflowState?: string; readonly baseUrl: string; readonly accountId: string; readonly at: string }
  | { readonly event: "deleted"; readonly id: string; readonly at: string };

export interface Journal {
  readonly path: string;
  recordCreated(id: string, info: CreatedInfo): void;
  recordDeleted(id: string): void;
  /** Ids created, in order, each once. */
  created(): string[];
  /** Ids deleted, in order, each once. */
  deleted(): string[];
  /** Created, not deleted since, and not created already deleted: what cleanup still has to delete. */
  active(): string[];
  /** The id was created by this tool (against `baseUrl`, when given). */
  has(id: string, baseUrl?: string): boolean;
  entries(): JournalEntry[];
}

export function openJournal(path: string): Journal {
  const append = (entry: JournalEntry) => {
    mkdirSync(dirname(path), { recursive: true });
    // After a writer was killed mid-line, start on a fresh line so this entry is not glued to the fragment.
    const separator = endsMidLine(path) ? "\n" : "";
    appendFileSync(path, separator + JSON.stringify(entry) + "\n", "utf8");
  };
  const entries = () => readEntries(path);
  const unique = (ids: string[]) => [...new Set(ids)];

  return {
    path,
    recordCreated(id, info) {
      append({ event: "created", id: String(id), ...(info.workflowState === undefined ? {} : { workflowState: info.workflowState }), baseUrl: info.baseUrl, accountId: info.accountId, at: new Date().toISOString() });
    },
    recordDeleted(id) {
      append({ event: "deleted", id: String(id), at: new Date().toISOString() });
    },
    created: () => unique(entries().filter((e) => e.event === "created").map((e) => e.id)),
    deleted: () => unique(entries().filter((e) => e.event === "deleted").map((e) => e.id)),
    active() {
      const state = new Map<string, boolean>();
      for (const e of entries()) {
        if (e.event === "created") state.set(e.id, e.workflowState !== "deleted");
        else if (state.has(e.id)) state.set(e.id, false);
      }
      return [...state].filter(([, isActive]) => isActive).map(([id]) => id);
    },
    has: (id, baseUrl) =>
      entries().some((e) => e.event === "created" && e.id === String(id) && (baseUrl === undefined || sameBaseUrl(e.baseUrl, baseUrl))),
    entries,
  };
}

/** "https://Canvas.example.edu/" and "https://canvas.example.edu" name the same target (cleanup may be given either). */
function sameBaseUrl(a: string, b: string): boolean {
  const normal = (url: string) => {
    try {
      const parsed = new URL(url);
      return parsed.origin + parsed.pathname.replace(/\/+$/, "");
    } catch {
      return url.replace(/\/+$/, "");
    }
  };
  return normal(a) === normal(b);
}

function endsMidLine(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return false;
  }
  try {
    const { size } = fstatSync(fd);
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    closeSync(fd);
  }
}

/** The journal's entries; a missing file is empty, and a line cut short by a crash is ignored. */
export function readEntries(path: string): JournalEntry[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const out: JournalEntry[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as JournalEntry;
      if ((entry.event === "created" || entry.event === "deleted") && typeof entry.id === "string") out.push(entry);
    } catch {
      // A partial last line from a killed writer: the id it would have named was never acknowledged.
    }
  }
  return out;
}
