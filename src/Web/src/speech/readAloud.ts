// Read-aloud with the browser's own voice (SpeechSynthesis). One sentence per utterance; a new request cancels
// what is still being read, so pressing another "Listen" button never talks over itself.
import { splitSentences } from "./sentences";

export interface Speaker {
  speak(utterance: SpeechSynthesisUtterance): void;
  cancel(): void;
}

type UtteranceFactory = (text: string) => SpeechSynthesisUtterance;

function browserSpeaker(): Speaker | null {
  return typeof window !== "undefined" && "speechSynthesis" in window ? window.speechSynthesis : null;
}

function browserUtterance(text: string): SpeechSynthesisUtterance {
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = document.documentElement.lang || "en-GB";
  utterance.rate = 0.9;
  return utterance;
}

export function canReadAloud(): boolean {
  return browserSpeaker() !== null && typeof SpeechSynthesisUtterance !== "undefined";
}

/** Reads `text` aloud, one sentence per utterance, after cancelling anything still being read. */
export function readAloud(
  text: string,
  speaker: Speaker | null = browserSpeaker(),
  makeUtterance: UtteranceFactory = browserUtterance,
): number {
  if (!speaker) return 0;
  speaker.cancel();
  const sentences = splitSentences(text);
  for (const sentence of sentences) speaker.speak(makeUtterance(sentence));
  return sentences.length;
}

export function stopReading(speaker: Speaker | null = browserSpeaker()): void {
  speaker?.cancel();
}
