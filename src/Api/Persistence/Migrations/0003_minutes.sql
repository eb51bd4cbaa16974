-- Easy Read and standard minutes: versions (every save) and publications (publish, then corrections).
-- Must match the EF model exactly (MinutesRows.cs): SchemaMatchesModelTests proves it.
CREATE TABLE minutes_versions (
    id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    number integer NOT NULL,
    easy_read text NOT NULL,
    standard text NOT NULL,
    source character varying(20) NOT NULL,
    based_on integer NULL,
    author_id uuid NOT NULL,
    author_name character varying(100) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    meeting_seq bigint NOT NULL,
    next_meeting date NULL,
    CONSTRAINT pk_minutes_versions PRIMARY KEY (id),
    CONSTRAINT fk_minutes_versions_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_minutes_versions_meeting_id_number ON minutes_versions (meeting_id, number);

CREATE TABLE minutes_publications (
    id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    number integer NOT NULL,
    version_id uuid NOT NULL,
    published_at timestamp with time zone NOT NULL,
    published_by_id uuid NOT NULL,
    published_by_name character varying(100) NOT NULL,
    reviewed_with_id uuid NULL,
    reviewed_with_name character varying(100) NULL,
    corrects integer NULL,
    correction_note text NULL,
    CONSTRAINT pk_minutes_publications PRIMARY KEY (id),
    CONSTRAINT fk_minutes_publications_meeting_id FOREIGN KEY (meeting_id) REFERENCES meetings (id) ON DELETE CASCADE,
    CONSTRAINT fk_minutes_publications_version_id FOREIGN KEY (version_id) REFERENCES minutes_versions (id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX ix_minutes_publications_meeting_id_number ON minutes_publications (meeting_id, number);
CREATE UNIQUE INDEX ix_minutes_publications_version_id ON minutes_publications (version_id);

-- Saved minutes are never changed: a new version or a correction is added instead.
CREATE FUNCTION minutes_are_never_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'Saved minutes are never changed: save a new version, or publish a correction.'
        USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER minutes_versions_never_change BEFORE UPDATE ON minutes_versions
    FOR EACH ROW EXECUTE FUNCTION minutes_are_never_changed();
CREATE TRIGGER minutes_publications_never_change BEFORE UPDATE ON minutes_publications
    FOR EACH ROW EXECUTE FUNCTION minutes_are_never_changed();
