-- Version 6: what subscribers answer with the buttons under an alert.

-- 'mute this release': never alert this chat to this release again.
CREATE TABLE chat_mutes (
    chat_id    TEXT    NOT NULL,
    release_id INTEGER NOT NULL,
    muted_at   BIGINT  NOT NULL,
    PRIMARY KEY (chat_id, release_id)
);

-- 'wrong match': this listing is not this release; a negative example matching must honour.
CREATE TABLE wrong_matches (
    listing_id  TEXT    NOT NULL,
    release_id  INTEGER NOT NULL,
    chat_id     TEXT    NOT NULL,
    reported_at BIGINT  NOT NULL,
    PRIMARY KEY (listing_id, release_id, chat_id)
);
CREATE INDEX wrong_matches_pair ON wrong_matches (listing_id, release_id);
