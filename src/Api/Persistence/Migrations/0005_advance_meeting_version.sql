-- The live write path (Persistence/EventBatch.cs) sends a batch of commands' events, rows and results as one
-- NpgsqlBatch without an explicit transaction: PostgreSQL runs it as one implicit transaction, committed (and flushed
-- to disk) before it answers, in one round trip instead of three (docs/decisions/0006-one-round-trip-append.md).
-- Its first statement is this function: it moves the meeting's version on, and raises if the meeting is not at the
-- version the writer started from, which aborts the whole batch so nothing of it is stored.
CREATE FUNCTION advance_meeting_version(p_id uuid, p_from bigint, p_to bigint, p_phase character varying, p_closed_at timestamp with time zone)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    UPDATE meetings SET version = p_to, phase = p_phase, closed_at = COALESCE(p_closed_at, closed_at)
     WHERE id = p_id AND version = p_from;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'meeting % is not at version %', p_id, p_from USING ERRCODE = 'FH409';
    END IF;
END
$$;
