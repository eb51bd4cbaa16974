import { render } from "preact";
import { App } from "./app/App";
import "./styles/base.css";
import "./styles/components.css";
import "./styles/views.css";
import "./styles/minutes.css";
import "./styles/withoutDevice.css";

const root = document.getElementById("app");
if (root) render(<App />, root);
