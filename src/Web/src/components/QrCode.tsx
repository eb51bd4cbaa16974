import { useEffect, useState } from "preact/hooks";
import { qrPath } from "./qrPath";

interface QrCodeProps {
  /** What the code holds (a link). */
  text: string;
  /** Its accessible name, e.g. "QR code: open the join page". */
  label: string;
  class?: string;
}

/**
 * A QR code drawn as one SVG path (no inline styles, no data: URLs). The qrcode package is loaded only on the
 * pages that show a code (facilitator, shared screen), so phones joining a meeting do not download it.
 */
export function QrCode({ text, label, class: className }: QrCodeProps) {
  const [drawing, setDrawing] = useState<{ size: number; path: string } | null>(null);
  useEffect(() => {
    let live = true;
    void import("qrcode").then((qr) => {
      const code = qr.create(text, { errorCorrectionLevel: "M" });
      if (live) setDrawing({ size: code.modules.size, path: qrPath(code.modules.size, (r, c) => code.modules.get(r, c) === 1) });
    });
    return () => {
      live = false;
    };
  }, [text]);
  if (!drawing) return <div class={["qr-code", className].filter(Boolean).join(" ")} role="img" aria-label={label} />;
  const quiet = 4;
  const box = drawing.size + quiet * 2;
  return (
    <svg class={["qr-code", className].filter(Boolean).join(" ")} viewBox={`0 0 ${box} ${box}`} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect width={box} height={box} fill="#ffffff" />
      <path d={drawing.path} transform={`translate(${quiet} ${quiet})`} fill="#000000" />
    </svg>
  );
}
