import { useState } from "preact/hooks";
import type { MeetingClient } from "../../client/meetingClient";
import type { ParticipantView } from "../../client/protocol";
import { ErrorNote } from "../../components/ErrorNote";
import { QrCode } from "../../components/QrCode";
import { SpokenText } from "../../components/SpokenText";
import { useCommand } from "../../meeting/useCommand";
import { codeForReading, takeOverLink } from "../../meeting/withoutDevice";
import { Picture } from "../../pictures/Picture";

/**
 * A one-use code for a member without a device to use their own phone from now on. The code is shown
 * (big, with its link and QR code) and can be printed; it is never shown again, so "Make a new code" replaces it.
 */
export function TakeOverCode({ client, member }: { client: MeetingClient; member: ParticipantView }) {
  const [code, setCode] = useState<string | null>(null);
  const command = useCommand();
  const give = () => void command.run(async () => setCode((await client.issueTakeOverCode({ memberId: member.id })).code));
  const link = code ? takeOverLink(location.origin, code) : null;
  return (
    <div class="take-over">
      {code && link ? (
        <div class="take-over-card" role="region" aria-label={`Code for ${member.displayName}'s phone`}>
          <h3>Code for {member.displayName}'s phone</h3>
          <SpokenText text={`${member.displayName} types this code on the join page. The code works once.`} before={<Picture word="phone" size="medium" />} />
          <strong class="take-over-code" aria-label={`Code: ${[...code].join(" ")}`}>
            {codeForReading(code)}
          </strong>
          <QrCode text={link} label={`QR code for ${member.displayName} to use their own phone`} class="qr-small" />
          <p class="break-anywhere">
            Link: <a href={link}>{link}</a>
          </p>
          <div class="button-row">
            <button type="button" class="button" onClick={() => window.print()}>
              <Picture word="notes" size="small" />
              <span>Print the code</span>
            </button>
            <button type="button" class="button" disabled={command.busy} onClick={give}>
              Make a new code
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="button" disabled={command.busy} onClick={give}>
          <Picture word="phone" size="small" />
          <span>Give {member.displayName} a code for their own phone</span>
        </button>
      )}
      <ErrorNote error={command.error} />
    </div>
  );
}
