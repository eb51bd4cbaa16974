-- Issue 14: forums that remember. A forum's follow-up list (items carried forward, open actions, listeners'
-- responses) filled when a meeting closes and updated by the review of later meetings; and its progress history.
-- Projections of events (FollowUpWriter). Must match ForumDbContext.FollowUps.cs exactly (SchemaMatchesModelTests).
CREATE TABLE forum_follow_ups (
    id uuid NOT NULL,
    forum_id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    kind character varying(20) NOT NULL,
    text character varying(500) NOT NULL,
    picture character varying(60) NULL,
    about character varying(200) NULL,
    said character varying(500) NULL,
    owner_id uuid NULL,
    owner_name character varying(100) NULL,
    owner_picture character varying(60) NULL,
    owner_role character varying(20) NULL,
    you_said boolean NOT NULL,
    said_on date NOT NULL,
    status character varying(20) NOT NULL,
    drop_reason character varying(200) NULL,
    note character varying(200) NULL,
    agenda_meeting_id uuid NULL,
    agenda_item_id uuid NULL,
    opened_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    closed_at timestamp with time zone NULL,
    CONSTRAINT pk_forum_follow_ups PRIMARY KEY (id),
    CONSTRAINT fk_forum_follow_ups_forum_id FOREIGN KEY (forum_id) REFERENCES forums (id) ON DELETE CASCADE,
    CONSTRAINT fk_forum_follow_ups_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
);
CREATE INDEX ix_forum_follow_ups_forum_id ON forum_follow_ups (forum_id);
CREATE INDEX ix_forum_follow_ups_meeting_id ON forum_follow_ups (meeting_id);
CREATE INDEX ix_forum_follow_ups_owner_id ON forum_follow_ups (owner_id);

CREATE TABLE forum_follow_up_updates (
    meeting_id uuid NOT NULL,
    seq bigint NOT NULL,
    follow_up_id uuid NOT NULL,
    status character varying(20) NOT NULL,
    note character varying(200) NULL,
    reason character varying(200) NULL,
    at timestamp with time zone NOT NULL,
    CONSTRAINT pk_forum_follow_up_updates PRIMARY KEY (meeting_id, seq),
    CONSTRAINT fk_forum_follow_up_updates_follow_up_id FOREIGN KEY (follow_up_id) REFERENCES forum_follow_ups (id) ON DELETE CASCADE,
    CONSTRAINT fk_forum_follow_up_updates_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
);
CREATE INDEX ix_forum_follow_up_updates_follow_up_id ON forum_follow_up_updates (follow_up_id);
