import { createContext } from "preact";

/** False on the shared screen: a TV in a room has nothing to press, so no "Listen" buttons there. */
export const ReadAloudButtons = createContext(true);
