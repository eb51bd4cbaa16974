// In a secret vote the server never says which option a ballot chose, not even to the voter. This device
// remembers the choice it sent (sessionStorage), so the pressed button stays pressed for the person who voted.
const key = (pollId: string, voterId: string) => `forumhub.vote.${pollId}.${voterId}`;

export function rememberSecretChoice(pollId: string, voterId: string, optionId: string | null): void {
  try {
    if (optionId === null) sessionStorage.removeItem(key(pollId, voterId));
    else sessionStorage.setItem(key(pollId, voterId), optionId);
  } catch {
    // storage blocked: the button shows the vote until the page reloads
  }
}

export function secretChoice(pollId: string, voterId: string): string | null {
  try {
    return sessionStorage.getItem(key(pollId, voterId));
  } catch {
    return null;
  }
}
