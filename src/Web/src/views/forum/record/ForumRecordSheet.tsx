import type { ForumRecordView, RecordLine } from "../../../client/forumProtocol";
import { PictureSection } from "../../../components/PictureSection";
import { SpokenText } from "../../../components/SpokenText";
import { Picture } from "../../../pictures/Picture";
import { ReadAloudButton } from "../../../speech/ReadAloudButton";
import "./record.css";

/** Each section's heading and picture, in the order they are shown. */
const SECTIONS: Record<string, { title: string; picture: string }> = {
  consent: { title: "My record", picture: "cross" },
  meetings: { title: "Meetings", picture: "meeting" },
  roles: { title: "My jobs in the meeting", picture: "star" },
  ideas: { title: "My ideas", picture: "idea" },
  votes: { title: "Votes", picture: "vote" },
  actions: { title: "Actions", picture: "action" },
};

function sections(lines: RecordLine[]): [string, RecordLine[]][] {
  const order = Object.keys(SECTIONS);
  const grouped = new Map<string, RecordLine[]>();
  for (const line of lines) grouped.set(line.section, [...(grouped.get(line.section) ?? []), line]);
  return [...grouped.entries()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
}

/**
 * "My forum record" in Easy Read (docs/protocol.md 5.15): who, which forum, the day it was made, then each section
 * with a picture in its heading and a picture beside each sentence, every sentence read aloud. Printable: the print
 * style (record.css) keeps only the record.
 */
export function ForumRecordSheet({ record }: { record: ForumRecordView }) {
  const all = record.lines.map((l) => l.text).join(" ");
  return (
    <article class="forum-record" aria-labelledby="record-name">
      <div class="with-picture forum-record-who">
        <Picture word={record.picture ?? (record.kind === "Listener" ? "listener" : "member")} size="large" />
        <div>
          <h2 id="record-name" class="forum-record-name break-anywhere">{record.displayName}</h2>
          <p class="forum-record-forum break-anywhere">{record.forumName}</p>
          <p>Made on {record.madeOnWords}.</p>
        </div>
      </div>
      <div class="button-row no-print">
        <button type="button" class="button button-primary button-big" onClick={() => window.print()}>
          <Picture word="book" size="small" />
          <span>Print my record</span>
        </button>
        <ReadAloudButton text={all} />
      </div>
      {sections(record.lines).map(([section, lines]) => {
        const head = SECTIONS[section] ?? { title: section, picture: "star" };
        return (
          <PictureSection key={section} class="panel forum-record-section" headingId={`record-${section}`} picture={head.picture} title={head.title}>
            <ul class="forum-record-lines">
              {lines.map((line) => (
                <li key={line.text}>
                  <SpokenText text={line.text} before={<Picture word={line.picture} size="medium" />} />
                </li>
              ))}
            </ul>
          </PictureSection>
        );
      })}
    </article>
  );
}
