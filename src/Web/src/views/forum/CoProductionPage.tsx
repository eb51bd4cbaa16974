import { useEffect, useMemo, useState } from "preact/hooks";
import { ForumInsightsHttp } from "../../client/forumInsightsHttp";
import type { CoProductionFigures } from "../../client/forumInsightsProtocol";
import { FormEnd } from "../../components/FormEnd";
import { SpokenText } from "../../components/SpokenText";
import { useCommand } from "../../meeting/useCommand";
import { Picture } from "../../pictures/Picture";
import { Page } from "../Page";
import { CoProductionPanel } from "./CoProductionPanel";
import { ForumGate } from "./ForumGate";
import { useForum } from "./useForum";

/**
 * /forums/{forumId}/co-production: "Is co-production happening?" for a facilitator (GET
 * /api/forums/{forumId}/co-production). First the year up to today; the facilitator can choose other days.
 */
export function CoProductionPage({ forumId }: { forumId: string }) {
  const forum = useForum(forumId);
  const http = useMemo(() => new ForumInsightsHttp({ baseUrl: location.origin }), []);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [figures, setFigures] = useState<CoProductionFigures | null>(null);
  const load = useCommand();

  async function show() {
    await load.run(async () => {
      const answer = await http.coProduction(forumId, { from, to });
      setFigures(answer);
      setFrom(answer.from);
      setTo(answer.to);
    });
  }

  useEffect(() => {
    if (forum.forum) void show();
  }, [forum.forum]);

  function submit(event: Event) {
    event.preventDefault();
    void show();
  }

  return (
    <Page title={forum.forum ? `Is co-production happening in ${forum.forum.name}?` : "Is co-production happening?"} class="page-wide">
      <ForumGate forum={forum} intro="Please sign in to see how your forum works together.">
        <SpokenText
          text="Co-production means members and staff decide together, as equals. These numbers show how much members lead this forum."
          before={<Picture word="co-production" size="medium" />}
        />
        <form class="panel period-form" onSubmit={submit} aria-label="Choose the days">
          <div class="period-fields">
            <div>
              <label for="period-from" class="field-label">
                First day
              </label>
              <input id="period-from" class="text-box" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
            </div>
            <div>
              <label for="period-to" class="field-label">
                Last day
              </label>
              <input id="period-to" class="text-box" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
            </div>
          </div>
          <FormEnd problem={null} error={load.error} busy={load.busy}>
            Show these days
          </FormEnd>
        </form>
        <div role="status">{load.busy && <p>Please wait a moment.</p>}</div>
        {figures && <CoProductionPanel figures={figures} />}
      </ForumGate>
    </Page>
  );
}
