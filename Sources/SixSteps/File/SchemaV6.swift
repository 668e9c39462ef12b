/// Version 6: cases from the case system (zaaksysteem) — their types with the whole-case term,
/// the status types as the steps of the process with their phase, department and norm, the
/// cases under the same pseudonym as contacts, and every status a case was given. And a
/// metric's kind may be `lead-time`, the median lead time computed from those cases.
extension RoadmapSchema {
    static let version6 = """
    -- A CHECK constraint is widened in place, the way SQLite's documentation describes for
    -- changes that leave every stored row valid: rebuilding the metrics table instead would, with
    -- foreign keys on during a migration, cascade into its measurements. RESET reloads the schema
    -- so the wider check holds at once; the tables created below tell other connections.
    PRAGMA writable_schema = ON;
    UPDATE sqlite_schema SET sql = replace(sql, '''fcr'', ''on-time'')', '''fcr'', ''on-time'', ''lead-time'')')
        WHERE type = 'table' AND name = 'metrics';
    PRAGMA writable_schema = RESET;
    -- A zaaktype: `ref` is its identificatie (or, from a CSV, its name as written), `url` the
    -- Catalogi API's address that zaken refer to it by, `term` the doorlooptijd as an ISO 8601
    -- duration (P8W), `service_norm` the servicenorm. `journey` is the customer journey it serves.
    CREATE TABLE case_types (
        ref TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        url TEXT UNIQUE,
        term TEXT,
        service_norm TEXT,
        journey TEXT REFERENCES journeys(slug) ON UPDATE CASCADE ON DELETE SET NULL
    );
    -- A statustype, read as a step: from the moment its status is set until the next status,
    -- the case is in this step. `position` is the volgnummer; the highest ends the case.
    -- `norm_days` is the manager's norm for the step (working days when norm_working = 1);
    -- `stops_clock` marks a step in which the term is suspended (opschorting).
    CREATE TABLE case_steps (
        case_type TEXT NOT NULL REFERENCES case_types(ref) ON UPDATE CASCADE ON DELETE CASCADE,
        status TEXT NOT NULL,
        url TEXT UNIQUE,
        position INTEGER NOT NULL,
        phase TEXT,
        department TEXT,
        norm_days REAL CHECK (norm_days IS NULL OR norm_days >= 0),
        norm_working INTEGER NOT NULL DEFAULT 0 CHECK (norm_working IN (0, 1)),
        stops_clock INTEGER NOT NULL DEFAULT 0 CHECK (stops_clock IN (0, 1)),
        PRIMARY KEY (case_type, status)
    );
    -- A case under its pseudonym: the zaak's identificatie hashed with the key of the contacts,
    -- so contacts about the case join it. `extension` is the verlenging's duur (ISO 8601);
    -- `suspended` is the opschorting's indicatie at the time of the export.
    CREATE TABLE cases (
        case_key INTEGER PRIMARY KEY,
        case_type TEXT NOT NULL REFERENCES case_types(ref) ON UPDATE CASCADE,
        start_date TEXT NOT NULL,
        end_date TEXT,
        deadline TEXT,
        extension TEXT,
        suspended INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1))
    );
    CREATE INDEX cases_by_type ON cases(case_type, start_date);
    -- A status set on a case: `at` in seconds since 1970 (local time), `status` the statustype's
    -- name within the case's type.
    CREATE TABLE case_statuses (
        case_key INTEGER NOT NULL,
        at INTEGER NOT NULL,
        status TEXT NOT NULL,
        PRIMARY KEY (case_key, at, status)
    ) WITHOUT ROWID;
    """
}
