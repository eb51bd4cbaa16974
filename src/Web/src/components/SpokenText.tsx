import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";
import { ReadAloudButton } from "../speech/ReadAloudButton";

interface SpokenTextProps {
  /** The words shown and read aloud. */
  text: string;
  /** What is read aloud when it differs from what is shown (e.g. with the speaker's name). */
  spoken?: string;
  /** Element for the words: "p" (default), "span", "h2", "h3". */
  as?: "p" | "span" | "h2" | "h3" | "strong";
  class?: string;
  /** Shown before the words (e.g. a picture). */
  before?: ComponentChildren;
  /** Shown after the words, before the Listen button (e.g. "with support from ..."). */
  after?: ComponentChildren;
}

/** Words with a "Listen" button that reads them aloud, one sentence at a time. */
export function SpokenText({ text, spoken, as = "p", class: className, before, after }: SpokenTextProps) {
  const id = useId();
  const Tag = as;
  return (
    <div class={["spoken", className].filter(Boolean).join(" ")}>
      {before && <span class="spoken-before">{before}</span>}
      <div class="spoken-words">
        <Tag id={id} class="spoken-text">
          {text}
        </Tag>
        {after}
      </div>
      <ReadAloudButton text={spoken ?? text} describedBy={id} />
    </div>
  );
}
