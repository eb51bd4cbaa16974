// Read-aloud speaks one sentence per utterance: short utterances are easier to follow, and long ones are cut off by
// some browsers. Pure, so it is tested without a browser.

/** Splits text into sentences: after . ! ? (and line breaks), keeping the mark; no empty sentences. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const line of text.split(/\r?\n+/)) {
    // A sentence ends at . ! ? … followed by a space and then a capital letter, digit, quote or bracket;
    // "e.g. this" or "3.5" stay whole.
    const parts = line.split(/(?<=[.!?…])["')\]]?\s+(?=["'(\[]?[A-Z0-9\u00C0-\u024F])/u);
    for (const part of parts) {
      const sentence = part.replace(/\s+/g, " ").trim();
      if (sentence !== "") sentences.push(sentence);
    }
  }
  return sentences;
}
