-- Version 13: auctions ending soon. A saved search or a want may include auctions: the engine then
-- also asks the marketplace for its auctions ending soonest and alerts a deal once, shortly before
-- the end. Plain SQL that SQLite and PostgreSQL both run.

ALTER TABLE saved_searches ADD COLUMN include_auctions BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE wants ADD COLUMN auctions BOOLEAN NOT NULL DEFAULT FALSE;
-- What new wants of the wantlist start with (as pressings_any).
ALTER TABLE wantlists ADD COLUMN auctions BOOLEAN NOT NULL DEFAULT FALSE;
