// The critical path of a run (issue 8): the longest chain of requests that had to happen one after another,
// measured from the suite's own structure while it runs. Each test body runs in its own chain (runWithDepth): a
// request issued in a chain gets depth = chain depth + 1, and once answered it raises the chain's depth to its own.
// Requests issued together (Promise.all) therefore share a depth; a request awaited before the next adds one.
// A shared, memoized fixture runs in a chain forked from the test that first asks for it (forkChain); any test
// awaiting it continues from the depth at which it completed (inheritDepth), so reuse is counted, not hidden.
//
// The store is one mutable object per chain, shared by the branches of a Promise.all inside a test body: a branch
// issuing a request after a sibling's request completed is counted as following it. That can only overstate the
// path (by at most the depth of the sibling branch), never understate it.
import { AsyncLocalStorage } from "node:async_hooks";

interface Chain {
  depth: number;
}

const chains = new AsyncLocalStorage<Chain>();
/** The completion depth of each promise made by forkChain, once it has settled. */
const settledDepth = new WeakMap<Promise<unknown>, Chain>();
let longest = 0;

/** Runs `fn` as the start of a fresh chain (a test body): its first request has depth 1. */
export function runWithDepth<T>(fn: () => T): T {
  return chains.run({ depth: 0 }, fn);
}

/**
 * Runs `make` (a shared fixture's work) in a chain of its own, starting at the caller's current depth, and remembers
 * the depth it completed at. Await the result through inheritDepth, also in the test that first asked for it.
 */
export function forkChain<T>(make: () => Promise<T>): Promise<T> {
  const fork: Chain = { depth: chains.getStore()?.depth ?? 0 };
  const promise = chains.run(fork, make);
  settledDepth.set(promise, fork);
  return promise;
}

/**
 * The fixture's promise, continuing the caller's chain from the depth at which the fixture completed: a test that
 * reuses a fixture made in another test's chain waits for that chain, so its next request follows it.
 * A promise not made by forkChain is passed through unchanged.
 */
export function inheritDepth<T>(promise: Promise<T>): Promise<T> {
  const fork = settledDepth.get(promise);
  if (!fork) return promise;
  const chain = chains.getStore();
  const bump = () => {
    if (chain) chain.depth = Math.max(chain.depth, fork.depth);
  };
  return promise.then(
    (value) => {
      bump();
      return value;
    },
    (error: unknown) => {
      bump();
      throw error;
    },
  );
}

/**
 * Called by the client when a request is issued (before it waits for a concurrency slot: waiting for a slot is
 * throughput, not structure). Returns what to call once it is answered or has failed: the issuing chain continues
 * from the request's depth. A request's redirects and retries count as one step.
 */
export function requestIssued(): () => void {
  const chain = chains.getStore();
  const depth = (chain?.depth ?? 0) + 1;
  return () => {
    if (chain) chain.depth = Math.max(chain.depth, depth);
    longest = Math.max(longest, depth);
  };
}

/** The longest chain of sequential round trips seen in this process so far. */
export function criticalPath(): number {
  return longest;
}

/** Forgets the longest chain (for the project's own tests; a run is one process). */
export function resetCriticalPath(): void {
  longest = 0;
}
