import { useEffect, useRef, useState } from "preact/hooks";
import { usePublicOrigin } from "../../app/publicOrigin";
import { setUpLink } from "../../app/routes";
import { QrCode } from "../../components/QrCode";
import { SpokenText } from "../../components/SpokenText";
import { Picture } from "../../pictures/Picture";
import { whenText } from "./whenText";

export interface SetUpHandOver {
  name: string;
  email: string;
  code: string;
  expiresAt: string;
}

/**
 * The one-time set-up link of a new (or reset) facilitator, to hand over: as a link to copy, as a QR code to scan,
 * and as a code to type. The server shows the code only once, so this is the only chance to pass it on.
 */
export function SetUpLinkPanel({ handOver, onDone }: { handOver: SetUpHandOver; onDone(): void }) {
  const { name, email, code, expiresAt } = handOver;
  // The address the facilitator's own device can reach (PublicUrl), like every other link to hand out.
  const link = setUpLink(usePublicOrigin() ?? location.origin, email, code);
  const heading = useRef<HTMLHeadingElement>(null);
  const box = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => heading.current?.focus(), [code]);

  async function copy() {
    try {
      // The clipboard API exists only on secure pages (https, or this computer itself).
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(link);
      setCopied(`The link is copied. Paste it into an email or a message to ${name}.`);
    } catch {
      box.current?.select();
      setCopied("The link is selected. Press Control and C to copy it.");
    }
  }

  return (
    <section class="panel set-up-link" aria-labelledby="set-up-link-heading">
      <h2 id="set-up-link-heading" ref={heading} tabIndex={-1}>
        Set-up link for {name}
      </h2>
      <SpokenText
        text={`Give this link to ${name}. ${name} opens it and chooses a password. It works once, until ${whenText(expiresAt)}.`}
        before={<Picture word="letter" size="medium" />}
      />
      <label for="set-up-link" class="field-label">
        Set-up link
      </label>
      <input id="set-up-link" ref={box} class="text-box" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      <div class="button-row">
        <button type="button" class="button button-primary" onClick={() => void copy()}>
          <Picture word="check" size="small" />
          <span>Copy the link</span>
        </button>
      </div>
      <p role="status">{copied}</p>
      <QrCode text={link} label={`QR code of the set-up link for ${name}`} class="qr-small" />
      <p class="hint">{name} can scan the QR code with a phone camera.</p>
      <p>
        Or {name} opens the set-up page and types this code: <strong class="code-text break-anywhere">{code}</strong>
      </p>
      <p class="hint">We show this link only now. If it gets lost, make a new set-up link.</p>
      <button type="button" class="button" onClick={onDone}>
        Done: hide the link
      </button>
    </section>
  );
}
