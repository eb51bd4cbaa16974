-- Issue 11: a member added in the room without a device takes over on one with a short one-use code. The events
-- (takeOverCodeIssued, memberTookOver) are the truth; this row is their projection, so a code typed on the join
-- keypad finds its meeting and member. Only the code's SHA-256 (hex) is stored; one row per member (a new code
-- replaces the last), used_at set once the code was used. Must match the EF model (SchemaMatchesModelTests).
CREATE TABLE take_over_codes (
    participant_id uuid NOT NULL,
    code_hash character varying(64) NOT NULL,
    meeting_id uuid NOT NULL,
    issued_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone NULL,
    CONSTRAINT pk_take_over_codes PRIMARY KEY (participant_id),
    CONSTRAINT fk_take_over_codes_participant_id FOREIGN KEY (participant_id) REFERENCES participants (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_take_over_codes_code_hash ON take_over_codes (code_hash);
