import { formatEasyReadDate } from "./lib/easyReadDate";

export function App() {
  return <p>Today is {formatEasyReadDate(new Date())}.</p>;
}
