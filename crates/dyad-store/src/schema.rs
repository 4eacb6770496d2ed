//! The store's tables and their migrations.

/// The schema this dyad writes. Bump it with a new entry in [`MIGRATIONS`].
pub(crate) const SCHEMA_VERSION: i64 = 10;

/// `PRAGMA application_id` of a dyad store ("dyad" in ASCII): tells a dyad store from any
/// other SQLite file.
pub(crate) const APPLICATION_ID: i64 = 0x6479_6164;

/// The statements that bring a store from version `i` to `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 0 -> 1: documents, runs, event mentions
    "CREATE TABLE documents (
        doc_key      INTEGER PRIMARY KEY,
        id           TEXT NOT NULL,
        version      INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        date         TEXT,
        title        TEXT,
        url          TEXT,
        source       TEXT,
        language     TEXT,
        dateline     TEXT,   -- JSON of the parsed wire dateline
        extra        TEXT,   -- JSON of the input fields dyad does not interpret
        origin       TEXT,   -- JSON: file and line the document came from
        text         TEXT NOT NULL,
        stored_at    TEXT NOT NULL,
        UNIQUE (id, version)
    );
    CREATE INDEX documents_hash ON documents (id, content_hash);
    CREATE TABLE runs (
        run_id       INTEGER PRIMARY KEY,
        dyad_version TEXT NOT NULL,
        options      TEXT NOT NULL,  -- JSON of the coding options
        started_at   TEXT NOT NULL,
        finished_at  TEXT,
        documents    INTEGER NOT NULL DEFAULT 0,
        mentions     INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE event_mentions (
        mention_key    INTEGER PRIMARY KEY,
        run_id         INTEGER NOT NULL REFERENCES runs (run_id),
        doc_key        INTEGER NOT NULL REFERENCES documents (doc_key),
        event_id       TEXT NOT NULL,
        sentence_index INTEGER NOT NULL,
        event          TEXT,     -- PLOVER type
        cameo          TEXT,
        date           TEXT,
        confidence     REAL,
        record         TEXT NOT NULL  -- the CONTRACT.md event record, JSON
    );
    CREATE INDEX mentions_run_doc ON event_mentions (run_id, doc_key);
    CREATE INDEX mentions_event ON event_mentions (run_id, event, date);",
    // 1 -> 2: near-duplicate documents (the same article from several outlets)
    "ALTER TABLE documents ADD COLUMN simhash INTEGER;
    ALTER TABLE documents ADD COLUMN copy_of INTEGER REFERENCES documents (doc_key);
    CREATE TABLE simhash_bands (
        band    INTEGER NOT NULL,
        value   INTEGER NOT NULL,
        doc_key INTEGER NOT NULL REFERENCES documents (doc_key)
    );
    CREATE INDEX simhash_lookup ON simhash_bands (band, value);",
    // 2 -> 3: merged events (mentions stored before have none until `dyad recode`)
    "CREATE TABLE events (
        event_key      INTEGER PRIMARY KEY,
        run_id         INTEGER NOT NULL REFERENCES runs (run_id),
        event          TEXT NOT NULL,  -- PLOVER type
        date           TEXT,           -- the earliest mention's date
        last_date      TEXT,
        merge_key      TEXT NOT NULL,  -- JSON: the first mention's sides, date and place
        representative INTEGER,        -- the first mention (mention_key)
        num_mentions   INTEGER NOT NULL DEFAULT 0,
        num_sources    INTEGER NOT NULL DEFAULT 0,
        num_articles   INTEGER NOT NULL DEFAULT 0,
        first_seen     TEXT,           -- publication dates of the earliest and latest report
        last_seen      TEXT
    );
    CREATE INDEX events_lookup ON events (run_id, event, date);
    ALTER TABLE event_mentions ADD COLUMN merged_event INTEGER REFERENCES events (event_key);
    CREATE INDEX mentions_merged ON event_mentions (merged_event);",
    // 3 -> 4: actors per side and full-text search of sentences, filled from the stored records
    "CREATE TABLE mention_actors (
        mention_key INTEGER NOT NULL REFERENCES event_mentions (mention_key),
        side        TEXT NOT NULL,  -- 'source' or 'target'
        code        TEXT NOT NULL,
        country     TEXT,
        sector      TEXT
    );
    CREATE INDEX mention_actors_code ON mention_actors (code, side);
    CREATE INDEX mention_actors_mention ON mention_actors (mention_key);
    CREATE VIRTUAL TABLE mention_text USING fts5 (sentence);
    INSERT INTO mention_actors (mention_key, side, code, country, sector)
        SELECT m.mention_key, 'source', json_extract(a.value, '$.code'),
               json_extract(a.value, '$.country'), json_extract(a.value, '$.sector')
        FROM event_mentions m, json_each(m.record, '$.source') a;
    INSERT INTO mention_actors (mention_key, side, code, country, sector)
        SELECT m.mention_key, 'target', json_extract(a.value, '$.code'),
               json_extract(a.value, '$.country'), json_extract(a.value, '$.sector')
        FROM event_mentions m, json_each(m.record, '$.target') a;
    INSERT INTO mention_text (rowid, sentence)
        SELECT mention_key, json_extract(record, '$.sentence') FROM event_mentions;",
    // 4 -> 5: mentions in date order, so that a filtered page stops early
    "CREATE INDEX mentions_date ON event_mentions (run_id, date, mention_key);",
    // 5 -> 6: the countries (code prefixes) of a mention's actors with its type and date, so
    // that a country filter, alone or with a type, walks an index in date order and a rare
    // combination is read from the index, not by visiting every mention of the type
    // (the table is its own index: no rowid, and '' for a missing type or date, which sorts
    // first as NULL does in `event_mentions`)
    "CREATE TABLE mention_countries (
        run_id      INTEGER NOT NULL,
        country     TEXT NOT NULL,  -- the first three letters of an actor's code, either side
        event       TEXT NOT NULL,  -- PLOVER type, '' if none
        date        TEXT NOT NULL,  -- the mention's date, '' if none
        mention_key INTEGER NOT NULL REFERENCES event_mentions (mention_key),
        PRIMARY KEY (run_id, country, event, date, mention_key)
    ) WITHOUT ROWID;
    CREATE INDEX mention_countries_date ON mention_countries (run_id, country, date, mention_key);
    INSERT INTO mention_countries (run_id, country, event, date, mention_key)
        SELECT DISTINCT m.run_id, substr(a.code, 1, 3), coalesce(m.event, ''), coalesce(m.date, ''), m.mention_key
        FROM event_mentions m JOIN mention_actors a ON a.mention_key = m.mention_key;",
    // 6 -> 7: what series and networks add up (Goldstein score, quad class) as columns, and
    // mentions found by their event id
    "ALTER TABLE event_mentions ADD COLUMN goldstein REAL;
    ALTER TABLE event_mentions ADD COLUMN quad INTEGER;
    UPDATE event_mentions SET goldstein = json_extract(record, '$.goldstein'),
                              quad = json_extract(record, '$.quad_class');
    CREATE INDEX mentions_event_id ON event_mentions (event_id);",
    // 7 -> 8: daily sums per type and quad class, and per pair of source and target countries,
    // so that a whole-store timeline or country network reads thousands of rows, not millions
    "CREATE TABLE rollup_days (
        run_id    INTEGER NOT NULL,
        day       TEXT NOT NULL,
        event     TEXT NOT NULL,
        quad      INTEGER NOT NULL,
        n         INTEGER NOT NULL,
        goldstein REAL NOT NULL,
        PRIMARY KEY (run_id, day, event, quad)
    ) WITHOUT ROWID;
    CREATE TABLE rollup_pairs (
        run_id    INTEGER NOT NULL,
        day       TEXT NOT NULL,
        event     TEXT NOT NULL,
        quad      INTEGER NOT NULL,
        source    TEXT NOT NULL,  -- country prefix of a source actor's code
        target    TEXT NOT NULL,  -- of a target actor's
        n         INTEGER NOT NULL,
        goldstein REAL NOT NULL,
        PRIMARY KEY (run_id, day, event, quad, source, target)
    ) WITHOUT ROWID;
    INSERT INTO rollup_days
        SELECT run_id, substr(date, 1, 10), coalesce(event, ''), coalesce(quad, 0), count(*), total(goldstein)
        FROM event_mentions WHERE date IS NOT NULL GROUP BY 1, 2, 3, 4;
    INSERT INTO rollup_pairs
        SELECT run_id, day, event, quad, source, target, count(*), total(goldstein) FROM (
            SELECT DISTINCT m.mention_key, m.run_id, substr(m.date, 1, 10) AS day, coalesce(m.event, '') AS event,
                   coalesce(m.quad, 0) AS quad, substr(s.code, 1, 3) AS source, substr(t.code, 1, 3) AS target, m.goldstein
            FROM event_mentions m
            JOIN mention_actors s ON s.mention_key = m.mention_key AND s.side = 'source'
            JOIN mention_actors t ON t.mention_key = m.mention_key AND t.side = 'target'
            WHERE m.date IS NOT NULL)
        GROUP BY 1, 2, 3, 4, 5, 6;",
    // 8 -> 9: the day rollups by month and over the whole run, so that a monthly timeline or a
    // network over months reads a thirtieth of the rows, and a network over all dates fewer; daily sums per type and country (on either side: a mention
    // counts once for each of its countries), and per actor edge of each country's mentions, so
    // that a timeline per country or of one country, and the actor network of one country, read
    // the few rows of that country and type, not each of its mentions with its actors (filled
    // for each run by `ROLL_UP_RUN_9`, see `FILLED_PER_RUN`)
    "CREATE TABLE rollup_countries (
        run_id      INTEGER NOT NULL,
        event       TEXT NOT NULL,
        country     TEXT NOT NULL,  -- the first three letters of an actor's code, either side
        day         TEXT NOT NULL,
        n           INTEGER NOT NULL,
        cooperation INTEGER NOT NULL,  -- of them, quad classes 1 and 2
        conflict    INTEGER NOT NULL,  -- 3 and 4
        goldstein   REAL NOT NULL,
        PRIMARY KEY (run_id, event, country, day)
    ) WITHOUT ROWID;
    CREATE TABLE rollup_months (
        run_id    INTEGER NOT NULL,
        month     TEXT NOT NULL,  -- YYYY-MM
        event     TEXT NOT NULL,
        quad      INTEGER NOT NULL,
        n         INTEGER NOT NULL,
        goldstein REAL NOT NULL,
        PRIMARY KEY (run_id, month, event, quad)
    ) WITHOUT ROWID;
    CREATE TABLE rollup_pair_months (
        run_id    INTEGER NOT NULL,
        month     TEXT NOT NULL,
        event     TEXT NOT NULL,
        quad      INTEGER NOT NULL,
        source    TEXT NOT NULL,
        target    TEXT NOT NULL,
        n         INTEGER NOT NULL,
        goldstein REAL NOT NULL,
        PRIMARY KEY (run_id, month, event, quad, source, target)
    ) WITHOUT ROWID;
    CREATE TABLE rollup_country_months (
        run_id      INTEGER NOT NULL,
        event       TEXT NOT NULL,
        country     TEXT NOT NULL,
        month       TEXT NOT NULL,
        n           INTEGER NOT NULL,
        cooperation INTEGER NOT NULL,
        conflict    INTEGER NOT NULL,
        goldstein   REAL NOT NULL,
        PRIMARY KEY (run_id, event, country, month)
    ) WITHOUT ROWID;
    -- source and target first: a network of the whole run adds up in key order, unsorted
    CREATE TABLE rollup_pair_totals (
        run_id    INTEGER NOT NULL,
        source    TEXT NOT NULL,
        target    TEXT NOT NULL,
        event     TEXT NOT NULL,
        quad      INTEGER NOT NULL,
        n         INTEGER NOT NULL,
        goldstein REAL NOT NULL,
        PRIMARY KEY (run_id, source, target, event, quad)
    ) WITHOUT ROWID;
    CREATE TABLE rollup_actor_edges (
        run_id    INTEGER NOT NULL,
        country   TEXT NOT NULL,  -- a country of the mention, either side
        event     TEXT NOT NULL,
        day       TEXT NOT NULL,
        source    TEXT NOT NULL,  -- a source actor's code
        target    TEXT NOT NULL,  -- a target actor's code
        n         INTEGER NOT NULL,
        goldstein REAL NOT NULL,
        PRIMARY KEY (run_id, country, event, day, source, target)
    ) WITHOUT ROWID;",
    // 9 -> 10: what `dyad watch` polled and when, and what `dyad ingest --watch` read
    "CREATE TABLE feeds (
        url           TEXT PRIMARY KEY,
        etag          TEXT,               -- validators of the last 200, for a conditional GET
        last_modified TEXT,
        polled_at     TEXT,               -- last attempt (RFC 3339, UTC)
        changed_at    TEXT,               -- last 200
        outcome       TEXT,               -- the last poll's log line
        failures      INTEGER NOT NULL DEFAULT 0,  -- consecutive failed polls
        stored        INTEGER NOT NULL DEFAULT 0   -- documents stored from it, all polls
    );
    CREATE TABLE feed_hosts (
        host     TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,        -- consecutive failures of any of its feeds
        retry_at TEXT NOT NULL            -- no request to it before (RFC 3339, UTC)
    ) WITHOUT ROWID;
    CREATE TABLE feed_items (
        feed_url    TEXT NOT NULL,
        item_id     TEXT NOT NULL,        -- the RSS guid or Atom id
        link        TEXT,
        document_id TEXT,                 -- as stored in documents.id
        seen_at     TEXT NOT NULL,
        outcome     TEXT NOT NULL,        -- 'stored', 'already stored' or why it was given up
        PRIMARY KEY (feed_url, item_id)
    ) WITHOUT ROWID;
    CREATE TABLE watched_files (
        path        TEXT PRIMARY KEY,
        size        INTEGER NOT NULL,
        modified_ns INTEGER NOT NULL,
        read_at     TEXT NOT NULL,
        documents   INTEGER NOT NULL,
        errors      INTEGER NOT NULL
    ) WITHOUT ROWID;",
];

