import Store

/// Values kept in the `settings` table: the municipality and the weights of the score.
public enum Setting: String, CaseIterable, Sendable {
    case municipality
    case scoreMethod = "score_method"
    case weightImpact = "weight_impact"
    case weightReach = "weight_reach"
    case weightConfidence = "weight_confidence"
    case weightEase = "weight_ease"
    case weightSeverity = "weight_severity"
    case weightSpearhead = "weight_spearhead"
    /// Survey groups with fewer respondents than this are shown as suppressed, never as numbers.
    case privacyThreshold = "privacy_threshold"
    /// The site's look: a name above the municipality's, the header colour, the logo as
    /// `png:BASE64` or `svg:BASE64`.
    case themeName = "theme_name"
    case themePrimary = "theme_primary"
    case themeLogo = "theme_logo"
    /// Only in files of an older molensloot: the secret of the keyed hash of case keys, which now
    /// lives in a key file (`PseudonymKey`). `moveKeyOut` takes it out; it is never exported.
    case contactKey = "contact_key"
    /// The id of the key file's key that the contacts were hashed with (`PseudonymKey.id`).
    case contactKeyID = "contact_key_id"
    /// Contacts of one case within this many days of its first contact count as one matter (30).
    case repeatWindowDays = "repeat_window_days"
    /// The language of the command line and the site for this roadmap: `nl` or `en`.
    case language
}

extension RoadmapFile {
    public func setting(_ setting: Setting) throws -> String? {
        try connection.scalar("SELECT value FROM settings WHERE key = ?", [.text(setting.rawValue)]).string
    }

    public func setSetting(_ setting: Setting, _ value: String) throws {
        let before = try self.setting(setting)
        guard before != value else { return }
        try connection.run(
            "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [.text(setting.rawValue), .text(value)])
        try audit(action: "set", record: "setting:\(setting.rawValue)",
                  summary: "set \(setting.rawValue) to \(value)",
                  before: before.map(JSON.string), after: .string(value))
    }

    func allSettings() throws -> [(String, String)] {
        try connection.query("SELECT key, value FROM settings ORDER BY key").map { ($0.string(0), $0.string(1)) }
    }
}

extension RoadmapFile {
    /// The roadmap's language setting, read without changing the file in any way (no migration,
    /// no journal): the command line asks before it knows which command runs. Nil when the file
    /// is missing, unreadable or has no setting.
    public static func languageSetting(path: String) -> Language? {
        guard fileExists(path), let connection = try? Connection(path: path, mode: .readOnly) else { return nil }
        let value = try? connection.scalar("SELECT value FROM settings WHERE key = 'language'").string
        return value.flatMap(Language.init(rawValue:))
    }

    /// Sets the roadmap's language for the command line and the site.
    public func setLanguage(_ language: Language) throws {
        try write { try setSetting(.language, language.rawValue) }
    }
}
