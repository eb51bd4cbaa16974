import { describe, expect, it } from "vitest";
import { CommandQueue, backoffDelay, newCommandId, type CommandSender } from "./commandQueue";
import { MeetingError, parseHubExceptionMessage, problemToError, toMeetingError } from "./errors";
import type { CommandAck, CommandBase, CommandName } from "./protocol";

const hubError = (method: string, code: string, words: string) =>
  new Error(`An unexpected error occurred invoking '${method}' on the server. HubException: ${code}: ${words}`);

/** A sender whose answers the test scripts, recording every call. */
class FakeSender implements CommandSender {
  readonly calls: { method: CommandName; command: CommandBase }[] = [];
  /** Answers in order; a function gets the call. */
  answers: ((method: CommandName, command: CommandBase) => Promise<CommandAck>)[] = [];
  private seq = 10;

  invoke(method: CommandName, command: CommandBase): Promise<CommandAck> {
    this.calls.push({ method, command });
    const next = this.answers.shift();
    if (next) return next(method, command);
    return Promise.resolve({ seq: ++this.seq, id: null });
  }
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

/** A sleep the test releases by hand, recording the delays asked for. */
function manualSleep() {
  const waits: { ms: number; release: () => void }[] = [];
  return {
    waits,
    sleep: (ms: number) => new Promise<void>((resolve) => waits.push({ ms, release: resolve })),
    releaseAll: () => waits.splice(0).forEach((w) => w.release()),
  };
}

describe("backoffDelay", () => {
  it("doubles from the initial delay up to the cap, with jitter between half and all of it", () => {
    const backoff = { initialMs: 100, maxMs: 1_000 };
    expect([0, 1, 2, 3, 4, 10, 500].map((n) => backoffDelay(n, backoff, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
    expect([0, 1, 2, 3, 4].map((n) => backoffDelay(n, backoff, () => 0))).toEqual([50, 100, 200, 400, 500]);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(3, backoff, Math.random);
      expect(d).toBeGreaterThanOrEqual(400);
      expect(d).toBeLessThanOrEqual(800);
    }
  });
});

describe("newCommandId", () => {
  it("makes v4 UUIDs, also where crypto.randomUUID is missing (plain http on a LAN)", () => {
    const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newCommandId()).toMatch(v4);
    const original = globalThis.crypto.randomUUID;
    try {
      Object.defineProperty(globalThis.crypto, "randomUUID", { value: undefined, configurable: true });
      const ids = new Set(Array.from({ length: 100 }, () => newCommandId()));
      expect(ids.size).toBe(100);
      for (const id of ids) expect(id).toMatch(v4);
    } finally {
      Object.defineProperty(globalThis.crypto, "randomUUID", { value: original, configurable: true });
    }
  });
});

describe("errors", () => {
  it("parses the code and plain words out of a HubException message", () => {
    const e = toMeetingError(hubError("ProposeItem", "not_allowed", "You cannot do this in your role."));
    expect(e).toBeInstanceOf(MeetingError);
    expect([e.code, e.message, e.retriable]).toEqual(["not_allowed", "You cannot do this in your role.", false]);
    expect(parseHubExceptionMessage("HubException: poll_closed: The vote is closed: sorry.")).toEqual({
      code: "poll_closed",
      message: "The vote is closed: sorry.",
    });
  });

  it("knows which codes may be retried with the same commandId", () => {
    expect(toMeetingError(hubError("X", "conflict", "Try again.")).retriable).toBe(true);
    expect(toMeetingError(hubError("X", "storage_unavailable", "Try again.")).retriable).toBe(true);
    expect(toMeetingError(hubError("X", "rate_limited", "Slow down.")).retriable).toBe(true);
    expect(toMeetingError(hubError("X", "already_voted", "You voted.")).retriable).toBe(false);
    // A dropped connection is a transport error: retriable.
    const dropped = toMeetingError(new Error("Invocation canceled due to the underlying connection being closed."));
    expect([dropped.code, dropped.retriable]).toEqual(["transport", true]);
    // A server failure without a code is not retried blindly.
    const crashed = toMeetingError(new Error("An unexpected error occurred invoking 'AddNote' on the server."));
    expect([crashed.code, crashed.retriable]).toEqual(["server_error", false]);
    expect(toMeetingError(new Error("Failed to invoke 'AddNote' due to an error on the server.")).code).toBe("invalid_request");
  });

  it("reads ProblemDetails from HTTP answers", () => {
    const e = problemToError(409, { title: "The meeting changed.", code: "conflict", retriable: true, status: 409 });
    expect([e.code, e.message, e.retriable, e.status]).toEqual(["conflict", "The meeting changed.", true, 409]);
    const closed = problemToError(409, { title: "This meeting has ended.", code: "code_closed", retriable: false });
    expect([closed.code, closed.retriable]).toEqual(["code_closed", false]);
    expect(problemToError(503, undefined).retriable).toBe(true);
    expect(problemToError(404, "").code).toBe("not_found");
  });
});

describe("CommandQueue", () => {
  it("sends commands one at a time, in order, each with its own commandId", async () => {
    const sender = new FakeSender();
    const queue = new CommandQueue(sender);
    queue.setReady(true);
    const acks = await Promise.all([
      queue.enqueue("RaiseCard", { kind: "stop" }),
      queue.enqueue("ProposeItem", { title: "Buses" }),
      queue.enqueue("AddNote", { itemId: "i", text: "n" }, "11111111-1111-4111-8111-111111111111"),
    ]);
    expect(acks.map((a) => a.seq)).toEqual([11, 12, 13]);
    expect(sender.calls.map((c) => c.method)).toEqual(["RaiseCard", "ProposeItem", "AddNote"]);
    expect(sender.calls[1]?.command).toMatchObject({ title: "Buses" });
    expect(sender.calls[2]?.command.commandId).toBe("11111111-1111-4111-8111-111111111111");
    const commandIds = new Set(sender.calls.map((c) => c.command.commandId));
    expect(commandIds.size).toBe(3);
    expect(queue.pending).toHaveLength(0);
  });

  it("holds commands while not ready (offline) and sends them when the connection is back", async () => {
    const sender = new FakeSender();
    const queue = new CommandQueue(sender);
    const ack = queue.enqueue("ProposeItem", { title: "Parks" });
    await flush();
    expect(sender.calls).toHaveLength(0);
    expect(queue.pending.map((c) => c.method)).toEqual(["ProposeItem"]);
    queue.setReady(true);
    await expect(ack).resolves.toEqual({ seq: 11, id: null });
  });

  it("retries a retriable refusal with the SAME commandId, after a jittered back-off, until acknowledged", async () => {
    const sender = new FakeSender();
    const clock = manualSleep();
    const retries: string[] = [];
    const queue = new CommandQueue(sender, {
      sleep: clock.sleep,
      random: () => 0.5,
      backoff: { initialMs: 100, maxMs: 1_000 },
      onRetry: (_c, error, delay) => retries.push(`${error.code}@${delay}`),
    });
    sender.answers = [
      () => Promise.reject(hubError("CastBallot", "conflict", "The meeting changed at the same moment.")),
      () => Promise.reject(hubError("CastBallot", "storage_unavailable", "We could not save that just now.")),
      () => Promise.reject(hubError("CastBallot", "rate_limited", "Too many.")),
    ];
    queue.setReady(true);
    const result = queue.enqueue("CastBallot", { pollId: "p", optionId: "yes" });
    for (let i = 0; i < 3; i++) {
      await flush();
      expect(clock.waits).toHaveLength(1);
      clock.releaseAll();
    }
    await expect(result).resolves.toEqual({ seq: 11, id: null });
    expect(sender.calls).toHaveLength(4);
    expect(new Set(sender.calls.map((c) => c.command.commandId)).size).toBe(1);
    expect(retries).toEqual(["conflict@75", "storage_unavailable@150", "rate_limited@300"]);
  });

  it("rejects a non-retriable refusal with its code and plain words, and goes on with the next command", async () => {
    const sender = new FakeSender();
    const queue = new CommandQueue(sender);
    sender.answers = [() => Promise.reject(hubError("CastBallot", "already_voted", "You have already voted."))];
    queue.setReady(true);
    const first = queue.enqueue("CastBallot", { pollId: "p", optionId: "yes" });
    const second = queue.enqueue("RaiseCard", { kind: "question" });
    await expect(first).rejects.toMatchObject({ code: "already_voted", message: "You have already voted.", retriable: false });
    await expect(second).resolves.toMatchObject({ seq: 11 });
    expect(sender.calls).toHaveLength(2);
  });

  it("after a transport failure waits for the connection and resends the same command", async () => {
    const sender = new FakeSender();
    const clock = manualSleep();
    const queue = new CommandQueue(sender, { sleep: clock.sleep });
    sender.answers = [
      () => {
        // The connection drops while the command is in flight.
        queue.setReady(false);
        return Promise.reject(new Error("Invocation canceled due to the underlying connection being closed."));
      },
    ];
    queue.setReady(true);
    const result = queue.enqueue("AnswerQuestion", { question: "whyAreYouHere", text: "To help" });
    await flush();
    expect(sender.calls).toHaveLength(1);
    expect(queue.pending[0]).toMatchObject({ attempts: 1, lastError: { code: "transport" } });
    clock.releaseAll(); // the back-off ends, but the connection is still down: nothing is sent
    await flush();
    expect(sender.calls).toHaveLength(1);
    queue.setReady(true); // reconnected and rejoined
    await expect(result).resolves.toMatchObject({ seq: 11 });
    expect(sender.calls).toHaveLength(2);
    expect(sender.calls[1]?.command.commandId).toBe(sender.calls[0]?.command.commandId);
  });

  it("stop() refuses what is still waiting, and anything queued later", async () => {
    const sender = new FakeSender();
    const queue = new CommandQueue(sender);
    const waiting = queue.enqueue("ProposeItem", { title: "Later" });
    queue.stop();
    await expect(waiting).rejects.toMatchObject({ code: "stopped" });
    await expect(queue.enqueue("ProposeItem", { title: "After" })).rejects.toMatchObject({ code: "stopped" });
    expect(sender.calls).toHaveLength(0);
  });
});