/// Fills the rollups of a run (`?1`) written in bulk.
pub(crate) const ROLL_UP_RUN: [&str; 2] = [
    "INSERT INTO rollup_days
        SELECT run_id, substr(date, 1, 10), coalesce(event, ''), coalesce(quad, 0), count(*), total(goldstein)
        FROM event_mentions WHERE run_id = ?1 AND date IS NOT NULL GROUP BY 1, 2, 3, 4",
    "INSERT INTO rollup_pairs
        SELECT run_id, day, event, quad, source, target, count(*), total(goldstein) FROM (
            SELECT DISTINCT m.mention_key, m.run_id, substr(m.date, 1, 10) AS day, coalesce(m.event, '') AS event,
                   coalesce(m.quad, 0) AS quad, substr(s.code, 1, 3) AS source, substr(t.code, 1, 3) AS target, m.goldstein
            FROM event_mentions m
            JOIN mention_actors s ON s.mention_key = m.mention_key AND s.side = 'source'
            JOIN mention_actors t ON t.mention_key = m.mention_key AND t.side = 'target'
            WHERE m.run_id = ?1 AND m.date IS NOT NULL)
        GROUP BY 1, 2, 3, 4, 5, 6",
];

/// Fills schema 9's rollups of a run (`?1`) from its mentions and day rollups: after a run
/// written in bulk, and for every run of a store migrated to 9.
pub(crate) const ROLL_UP_RUN_9: [&str; 6] = [
    "INSERT INTO rollup_months
        SELECT run_id, substr(day, 1, 7), event, quad, sum(n), total(goldstein)
        FROM rollup_days WHERE run_id = ?1 GROUP BY 1, 2, 3, 4",
    "INSERT INTO rollup_pair_months
        SELECT run_id, substr(day, 1, 7), event, quad, source, target, sum(n), total(goldstein)
        FROM rollup_pairs WHERE run_id = ?1 GROUP BY 1, 2, 3, 4, 5, 6",
    "INSERT INTO rollup_pair_totals
        SELECT run_id, source, target, event, quad, sum(n), total(goldstein)
        FROM rollup_pairs WHERE run_id = ?1 GROUP BY 1, 2, 3, 4, 5",
    "INSERT INTO rollup_countries
        SELECT c.run_id, coalesce(m.event, ''), c.country, substr(m.date, 1, 10), count(*),
               sum(coalesce(m.quad, 0) IN (1, 2)), sum(coalesce(m.quad, 0) IN (3, 4)), total(m.goldstein)
        FROM mention_countries c JOIN event_mentions m ON m.mention_key = c.mention_key
        WHERE c.run_id = ?1 AND m.date IS NOT NULL GROUP BY 1, 2, 3, 4",
    "INSERT INTO rollup_country_months
        SELECT run_id, event, country, substr(day, 1, 7), sum(n), sum(cooperation), sum(conflict), total(goldstein)
        FROM rollup_countries WHERE run_id = ?1 GROUP BY 1, 2, 3, 4",
    "INSERT INTO rollup_actor_edges
        SELECT run_id, country, event, day, source, target, count(*), total(goldstein) FROM (
            SELECT DISTINCT m.mention_key, c.run_id, c.country, coalesce(m.event, '') AS event,
                   substr(m.date, 1, 10) AS day, s.code AS source, t.code AS target, m.goldstein
            FROM mention_countries c JOIN event_mentions m ON m.mention_key = c.mention_key
            JOIN mention_actors s ON s.mention_key = m.mention_key AND s.side = 'source'
            JOIN mention_actors t ON t.mention_key = m.mention_key AND t.side = 'target'
            WHERE c.run_id = ?1 AND m.date IS NOT NULL)
        GROUP BY 1, 2, 3, 4, 5, 6",
];

