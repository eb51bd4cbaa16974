-- Erasure on request (issue 6, UK GDPR art. 17) is the one change saved minutes allow: inside the erasure's own
-- transaction (which sets forumhub.erasing for itself only, with set_config(..., true)) a person's name, and what
-- they said about themselves, is replaced. Every other UPDATE is still refused.
CREATE OR REPLACE FUNCTION minutes_are_never_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('forumhub.erasing', true) = 'on' THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'Saved minutes are never changed: save a new version, or publish a correction.'
        USING ERRCODE = 'restrict_violation';
END
$$;
