import { describe, expect, it } from "vitest";
import { SessionStore, type KeyValueStore } from "./sessionStore";

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const ID = "0F8FAD5B-D9CB-469F-A165-70867728950E";

describe("SessionStore", () => {
  it("keeps a session per meeting, whatever the case of the id", () => {
    const store = memoryStore();
    const sessions = new SessionStore(store);
    sessions.save({ meetingId: ID, participantId: "p", role: "member", token: "fh_x" });
    expect(new SessionStore(store).get(ID.toLowerCase())?.token).toBe("fh_x");
    sessions.forget(ID);
    expect(sessions.get(ID)).toBeNull();
  });

  it("ignores damaged entries", () => {
    const store = memoryStore();
    store.setItem(`forumhub.session.${ID.toLowerCase()}`, "{not json");
    expect(new SessionStore(store).get(ID)).toBeNull();
  });

  it("works in memory when storage throws", () => {
    const throwing: KeyValueStore = {
      getItem: () => {
        throw new Error("blocked");
      },
      setItem: () => {
        throw new Error("blocked");
      },
      removeItem: () => undefined,
    };
    const sessions = new SessionStore(throwing);
    sessions.save({ meetingId: ID, participantId: "p", role: "listener", token: "fh_y" });
    expect(sessions.get(ID)?.role).toBe("listener");
  });
});
