-- Version 12: the places besides the chat itself that a chat's alerts go to (/notify: an ntfy topic,
-- a Discord webhook, a mailbox), and the alert outbox keyed by destination, so each alert is written
-- once per (chat, listing, destination) and sent, retried and marked per destination.
--
-- V11 belongs to another line of work. The runner applies the scripts it knows in version order and
-- records each one; a gap is fine, and a database that got V12 before V11 exists gets V11 when a
-- release that has it starts (V11 must not touch these two tables).

CREATE TABLE chat_destinations (
    id         INTEGER PRIMARY KEY AUTOINCREMENT, -- PostgreSQL: BIGSERIAL; never reused, so an old outbox row never reaches a newer destination
    chat_id    TEXT    NOT NULL,
    notifier   TEXT    NOT NULL,                  -- plugin id of the notifier that delivers there
    recipient  TEXT    NOT NULL,                  -- the notifier's normalised address; may hold secrets (webhook token, access token): never shown or logged
    display    TEXT    NOT NULL,                  -- the address with its secrets masked, as the chat sees it
    state      TEXT    NOT NULL DEFAULT 'active', -- active, gone (the service said it is gone for good: disabled, the chat was told)
    created_at BIGINT  NOT NULL,
    changed_at BIGINT  NOT NULL,
    last_error TEXT,
    UNIQUE (chat_id, notifier, recipient)
);
CREATE INDEX chat_destinations_chat ON chat_destinations (chat_id, state);

-- The outbox again with destination_id: 0 is the chat itself (the first notifier, recipient = chat id),
-- anything else a row of chat_destinations. Not NULL for the chat: NULLs never collide in a UNIQUE
-- constraint (in SQLite and PostgreSQL alike), and this one is what makes an alert be written once.
CREATE TABLE alert_outbox_v12 (
    id              INTEGER PRIMARY KEY AUTOINCREMENT, -- PostgreSQL: BIGSERIAL PRIMARY KEY; the Alert id
    notifier        TEXT    NOT NULL,
    chat_id         TEXT    NOT NULL,
    destination_id  INTEGER NOT NULL DEFAULT 0,
    listing_id      TEXT    NOT NULL,
    release_id      INTEGER NOT NULL,
    deal_score      REAL    NOT NULL,
    payload         TEXT    NOT NULL,
    state           TEXT    NOT NULL DEFAULT 'pending', -- pending, sent, gone, failed
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    created_at      BIGINT  NOT NULL,
    sent_at         BIGINT,
    last_error      TEXT,
    UNIQUE (chat_id, listing_id, destination_id)
);
INSERT INTO alert_outbox_v12 (id, notifier, chat_id, destination_id, listing_id, release_id, deal_score, payload, state,
                              attempts, next_attempt_at, created_at, sent_at, last_error)
    SELECT id, notifier, chat_id, 0, listing_id, release_id, deal_score, payload, state, attempts, next_attempt_at,
           created_at, sent_at, last_error FROM alert_outbox;
DROP TABLE alert_outbox;
ALTER TABLE alert_outbox_v12 RENAME TO alert_outbox;
CREATE INDEX alert_outbox_due ON alert_outbox (state, next_attempt_at);
CREATE INDEX alert_outbox_sent ON alert_outbox (chat_id, sent_at);
CREATE INDEX alert_outbox_destination ON alert_outbox (destination_id, state);
