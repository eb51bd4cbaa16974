import type { ComponentChildren } from "preact";
import { ErrorNote } from "../../components/ErrorNote";
import { SpokenText } from "../../components/SpokenText";
import { Picture } from "../../pictures/Picture";
import { SignInForm } from "../start/SignInForm";
import type { ForumLoad } from "./useForum";

/** Shows the page only to a facilitator of the forum: else the sign-in form, or why the forum is not there. */
export function ForumGate({ forum, intro, children }: { forum: ForumLoad; intro: string; children: ComponentChildren }) {
  if (forum.needsSignIn)
    return <SignInForm http={forum.http} onSignedIn={() => void forum.reload()} intro={intro} submitLabel="Sign in" />;
  if (forum.load.error) return <ErrorNote error={forum.load.error} />;
  if (forum.notFound)
    return (
      <SpokenText
        text="We could not find this forum. It may belong to another organisation. Please check the link."
        before={<Picture word="question" size="medium" />}
      />
    );
  if (!forum.forum) return <p role="status">Please wait a moment.</p>;
  return <>{children}</>;
}
