import { render } from "preact";
import { App } from "./app/App";
import { publicOrigin } from "./app/publicOrigin";
import "./styles/base.css";
import "./styles/components.css";
import "./styles/views.css";
import "./styles/forum.css";
import "./styles/minutes.css";
import "./styles/withoutDevice.css";

// Ask early for the address to put on join links and QR codes, so they show at once (one small GET).
void publicOrigin();

const root = document.getElementById("app");
if (root) render(<App />, root);
