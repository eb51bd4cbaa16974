// Plain words for the audit log's action names (src/Api: every AuditLog.Entry). Pure, so vitest can check it.

const WORDS: Record<string, string> = {
  "account.signed_in": "Signed in",
  "account.sign_in_failed": "A sign-in did not work",
  "account.sign_in_while_locked": "Tried to sign in while locked",
  "account.locked": "Locked after wrong passwords",
  "account.signed_out": "Signed out",
  "account.signed_out_everywhere": "Signed out everywhere",
  "account.set_up": "Chose a password with a set-up link",
  "account.set_up_failed": "A set-up link did not work",
  "account.password_changed": "Changed the password",
  "account.password_change_failed": "Wrong password when changing it",
  "admin.bootstrap_administrator_created": "The first administrator was made",
  "admin.administrator_created": "Added an administrator",
  "admin.facilitator_created": "Added a facilitator",
  "admin.facilitator_reset": "Made a new set-up link",
  "admin.facilitator_unlock": "Unlocked an account",
  "admin.facilitator_disable": "Turned off an account",
  "admin.facilitator_enable": "Turned on an account",
  "admin.forum_created": "Added a forum",
  "admin.forum_renamed": "Renamed a forum",
  "meeting.created": "Started a meeting",
  "meeting.facilitator_access_issued": "Opened a meeting again as facilitator",
  "privacy.erased": "Deleted a person's data",
  "privacy.exported": "Downloaded a person's data",
  "retention.raw_data_deleted": "Deleted an old meeting's details",
};

/** "OpenPoll" -> "open poll". */
function words(pascal: string): string {
  return pascal.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

/** What happened, in plain words; a meeting command reads "In a meeting: open poll"; anything unknown shows its name. */
export function auditWords(action: string): string {
  const known = WORDS[action];
  if (known) return known;
  const command = /^meeting\.([A-Z][A-Za-z]*)$/.exec(action);
  if (command) return `In a meeting: ${words(command[1] as string)}`;
  return action;
}
