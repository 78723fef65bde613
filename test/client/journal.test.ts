// The footprint journal is shared through the file: the suite worker appends, the CLI (another process) reads.
// Two openJournal instances on one path stand in for the two processes.
import { appendFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openJournal } from "../../client/journal.js";

const target = { baseUrl: "http://127.0.0.1:1", accountId: "self" };

function freshPath(): string {
  return join(mkdtempSync(join(tmpdir(), "tep-journal-")), "nested", "footprint.jsonl");
}

describe("footprint journal", () => {
  it("a second instance sees what the first appended, at once", () => {
    const path = freshPath();
    const writer = openJournal(path);
    const reader = openJournal(path);
    expect(reader.created()).toEqual([]);
    writer.recordCreated("7", { ...target, workflowState: "active" });
    expect(reader.created()).toEqual(["7"]);
    expect(reader.active()).toEqual(["7"]);
    writer.recordCreated("8", { ...target, workflowState: "active" });
    writer.recordDeleted("7");
    expect(reader.deleted()).toEqual(["7"]);
    expect(reader.active()).toEqual(["8"]);
    expect(reader.has("7")).toBe(true);
    expect(reader.has("9")).toBe(false);
  });

  it("writes one JSON object per line with the documented fields", () => {
    const path = freshPath();
    openJournal(path).recordCreated("7", { ...target, workflowState: "active" });
    openJournal(path).recordDeleted("7");
    const lines = readFileSync(path, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      { event: "created", id: "7", workflowState: "active", baseUrl: target.baseUrl, accountId: "self", at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
      { event: "deleted", id: "7", at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    ]);
  });

  it("a pairing created already deleted is not active", () => {
    const journal = openJournal(freshPath());
    journal.recordCreated("5", { ...target, workflowState: "deleted" });
    expect(journal.created()).toEqual(["5"]);
    expect(journal.active()).toEqual([]);
  });

  it("has(id, baseUrl) only matches pairings created on that server", () => {
    const journal = openJournal(freshPath());
    journal.recordCreated("7", target);
    expect(journal.has("7", target.baseUrl)).toBe(true);
    expect(journal.has("7", "https://other.example")).toBe(false);
    expect(journal.has("7", "HTTP://127.0.0.1:1/")).toBe(true); // the same target, spelt differently
  });

  it("ignores a last line cut short by a crash, and later entries stay readable", () => {
    const path = freshPath();
    const journal = openJournal(path);
    journal.recordCreated("1", target);
    appendFileSync(path, '{"event":"created","id":"2","baseU');
    expect(journal.created()).toEqual(["1"]);
    // The next writer (say, cleanup after a SIGKILL) starts a fresh line instead of extending the fragment.
    openJournal(path).recordDeleted("1");
    expect(journal.deleted()).toEqual(["1"]);
  });
});
