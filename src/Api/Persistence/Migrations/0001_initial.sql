-- ForumHub initial schema. Must match the EF model exactly: SchemaMatchesModelTests proves it.
CREATE TABLE meetings (
    id uuid NOT NULL,
    title character varying(200) NOT NULL,
    phase character varying(20) NOT NULL,
    version bigint NOT NULL,
    join_code character varying(12) NOT NULL,
    listener_code character varying(12) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    closed_at timestamp with time zone NULL,
    CONSTRAINT pk_meetings PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_meetings_join_code ON meetings (join_code);
CREATE UNIQUE INDEX ix_meetings_listener_code ON meetings (listener_code);

CREATE TABLE meeting_events (
    meeting_id uuid NOT NULL,
    seq bigint NOT NULL,
    type character varying(60) NOT NULL,
    payload jsonb NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_meeting_events PRIMARY KEY (meeting_id, seq),
    CONSTRAINT fk_meeting_events_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
);

CREATE TABLE participants (
    id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    display_name character varying(100) NOT NULL,
    role character varying(20) NOT NULL,
    picture character varying(60) NULL,
    supports_member_id uuid NULL,
    removed boolean NOT NULL,
    joined_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_participants PRIMARY KEY (id),
    CONSTRAINT fk_participants_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
);
CREATE INDEX ix_participants_meeting_id ON participants (meeting_id);

CREATE TABLE access_tokens (
    token_hash bytea NOT NULL,
    participant_id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    role character varying(20) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_access_tokens PRIMARY KEY (token_hash),
    CONSTRAINT fk_access_tokens_participant_id FOREIGN KEY (participant_id) REFERENCES participants (id) ON DELETE CASCADE
);
CREATE INDEX ix_access_tokens_participant_id ON access_tokens (participant_id);

CREATE TABLE ballots (
    poll_id uuid NOT NULL,
    member_id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    option_id character varying(20) NOT NULL,
    entered_by_id uuid NOT NULL,
    seq bigint NOT NULL,
    CONSTRAINT pk_ballots PRIMARY KEY (poll_id, member_id),
    CONSTRAINT fk_ballots_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
);
CREATE INDEX ix_ballots_meeting_id ON ballots (meeting_id);

CREATE TABLE processed_commands (
    command_id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    actor_id uuid NULL,
    result jsonb NOT NULL,
    seq bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    CONSTRAINT pk_processed_commands PRIMARY KEY (meeting_id, command_id),
    CONSTRAINT fk_processed_commands_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
);
CREATE INDEX ix_processed_commands_command_id ON processed_commands (command_id);
