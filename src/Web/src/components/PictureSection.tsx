import type { ComponentChildren } from "preact";
import { Picture } from "../pictures/Picture";

interface PictureSectionProps {
  /** The section's classes: "panel …" on phones and the console, "screen-pane …" on the shared screen. */
  class: string;
  /** The heading's id; the section is named by its heading (aria-labelledby). */
  headingId: string;
  /** The picture word shown before the heading's words. */
  picture: string | null | undefined;
  title: ComponentChildren;
  /** h2, or h3 where the section sits under another section's heading. */
  level?: 2 | 3;
  children?: ComponentChildren;
}

/** A section named by its heading, and the heading drawn as a picture followed by its words. */
export function PictureSection({ class: classes, headingId, picture, title, level = 2, children }: PictureSectionProps) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section class={classes} aria-labelledby={headingId}>
      <Heading id={headingId} class="with-picture">
        <Picture word={picture} size="medium" />
        <span>{title}</span>
      </Heading>
      {children}
    </section>
  );
}
