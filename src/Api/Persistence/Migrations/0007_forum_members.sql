-- Issue 14: forums that remember. A forum's standing members and regular listeners (forum_members), each with a
-- forum card whose code is stored only as its SHA-256 (hex); the link from a meeting's participant to the forum
-- member they are (participants.forum_member_id, projected from participantJoined.forumMemberId or set when a
-- newcomer is added to the forum after); and the forum's planned meetings with their invitation.
-- Must match ForumMemberRows.cs exactly (SchemaMatchesModelTests).
CREATE TABLE forum_members (
    id uuid NOT NULL,
    forum_id uuid NOT NULL,
    kind character varying(20) NOT NULL,
    display_name character varying(40) NOT NULL,
    picture character varying(40) NULL,
    represents character varying(100) NULL,
    usual_supporter character varying(40) NULL,
    role_words character varying(60) NULL,
    keeps_record boolean NOT NULL,
    consent_changed_at timestamp with time zone NOT NULL,
    card_code_hash character varying(64) NULL,
    card_issued_at timestamp with time zone NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_forum_members PRIMARY KEY (id),
    CONSTRAINT fk_forum_members_forum_id FOREIGN KEY (forum_id) REFERENCES forums (id) ON DELETE CASCADE
);
CREATE INDEX ix_forum_members_forum_id ON forum_members (forum_id);
CREATE UNIQUE INDEX ix_forum_members_card_code_hash ON forum_members (card_code_hash);

ALTER TABLE participants ADD COLUMN forum_member_id uuid NULL;
ALTER TABLE participants ADD CONSTRAINT fk_participants_forum_member_id
    FOREIGN KEY (forum_member_id) REFERENCES forum_members (id) ON DELETE SET NULL;
CREATE INDEX ix_participants_forum_member_id ON participants (forum_member_id);

CREATE TABLE planned_meetings (
    id uuid NOT NULL,
    forum_id uuid NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    place character varying(300) NOT NULL,
    about character varying(300) NOT NULL,
    invitation_public boolean NOT NULL,
    invitation_key character varying(40) NOT NULL,
    meeting_id uuid NULL,
    created_by_account_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_planned_meetings PRIMARY KEY (id),
    CONSTRAINT fk_planned_meetings_forum_id FOREIGN KEY (forum_id) REFERENCES forums (id) ON DELETE CASCADE,
    CONSTRAINT fk_planned_meetings_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE SET NULL,
    CONSTRAINT fk_planned_meetings_created_by_account_id FOREIGN KEY (created_by_account_id) REFERENCES facilitator_accounts (id) ON DELETE RESTRICT
);
CREATE INDEX ix_planned_meetings_forum_id ON planned_meetings (forum_id);
CREATE UNIQUE INDEX ix_planned_meetings_invitation_key ON planned_meetings (invitation_key);
CREATE INDEX ix_planned_meetings_meeting_id ON planned_meetings (meeting_id);
CREATE INDEX ix_planned_meetings_created_by_account_id ON planned_meetings (created_by_account_id);