/// Statements run for each run after the migration to a version (`?1`: the run): what a
/// migration fills from each run's rows.
pub(crate) const FILLED_PER_RUN: &[(usize, &[&str])] = &[(9, &ROLL_UP_RUN_9)];

/// Adds a stored mention to the daily rollup: run, day, type, quad class, Goldstein score.
pub(crate) const ROLL_UP_DAY: &str =
    "INSERT INTO rollup_days (run_id, day, event, quad, n, goldstein) VALUES (?1, ?2, ?3, ?4, 1, ?5)
     ON CONFLICT DO UPDATE SET n = n + 1, goldstein = goldstein + excluded.goldstein";

/// Adds a stored mention to the monthly rollup: run, month, type, quad class, Goldstein score.
pub(crate) const ROLL_UP_MONTH: &str =
    "INSERT INTO rollup_months (run_id, month, event, quad, n, goldstein) VALUES (?1, ?2, ?3, ?4, 1, ?5)
     ON CONFLICT DO UPDATE SET n = n + 1, goldstein = goldstein + excluded.goldstein";

/// Adds a stored mention to the monthly pair rollup, once per pair of countries.
pub(crate) const ROLL_UP_PAIR_MONTH: &str =
    "INSERT INTO rollup_pair_months (run_id, month, event, quad, source, target, n, goldstein)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7)
     ON CONFLICT DO UPDATE SET n = n + 1, goldstein = goldstein + excluded.goldstein";

