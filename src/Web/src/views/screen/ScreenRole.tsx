import { ScreenMinutes } from "../../minutes/ScreenMinutes";
import type { ViewProps } from "../viewProps";
import { SharedScreenView } from "./SharedScreenView";

/** The shared screen inside /meeting/{id} (a screen token kept by this device): its own chunk, loaded only here. */
export function ScreenRole({ live, state, session, banner }: Omit<ViewProps, "me">) {
  return (
    <SharedScreenView
      state={state}
      joinCode={session.joinCode ?? ""}
      announcement={live.announcement}
      banner={banner}
      minutes={<ScreenMinutes live={live} closed={state.phase === "closed"} />}
    />
  );
}
