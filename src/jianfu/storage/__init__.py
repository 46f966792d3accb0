"""Local SQLite storage: every edit committed at once, schema migrated forward."""
