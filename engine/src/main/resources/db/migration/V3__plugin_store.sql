-- Each plugin's small durable key-value store (PluginContext.store()): counters and short texts,
-- e.g. the eBay plugin's calls per eBay day. Plain SQL that SQLite and PostgreSQL both run.

CREATE TABLE plugin_store (
    plugin_id  TEXT   NOT NULL,
    store_key  TEXT   NOT NULL,
    counter    BIGINT NOT NULL DEFAULT 0,
    text_value TEXT,
    updated_at BIGINT NOT NULL,                      -- epoch milliseconds
    PRIMARY KEY (plugin_id, store_key)
);
