import { QrCode } from "../../components/QrCode";

/** The join code and its QR code, large. */
export function ScreenJoin({ joinCode, joinUrl }: { joinCode: string; joinUrl: string }) {
  return (
    <aside class="screen-join" aria-label="How to join">
      <h2>Join on your phone</h2>
      <QrCode text={joinUrl} label={`QR code to join. The code is ${joinCode.split("").join(" ")}`} class="qr-large" />
      <p>Code:</p>
      <p class="screen-code" aria-label={`Code: ${joinCode.split("").join(" ")}`}>
        {joinCode}
      </p>
      <p class="screen-join-url">{joinUrl.replace(/^https?:\/\//, "").replace(/\/join\/.*$/, "/join")}</p>
    </aside>
  );
}
