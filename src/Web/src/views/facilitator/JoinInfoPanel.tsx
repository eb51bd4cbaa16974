import { usePublicOrigin } from "../../app/publicOrigin";
import { joinPath, screenLink } from "../../app/routes";
import { QrCode } from "../../components/QrCode";
import type { MeetingSession } from "../../session/sessionStore";

/** The codes to share: member code (with its QR code and link), listener code, and the shared screen's link. */
export function JoinInfoPanel({ session, closed }: { session: MeetingSession; closed: boolean }) {
  // The address phones can reach (PublicUrl), not necessarily this laptop's http://127.0.0.1.
  const origin = usePublicOrigin();
  const joinUrl = origin && session.joinCode ? `${origin}${joinPath(session.joinCode)}` : null;
  const screenUrl =
    origin && session.screenToken && session.joinCode ? screenLink(origin, session.meetingId, session.screenToken, session.joinCode) : null;
  if (closed) {
    return (
      <section class="panel join-info" aria-labelledby="join-info-heading">
        <h2 id="join-info-heading">Codes to join</h2>
        <p>The meeting has finished. The codes do not work any more.</p>
      </section>
    );
  }
  return (
    <section class="panel join-info" aria-labelledby="join-info-heading">
      <h2 id="join-info-heading">Codes to join</h2>
      {session.joinCode ? (
        <>
          <p>
            Code for members and supporters: <strong class="code-text">{session.joinCode}</strong>
          </p>
          {joinUrl && (
            <>
              <QrCode text={joinUrl} label={`QR code to join with the code ${session.joinCode}`} class="qr-small" />
              <p class="break-anywhere">
                Link: <a href={joinUrl}>{joinUrl}</a>
              </p>
            </>
          )}
        </>
      ) : (
        <p class="hint">This computer does not know the codes of this meeting.</p>
      )}
      {session.listenerCode && (
        <p>
          Code for listeners: <strong class="code-text">{session.listenerCode}</strong>
        </p>
      )}
      {screenUrl && (
        <p>
          <a class="button" href={screenUrl} target="_blank" rel="noopener">
            Open the shared screen (new tab)
          </a>
        </p>
      )}
    </section>
  );
}
