/// Version 5: the contacts a roadmap item is expected to change, whose forecast is its
/// counterfactual; and the codebook of themes that residents' comments are coded with.
extension RoadmapSchema {
    static let version5 = """
    -- A channel (NULL: all channels) and a contact reason ('' : all reasons) whose monthly
    -- contacts an item should change, by expected_change contacts a month.
    CREATE TABLE item_volumes (
        item INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
        channel TEXT REFERENCES channels(slug) ON UPDATE CASCADE,
        reason TEXT NOT NULL DEFAULT '',
        expected_change REAL
    );
    CREATE UNIQUE INDEX item_volumes_once ON item_volumes(item, ifnull(channel, ''), reason);
    -- The codebook: a theme with the words or phrases that suggest it, one per line.
    CREATE TABLE themes (
        slug TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT,
        phrases TEXT NOT NULL DEFAULT ''
    );
    -- A manager's decision on a theme for a comment. Suggestions are not stored: they follow from
    -- the codebook's phrases, so a new phrase suggests at once and never looks like a decision.
    CREATE TABLE response_themes (
        response INTEGER NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
        theme TEXT NOT NULL REFERENCES themes(slug) ON UPDATE CASCADE ON DELETE CASCADE,
        decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'rejected')),
        PRIMARY KEY (response, theme)
    ) WITHOUT ROWID;
    CREATE INDEX response_themes_by_theme ON response_themes(theme);
    -- Themes as the evidence of a finding.
    CREATE TABLE finding_themes (
        finding INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
        theme TEXT NOT NULL REFERENCES themes(slug) ON UPDATE CASCADE ON DELETE CASCADE,
        PRIMARY KEY (finding, theme)
    ) WITHOUT ROWID;
    """
}
