-- Version 7: the alert outbox. An alert is written here once per (chat, listing) before it is sent,
-- then marked, so a crash or restart neither loses nor repeats it.

CREATE TABLE alert_outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT, -- PostgreSQL: BIGSERIAL PRIMARY KEY; the Alert id
    notifier        TEXT    NOT NULL,                  -- plugin id of the notifier that delivers it
    chat_id         TEXT    NOT NULL,
    listing_id      TEXT    NOT NULL,
    release_id      INTEGER NOT NULL,
    deal_score      REAL    NOT NULL,
    payload         TEXT    NOT NULL,                  -- the Deal as JSON
    state           TEXT    NOT NULL DEFAULT 'pending', -- pending, sent, gone (recipient left), failed (undeliverable)
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    created_at      BIGINT  NOT NULL,
    sent_at         BIGINT,
    last_error      TEXT,
    UNIQUE (chat_id, listing_id)
);
CREATE INDEX alert_outbox_due ON alert_outbox (state, next_attempt_at);
CREATE INDEX alert_outbox_sent ON alert_outbox (chat_id, sent_at);
