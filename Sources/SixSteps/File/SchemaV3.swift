/// Version 3: assumptions about residents, with the test that can confirm or refute them, and
/// contact registrations, for step 2's repeat contacts and channel switches.
extension RoadmapSchema {
    static let version3 = """
    CREATE TABLE assumptions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        description TEXT,
        source TEXT,
        test TEXT NOT NULL CHECK (test IN ('metric', 'channel-share', 'repeat-share', 'switch-share', 'insight')),
        expect TEXT,
        metric TEXT REFERENCES metrics(slug) ON UPDATE CASCADE,
        channel TEXT REFERENCES channels(slug) ON UPDATE CASCADE,
        reason TEXT,
        journey TEXT REFERENCES journeys(slug) ON UPDATE CASCADE,
        insight INTEGER REFERENCES insights(id),
        verdict TEXT CHECK (verdict IN ('confirmed', 'refuted'))
    );
    -- One row per contact. The case (or person) key of the registration is never stored: only
    -- a keyed hash of it (SipHash-2-4 under the secret in settings.contact_key), which links the
    -- contacts of one case and nothing else. `at` is seconds since 1970-01-01 in local time.
    CREATE TABLE contacts (
        case_key INTEGER NOT NULL,
        at INTEGER NOT NULL,
        channel TEXT NOT NULL REFERENCES channels(slug) ON UPDATE CASCADE,
        reason TEXT NOT NULL DEFAULT '',
        journey TEXT REFERENCES journeys(slug) ON UPDATE CASCADE,
        PRIMARY KEY (case_key, at, channel, reason)
    ) WITHOUT ROWID;
    """
}
