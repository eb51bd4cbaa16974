-- Issue 14, "My forum record": the history of each forum member's answer to "May we keep a record of the meetings
-- you come to?", so a record counts only meetings held while the answer was yes (a member who says no keeps
-- attending without a record; saying yes again starts it again). Must match ForumDbContext.Record.cs exactly
-- (SchemaMatchesModelTests). Written by a trigger on forum_members, so no way of adding or changing a member can
-- forget it: the first answer when the row is inserted, and every change of keeps_record (at consent_changed_at,
-- which the handlers set from the app's clock). Erasing the member deletes their history (ON DELETE CASCADE).
CREATE TABLE forum_member_consents (
    forum_member_id uuid NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    keeps_record boolean NOT NULL,
    CONSTRAINT pk_forum_member_consents PRIMARY KEY (forum_member_id, changed_at),
    CONSTRAINT fk_forum_member_consents_forum_member_id FOREIGN KEY (forum_member_id) REFERENCES forum_members (id) ON DELETE CASCADE
);

CREATE FUNCTION forum_member_consent_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.keeps_record IS DISTINCT FROM OLD.keeps_record THEN
        INSERT INTO forum_member_consents (forum_member_id, changed_at, keeps_record)
        VALUES (NEW.id, NEW.consent_changed_at, NEW.keeps_record)
        ON CONFLICT (forum_member_id, changed_at) DO UPDATE SET keeps_record = EXCLUDED.keeps_record;
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER forum_member_consent_history AFTER INSERT OR UPDATE OF keeps_record ON forum_members
    FOR EACH ROW EXECUTE FUNCTION forum_member_consent_history();

-- Members added before this migration: their answer since it last changed is known. Before that it is not (it may
-- have changed more than once), so it is taken as "no": a record never counts a meeting we are not sure about.
INSERT INTO forum_member_consents (forum_member_id, changed_at, keeps_record)
SELECT id, created_at, false FROM forum_members WHERE consent_changed_at > created_at;
INSERT INTO forum_member_consents (forum_member_id, changed_at, keeps_record)
SELECT id, consent_changed_at, keeps_record FROM forum_members;
