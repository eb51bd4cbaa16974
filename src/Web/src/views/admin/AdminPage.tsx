import { linkClick } from "../../app/navigation";
import { adminPath, type AdminSection } from "../../app/routes";
import { SpokenText } from "../../components/SpokenText";
import { Picture } from "../../pictures/Picture";
import { AccountGate } from "../account/AccountGate";
import { useAccount } from "../account/useAccount";
import { Page } from "../Page";
import { AuditSection } from "./AuditSection";
import { FacilitatorsSection } from "./FacilitatorsSection";
import { ForumsSection } from "./ForumsSection";
import "./admin.css";

const TITLES: Record<AdminSection, string> = {
  home: "Administration",
  facilitators: "Facilitators",
  forums: "Forums",
  audit: "What happened (audit log)",
};

const LINKS: { section: AdminSection; words: string; picture: string }[] = [
  { section: "facilitators", words: "Facilitators", picture: "people" },
  { section: "forums", words: "Forums", picture: "calendar" },
  { section: "audit", words: "What happened", picture: "notes" },
];

/**
 * /admin and its pages, for administrators: facilitator accounts, forums and the audit log. Everything goes through
 * AccountHttp (client/accountHttp.ts); the server checks again that the caller is an administrator.
 */
export function AdminPage({ section }: { section: AdminSection }) {
  const account = useAccount();
  return (
    <Page title={TITLES[section]} class="admin-page">
      <AccountGate {...account} adminOnly>
        {(me) => (
          <>
            <nav aria-label="Administration" class={section === "home" ? "admin-choices" : "admin-nav"}>
              {LINKS.map((link) => (
                <a
                  key={link.section}
                  class="big-link"
                  href={adminPath(link.section)}
                  onClick={linkClick}
                  aria-current={link.section === section ? "page" : undefined}
                >
                  <Picture word={link.picture} size={section === "home" ? "large" : "small"} />
                  <span>{link.words}</span>
                </a>
              ))}
              <a class="big-link" href="/account" onClick={linkClick}>
                <Picture word="safe" size={section === "home" ? "large" : "small"} />
                <span>Your account</span>
              </a>
            </nav>
            {section === "home" && (
              <SpokenText
                text={`You look after ${me.organisationName} here. Add facilitators, add forums, and see what happened.`}
                before={<Picture word="facilitator" size="medium" />}
              />
            )}
            {section === "facilitators" && <FacilitatorsSection http={account.http} me={me} />}
            {section === "forums" && <ForumsSection http={account.http} />}
            {section === "audit" && <AuditSection http={account.http} />}
          </>
        )}
      </AccountGate>
    </Page>
  );
}
