/// Version 2: raw survey responses and channel volumes, for step 6's re-measurement and step 2's
/// channel mix.
extension RoadmapSchema {
    static let version2 = """
    CREATE TABLE survey_responses (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        metric TEXT NOT NULL REFERENCES metrics(slug) ON UPDATE CASCADE,
        cycle INTEGER NOT NULL REFERENCES cycles(id),
        date TEXT,
        journey TEXT,
        phase TEXT,
        channel TEXT,
        persona TEXT,
        score REAL NOT NULL,
        comment TEXT,
        quotable INTEGER NOT NULL DEFAULT 0 CHECK (quotable IN (0, 1))
    );
    CREATE INDEX survey_responses_by_metric ON survey_responses(metric, cycle);
    CREATE TABLE volumes (
        period TEXT NOT NULL,
        channel TEXT NOT NULL REFERENCES channels(slug) ON UPDATE CASCADE,
        reason TEXT NOT NULL DEFAULT '',
        count INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (period, channel, reason)
    ) WITHOUT ROWID;
    """
}
