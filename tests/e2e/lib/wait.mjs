// Waiting in the e2e tests: for a promise or a condition, never longer than a limit, and naming what was awaited, so
// a test that hangs says what it was waiting for. A fixed sleep belongs only where the time itself is what is tested
// (a rate limit's refill, a crash at a random moment).

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with what `promise` resolves with, or rejects once it has taken longer than `ms`, naming `what`. */
export async function within(ms, promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Resolves with the first truthy value of `condition()` (which may be async), checked every `everyMs`, or rejects
 * once `ms` have passed, naming `what`.
 */
export async function until(ms, condition, what, everyMs = 20) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
