import type { ComponentChildren } from "preact";
import { linkClick } from "../app/navigation";
import { Picture } from "../pictures/Picture";

interface PictureLinkProps {
  /** "big-link" on the home page, "button …" where a link looks like a button. */
  class: string;
  href: string;
  picture: string;
  size: "small" | "large";
  children: ComponentChildren;
}

/** A link inside the app (followed without reloading the page): a picture, then its words. */
export function PictureLink({ class: classes, href, picture, size, children }: PictureLinkProps) {
  return (
    <a class={classes} href={href} onClick={linkClick}>
      <Picture word={picture} size={size} />
      <span>{children}</span>
    </a>
  );
}
