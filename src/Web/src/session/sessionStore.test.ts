import { describe, expect, it } from "vitest";
import { chooserChoices, openingFor } from "./chooser";
import { SessionStore, type KeyValueStore, type MeetingSession } from "./sessionStore";

/** Behaves like localStorage: getItem/setItem/removeItem plus length and key(i). */
function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
  };
}

const ID = "0F8FAD5B-D9CB-469F-A165-70867728950E";
const OTHER = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";
const FAY = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const BEN = "a3bb189e-8bf9-4888-9912-ace4e6543002";
const CAT = "c56a4180-65aa-42ec-a945-5fd21dec0538";

const fay: MeetingSession = {
  meetingId: ID, participantId: FAY, role: "facilitator", token: "fh_fay", displayName: "Fay", joinCode: "ACDEFG", screenToken: "fh_screen",
};
const ben: MeetingSession = { meetingId: ID, participantId: BEN, role: "member", token: "fh_ben", displayName: "Ben" };
const cat: MeetingSession = { meetingId: ID, participantId: CAT, role: "supporter", token: "fh_cat", displayName: "Cat" };

/** Two stores on one storage are two tabs of one browser. */
function twoTabs() {
  const storage = memoryStore();
  let clock = Date.parse("2026-12-02T10:00:00Z");
  const now = () => new Date((clock += 1000));
  return { storage, tabA: new SessionStore(storage, now), tabB: new SessionStore(storage, now) };
}

describe("SessionStore", () => {
  it("keeps a session per meeting and person, whatever the case of the ids", () => {
    const store = memoryStore();
    const sessions = new SessionStore(store);
    sessions.save({ meetingId: ID, participantId: BEN, role: "member", token: "fh_x" });
    expect(new SessionStore(store).person(ID.toLowerCase(), BEN.toUpperCase())?.token).toBe("fh_x");
    expect([...store.data.keys()]).toEqual([`forumhub.session.${ID.toLowerCase()}.${BEN}`]);
    sessions.forget(ID, BEN);
    expect(sessions.person(ID, BEN)).toBeNull();
    expect(sessions.people(ID)).toEqual([]);
  });

  it("never lets a second person in the same browser overwrite the first: both are kept, facilitator first", () => {
    const { tabA, tabB } = twoTabs();
    tabA.save(fay); // tab A: the facilitator starts the meeting
    tabB.save(ben); // tab B, same browser: Ben joins
    tabB.save(cat);
    // After a reload, each tab still finds its own person, with its own token.
    expect(tabA.person(ID, FAY)?.token).toBe("fh_fay");
    expect(tabA.person(ID, FAY)?.screenToken).toBe("fh_screen");
    expect(tabB.person(ID, BEN)?.token).toBe("fh_ben");
    expect(tabA.people(ID).map((s) => s.displayName)).toEqual(["Fay", "Ben", "Cat"]);
    expect(tabB.facilitator(ID)?.participantId).toBe(FAY);
    // Without a person in the address, the facilitator's console is what this browser opens.
    expect(tabB.get(ID)?.role).toBe("facilitator");
  });

  it("keeps the facilitator first even when she was kept last, and a fresh token replaces only her own entry", () => {
    const { storage, tabA, tabB } = twoTabs();
    tabB.save(ben);
    tabA.save(fay);
    tabA.save({ ...fay, token: "fh_fay_again" }); // "Open the console" from My meetings: same person, new token
    expect(tabB.people(ID).map((s) => [s.displayName, s.token])).toEqual([["Fay", "fh_fay_again"], ["Ben", "fh_ben"]]);
    expect(storage.data.size).toBe(2);
  });

  it("keeps meetings and the shared screen apart", () => {
    const { tabA } = twoTabs();
    tabA.save(fay);
    tabA.save({ meetingId: ID, participantId: "", role: "screen", token: "fh_tv", joinCode: "ACDEFG" }, "screen");
    tabA.save({ ...ben, meetingId: OTHER });
    expect(tabA.get(ID, "screen")?.token).toBe("fh_tv");
    expect(tabA.people(ID).map((s) => s.participantId)).toEqual([FAY]);
    expect(tabA.people(OTHER).map((s) => s.participantId)).toEqual([BEN]);
    expect(tabA.person(ID, BEN)).toBeNull();
  });

  it("moves the old one-per-meeting entry to its person's key and keeps the person who joined since", () => {
    const storage = memoryStore();
    storage.setItem(`forumhub.session.${ID.toLowerCase()}`, JSON.stringify(fay));
    const sessions = new SessionStore(storage);
    sessions.save(ben);
    expect(sessions.people(ID).map((s) => s.participantId)).toEqual([FAY, BEN]);
    expect(storage.getItem(`forumhub.session.${ID.toLowerCase()}`)).toBeNull();
    expect(sessions.person(ID, FAY)?.token).toBe("fh_fay");
  });

  it("ignores damaged entries", () => {
    const store = memoryStore();
    store.setItem(`forumhub.session.${ID.toLowerCase()}`, "{not json");
    store.setItem(`forumhub.session.${ID.toLowerCase()}.${BEN}`, JSON.stringify({ meetingId: OTHER, participantId: BEN, token: "x" }));
    const sessions = new SessionStore(store);
    expect(sessions.get(ID)).toBeNull();
    expect(sessions.people(ID)).toEqual([]);
  });

  it("works in memory when storage throws, still one entry per person", () => {
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
    sessions.save({ meetingId: ID, participantId: FAY, role: "facilitator", token: "fh_y" });
    sessions.save({ meetingId: ID, participantId: BEN, role: "listener", token: "fh_z" });
    expect(sessions.people(ID).map((s) => s.role)).toEqual(["facilitator", "listener"]);
  });
});

describe("who this tab is (the chooser)", () => {
  const people = (() => {
    const { tabA } = twoTabs();
    tabA.save(ben);
    tabA.save(fay);
    return tabA.people(ID);
  })();

  it("offers the facilitator's console first, then each other person, each going to its own address", () => {
    expect(chooserChoices(people)).toEqual([
      { participantId: FAY, role: "facilitator", label: "Open the facilitator's console (Fay)", path: `/meeting/${ID}/p/${FAY}` },
      { participantId: BEN, role: "member", label: "Go on as Ben (member)", path: `/meeting/${ID}/p/${BEN}` },
    ]);
  });

  it("opens the person the address names, the only person, or asks", () => {
    expect(openingFor(people, BEN)).toMatchObject({ kind: "person", session: { participantId: BEN } });
    expect(openingFor(people, FAY.toUpperCase())).toMatchObject({ kind: "person", session: { role: "facilitator" } });
    expect(openingFor(people, null)).toMatchObject({ kind: "choose", choices: [{ role: "facilitator" }, { role: "member" }] });
    expect(openingFor(people, CAT)).toMatchObject({ kind: "choose" }); // not on this device: pick one of those that are
    expect(openingFor([ben], null)).toMatchObject({ kind: "person", session: { participantId: BEN } });
    expect(openingFor([], BEN)).toEqual({ kind: "none" });
  });
});
