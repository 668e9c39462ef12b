/// Version 4: data as municipalities export it. A metric's kind says how its value is computed
/// from raw responses (a mean, an NPS, a top-2-box share …) and so which interval and which test
/// for noise fit it; a contact may record whether it was resolved (first contact resolution); and
/// the spellings of a KCC or survey export are mapped once to the roadmap's channels, journeys,
/// personas and contact reasons, so the next export needs no options.
extension RoadmapSchema {
    static let version4 = """
    ALTER TABLE metrics ADD COLUMN kind TEXT NOT NULL DEFAULT 'mean'
        CHECK (kind IN ('mean', 'nps', 'csat', 'ces', 'fcr', 'on-time'));
    ALTER TABLE contacts ADD COLUMN resolved INTEGER CHECK (resolved IN (0, 1));
    CREATE TABLE value_mappings (
        field TEXT NOT NULL CHECK (field IN ('channel', 'reason', 'journey', 'persona')),
        spelling TEXT NOT NULL,
        target TEXT NOT NULL,
        PRIMARY KEY (field, spelling)
    ) WITHOUT ROWID;
    """
}
