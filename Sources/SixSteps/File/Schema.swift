import Store

/// The schema. Migrations are frozen once released: a change is a new migration at the end.
public enum RoadmapSchema {
    /// "MOLS" in the file header: how a Molensloot roadmap is told apart from other SQLite files.
    public static let applicationID: Int32 = 0x4D4F_4C53

    public static let current = Schema(applicationID: applicationID, migrations: [
        Migration(version: 1, sql: version1),
        Migration(version: 2, sql: version2),
        Migration(version: 3, sql: version3),
        Migration(version: 4, sql: version4),
        Migration(version: 5, sql: version5),
        Migration(version: 6, sql: version6),
    ])

    static let version1 = """
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE vision (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        text TEXT NOT NULL,
        updated_on TEXT NOT NULL
    );
    CREATE TABLE principles (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        description TEXT
    );
    CREATE TABLE channels (
        slug TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT
    );
    CREATE TABLE personas (
        slug TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT,
        channels TEXT
    );
    CREATE TABLE journeys (
        slug TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT
    );
    CREATE TABLE journey_phases (
        journey TEXT NOT NULL REFERENCES journeys(slug) ON UPDATE CASCADE ON DELETE CASCADE,
        slug TEXT NOT NULL,
        name TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (journey, slug)
    );
    CREATE TABLE touchpoints (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        journey TEXT NOT NULL,
        phase TEXT NOT NULL,
        channel TEXT REFERENCES channels(slug) ON UPDATE CASCADE,
        moment_of_truth INTEGER NOT NULL DEFAULT 0 CHECK (moment_of_truth IN (0, 1)),
        description TEXT,
        FOREIGN KEY (journey, phase) REFERENCES journey_phases(journey, slug) ON UPDATE CASCADE
    );
    CREATE TABLE metrics (
        slug TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        unit TEXT NOT NULL,
        scale_min REAL,
        scale_max REAL,
        direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
        baseline REAL,
        target REAL,
        target_date TEXT,
        journey TEXT REFERENCES journeys(slug) ON UPDATE CASCADE,
        phase TEXT,
        description TEXT,
        FOREIGN KEY (journey, phase) REFERENCES journey_phases(journey, slug) ON UPDATE CASCADE
    );
    CREATE TABLE goals (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        metric TEXT REFERENCES metrics(slug) ON UPDATE CASCADE,
        target REAL,
        target_date TEXT,
        description TEXT
    );
    CREATE TABLE insights (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('trend', 'need', 'wish', 'requirement', 'usage')),
        title TEXT NOT NULL,
        description TEXT,
        source TEXT,
        journey TEXT REFERENCES journeys(slug) ON UPDATE CASCADE,
        persona TEXT REFERENCES personas(slug) ON UPDATE CASCADE,
        channel TEXT REFERENCES channels(slug) ON UPDATE CASCADE
    );
    CREATE TABLE findings (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('good', 'improve')),
        title TEXT NOT NULL,
        journey TEXT NOT NULL,
        phase TEXT NOT NULL,
        touchpoint INTEGER REFERENCES touchpoints(id),
        persona TEXT REFERENCES personas(slug) ON UPDATE CASCADE,
        channel TEXT REFERENCES channels(slug) ON UPDATE CASCADE,
        severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 5),
        source TEXT,
        evidence TEXT,
        description TEXT,
        FOREIGN KEY (journey, phase) REFERENCES journey_phases(journey, slug) ON UPDATE CASCADE
    );
    CREATE INDEX findings_by_phase ON findings(journey, phase);
    CREATE TABLE spearheads (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        description TEXT
    );
    CREATE TABLE opportunities (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        description TEXT,
        impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
        effort INTEGER NOT NULL CHECK (effort BETWEEN 1 AND 5),
        reach INTEGER NOT NULL CHECK (reach BETWEEN 1 AND 5),
        confidence INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 100),
        spearhead INTEGER REFERENCES spearheads(id)
    );
    CREATE TABLE opportunity_findings (
        opportunity INTEGER NOT NULL REFERENCES opportunities(id),
        finding INTEGER NOT NULL REFERENCES findings(id),
        PRIMARY KEY (opportunity, finding)
    ) WITHOUT ROWID;
    CREATE INDEX opportunity_findings_by_finding ON opportunity_findings(finding);
    CREATE TABLE items (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        title TEXT NOT NULL,
        description TEXT,
        owner TEXT,
        team TEXT,
        horizon TEXT NOT NULL CHECK (horizon IN ('now', 'next', 'later')),
        status TEXT NOT NULL CHECK (status IN ('idea', 'planned', 'doing', 'done', 'dropped')),
        start_date TEXT,
        due_date TEXT,
        done_date TEXT
    );
    CREATE TABLE item_opportunities (
        item INTEGER NOT NULL REFERENCES items(id),
        opportunity INTEGER NOT NULL REFERENCES opportunities(id),
        PRIMARY KEY (item, opportunity)
    ) WITHOUT ROWID;
    CREATE INDEX item_opportunities_by_opportunity ON item_opportunities(opportunity);
    CREATE TABLE item_dependencies (
        item INTEGER NOT NULL REFERENCES items(id),
        depends_on INTEGER NOT NULL REFERENCES items(id),
        PRIMARY KEY (item, depends_on),
        CHECK (item <> depends_on)
    ) WITHOUT ROWID;
    CREATE TABLE item_metrics (
        item INTEGER NOT NULL REFERENCES items(id),
        metric TEXT NOT NULL REFERENCES metrics(slug) ON UPDATE CASCADE,
        expected_change REAL,
        PRIMARY KEY (item, metric)
    ) WITHOUT ROWID;
    CREATE INDEX item_metrics_by_metric ON item_metrics(metric);
    CREATE TABLE agreements (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        who TEXT NOT NULL,
        what TEXT NOT NULL,
        cadence TEXT NOT NULL,
        item INTEGER REFERENCES items(id)
    );
    CREATE TABLE cycles (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        start_date TEXT,
        end_date TEXT,
        note TEXT
    );
    CREATE UNIQUE INDEX one_open_cycle ON cycles(status) WHERE status = 'open';
    CREATE TABLE measurements (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        metric TEXT NOT NULL REFERENCES metrics(slug) ON UPDATE CASCADE,
        cycle INTEGER NOT NULL REFERENCES cycles(id),
        value REAL NOT NULL,
        n INTEGER CHECK (n >= 0),
        sd REAL CHECK (sd >= 0),
        source TEXT,
        note TEXT,
        UNIQUE (metric, cycle)
    );
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        who TEXT NOT NULL,
        action TEXT NOT NULL,
        record TEXT NOT NULL,
        summary TEXT NOT NULL,
        before TEXT,
        after TEXT
    );
    CREATE INDEX audit_by_record ON audit(record);
    """
}
