import { pictureUrl } from "./pictures";

interface PictureProps {
  /** A picture word from the shared map, e.g. "yes" or "bus". Unknown words show nothing. */
  word: string | null | undefined;
  /** Alt text. Leave empty when words beside the picture say the same (the picture is then decorative). */
  alt?: string;
  /** Size class: "small" (1.5em), "medium" (3rem, default), "large" (5rem), "huge" (8rem). */
  size?: "small" | "medium" | "large" | "huge";
  className?: string;
  /** Load at once (default: when it comes near the screen). */
  eager?: boolean;
}

/** An OpenMoji picture, as an image file (no inline SVG markup, nothing from user text reaches the DOM as HTML). */
export function Picture({ word, alt = "", size = "medium", className, eager = false }: PictureProps) {
  const url = pictureUrl(word);
  if (!url) return null;
  const classes = ["picture", `picture-${size}`, className].filter(Boolean).join(" ");
  return <img class={classes} src={url} alt={alt} width={72} height={72} loading={eager ? "eager" : "lazy"} decoding="async" />;
}
