import { QrCode } from "../../components/QrCode";

const spaced = (code: string) => code.split("").join(" ");

/**
 * The join code and its QR code: large while people arrive (the gathering), then small in the corner so latecomers
 * can still join while the room reads the meeting.
 */
export function ScreenJoin({ joinCode, joinUrl, small = false }: { joinCode: string; joinUrl: string; small?: boolean }) {
  if (small) {
    return (
      <aside class="screen-join-small" aria-label="How to join">
        <QrCode text={joinUrl} label={`QR code to join. The code is ${spaced(joinCode)}`} class="qr-corner" />
        <p>
          <span>Join:</span>
          <strong class="screen-code-small" aria-label={`Code: ${spaced(joinCode)}`}>
            {joinCode}
          </strong>
        </p>
      </aside>
    );
  }
  return (
    <aside class="screen-pane screen-join" aria-label="How to join">
      <h2>Join on your phone</h2>
      <QrCode text={joinUrl} label={`QR code to join. The code is ${spaced(joinCode)}`} class="qr-large" />
      <p>Code:</p>
      <p class="screen-code" aria-label={`Code: ${spaced(joinCode)}`}>
        {joinCode}
      </p>
      <p class="screen-join-url">{joinUrl.replace(/^https?:\/\//, "").replace(/\/join\/.*$/, "/join")}</p>
    </aside>
  );
}
