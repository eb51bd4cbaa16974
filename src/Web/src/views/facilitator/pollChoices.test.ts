import { describe, expect, it } from "vitest";
import { parseChoices } from "./pollChoices";

describe("parseChoices", () => {
  it("makes one choice per line, with a picture when the word has one", () => {
    expect(parseChoices("Bus\n\n  Train \nWalking")).toEqual([
      { label: "Bus", picture: "bus" },
      { label: "Train", picture: "train" },
      { label: "Walking", picture: null },
    ]);
  });
});
