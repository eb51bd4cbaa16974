// Which picture words people choose from, and how a word reads as a label. Pure: no bundler modules, so tests
// can import it. Every word here must be in the shared picture map (pictureWords.test.ts checks).

/** Pictures a person can pick for themself when they join. */
export const PERSON_PICTURES = [
  "happy",
  "star",
  "heart",
  "sun",
  "cat",
  "dog",
  "music",
  "art",
  "sport",
  "garden",
  "bike",
  "book",
  "coffee",
  "cake",
  "dance",
  "film",
] as const;

/** Pictures for answers and agenda items: the things people talk about. */
export const TOPIC_PICTURES = [
  "home",
  "work",
  "money",
  "food",
  "health",
  "doctor",
  "medicine",
  "friends",
  "family",
  "bus",
  "train",
  "car",
  "wheelchair",
  "safe",
  "holiday",
  "party",
  "music",
  "sport",
  "swimming",
  "park",
  "garden",
  "shopping",
  "school",
  "phone",
  "computer",
  "letter",
  "news",
  "clock",
  "happy",
  "sad",
  "idea",
  "talk",
  "question",
  "listen",
  "people",
] as const;

const LABELS: Record<string, string> = {
  "not-sure": "Not sure",
  "slow-down": "Slow down",
  "next-time": "Next time",
  "co-production": "Co-production",
  "co-design": "Co-design",
  tv: "TV",
};

/** "slow-down" -> "Slow down", "bus" -> "Bus". */
export function pictureLabel(word: string): string {
  const known = LABELS[word];
  if (known) return known;
  const spaced = word.replace(/-/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