/// Adds a stored mention to the pair rollup, once per pair of source and target countries.
pub(crate) const ROLL_UP_PAIR: &str =
    "INSERT INTO rollup_pairs (run_id, day, event, quad, source, target, n, goldstein)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7)
     ON CONFLICT DO UPDATE SET n = n + 1, goldstein = goldstein + excluded.goldstein";

/// Adds a stored mention to the rollup of one of its countries: run, type, country, day,
/// cooperation (0 or 1), conflict (0 or 1), Goldstein score.
pub(crate) const ROLL_UP_COUNTRY: &str =
    "INSERT INTO rollup_countries (run_id, event, country, day, n, cooperation, conflict, goldstein)
     VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6, ?7)
     ON CONFLICT DO UPDATE SET n = n + 1, cooperation = cooperation + excluded.cooperation,
                               conflict = conflict + excluded.conflict, goldstein = goldstein + excluded.goldstein";

/// The same by month.
pub(crate) const ROLL_UP_COUNTRY_MONTH: &str =
    "INSERT INTO rollup_country_months (run_id, event, country, month, n, cooperation, conflict, goldstein)
     VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6, ?7)
     ON CONFLICT DO UPDATE SET n = n + 1, cooperation = cooperation + excluded.cooperation,
                               conflict = conflict + excluded.conflict, goldstein = goldstein + excluded.goldstein";

/// Adds a stored mention to the whole-run pair rollup, once per pair of countries.
pub(crate) const ROLL_UP_PAIR_TOTAL: &str =
    "INSERT INTO rollup_pair_totals (run_id, source, target, event, quad, n, goldstein)
     VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6)
     ON CONFLICT DO UPDATE SET n = n + 1, goldstein = goldstein + excluded.goldstein";

/// Adds a stored mention to the actor edges of one of its countries, once per pair of source
/// and target codes.
pub(crate) const ROLL_UP_EDGE: &str =
    "INSERT INTO rollup_actor_edges (run_id, country, event, day, source, target, n, goldstein)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7)
     ON CONFLICT DO UPDATE SET n = n + 1, goldstein = goldstein + excluded.goldstein";

/// Fills `mention_countries` for one stored mention (`?1`) from its actors.
pub(crate) const INSERT_COUNTRIES: &str =
    "INSERT INTO mention_countries (run_id, country, event, date, mention_key)
     SELECT DISTINCT m.run_id, substr(a.code, 1, 3), coalesce(m.event, ''), coalesce(m.date, ''), m.mention_key
     FROM event_mentions m JOIN mention_actors a ON a.mention_key = m.mention_key
     WHERE m.mention_key = ?1";
