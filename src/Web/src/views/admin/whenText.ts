import { formatEasyReadDate } from "../../lib/easyReadDate";

/** "Tuesday 3 March 2026 at 14:05" (this computer's time zone). */
export function whenText(iso: string): string {
  const at = new Date(iso);
  const time = `${String(at.getHours()).padStart(2, "0")}:${String(at.getMinutes()).padStart(2, "0")}`;
  return `${formatEasyReadDate(at)} at ${time}`;
}
