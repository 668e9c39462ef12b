import Store

/// How a roadmap and the key file of its pseudonyms belong together. The roadmap keeps the key's
/// id only; files of an older molensloot kept the secret itself in `settings.contact_key`, and
/// `moveKeyOut` takes it out of them.
public struct KeyCustody: Sendable, Equatable {
    /// The id of the key the roadmap's contacts were hashed with; nil before the first import.
    public let keyID: String?
    /// The roadmap file still holds the secret (an older molensloot put it there).
    public let secretInRoadmap: Bool
    public let contacts: Int
}

extension RoadmapFile {
    public func keyCustody() throws -> KeyCustody {
        try read {
            let legacy = try setting(.contactKey).flatMap { PseudonymKey.parse($0, path: path) }
            return KeyCustody(keyID: try setting(.contactKeyID) ?? legacy?.id, secretInRoadmap: try setting(.contactKey) != nil,
                              contacts: Int(try connection.scalar("SELECT count(*) FROM contacts").int ?? 0))
        }
    }

    /// Refuses a key that is not the one this roadmap's contacts were hashed with, and any key
    /// while the roadmap still holds the secret itself. Inside the import's transaction.
    func checkKey(_ key: PseudonymKey) throws {
        if try setting(.contactKey) != nil { throw PseudonymKeyError.stillInRoadmap }
        if let known = try setting(.contactKeyID), known != key.id { throw PseudonymKeyError.wrongKey(path: key.path) }
    }

    /// Records the id of the key used, at the first import of contacts. Not through
    /// `setSetting`: the id is a fact about the key file, not a choice to log.
    func recordKey(_ key: PseudonymKey) throws {
        try connection.run("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING",
                           [.text(Setting.contactKeyID.rawValue), .text(key.id)])
    }

    /// Moves the secret that an older molensloot kept in the roadmap into the key file at `path`,
    /// then removes it from the roadmap so that no page of the file or its journal still holds it.
    /// A key file that already holds the same key is fine (a move that stopped halfway is run
    /// again); one that holds another key is refused, as is a roadmap without a secret in it.
    /// Earlier backups and exports of version 3 still hold the secret: they must be destroyed or
    /// kept as safely as the key file (the README says so).
    @discardableResult
    public func moveKeyOut(to path: String) throws -> PseudonymKey {
        guard let text = try read({ try setting(.contactKey) }) else {
            throw DomainError.inconsistent(Message(
                "deze roadmap bevat geen geheim van zaaksleutels, dus er valt niets te verplaatsen; "
                    + "'molensloot key show' zegt welke sleutel hij nodig heeft",
                "this roadmap holds no secret of case keys, so there is nothing to move; "
                    + "'molensloot key show' tells which key it needs"))
        }
        guard let key = PseudonymKey.parse(text, path: path) else {
            throw DomainError.inconsistent(Message("de instelling contact_key van de roadmap is beschadigd; zet de roadmap terug uit een back-up",
                                                   "the roadmap's contact_key setting is damaged; restore the roadmap from a backup"))
        }
        try keep(key)
        // secure_delete overwrites the deleted setting in its page, and the checkpoint empties
        // the journal, so the secret is not left in a free page or an old page version.
        try connection.run("PRAGMA secure_delete = ON")
        try write {
            try connection.run("DELETE FROM settings WHERE key = ?", [.text(Setting.contactKey.rawValue)])
            try recordKey(key)
            try audit(action: "move", record: "setting:contact_key",
                      summary: "moved the secret of the case keys out of the roadmap into a key file", before: nil, after: nil)
        }
        try connection.run("PRAGMA wal_checkpoint(TRUNCATE)")
        return key
    }

    /// Writes `key` to its path, or accepts a key file that already holds it.
    func keep(_ key: PseudonymKey) throws {
        do {
            try key.store()
        } catch PseudonymKeyError.exists {
            guard try PseudonymKey.load(path: key.path) == key else {
                throw DomainError.inconsistent(Message(
                    "\(key.path) bevat een andere sleutel dan die van deze roadmap; "
                        + "noem met --key-file een nieuw sleutelbestand, waar de sleutel van de roadmap in kan",
                    "\(key.path) holds another key than this roadmap's; "
                        + "name a new key file with --key-file, where the roadmap's key can be written"))
            }
        }
    }
}

extension Exchange {
    /// The secret that an export of version 3 or older carries in `settings.contact_key`, as the
    /// key of the key file at `keyFile`, which the import writes it to (after its transaction) so
    /// the new roadmap never holds it. Checked before anything is written: a key file that holds
    /// another key, or no key file named, refuses the import.
    static func legacyKey(_ document: JSONObject, source: String, keyFile: String?) throws -> PseudonymKey? {
        guard let text = document["settings"]?.object?["contact_key"]?.string else { return nil }
        guard let keyFile else {
            throw DomainError.badImport(Message(
                "\(source) bevat het geheim van de zaaksleutels (een oudere export); noem met --key-file het sleutelbestand om het in te zetten",
                "\(source) holds the secret of its case keys (an older export); "
                    + "name the key file to move it into with --key-file"))
        }
        guard let key = PseudonymKey.parse(text, path: keyFile) else {
            throw DomainError.badImport(Message("\(source): settings: de contactsleutel moet 32 hexadecimale cijfers zijn",
                                                "\(source): settings: the contact key should be 32 hex digits"))
        }
        if fileExists(keyFile), try PseudonymKey.load(path: keyFile) != key {
            throw DomainError.badImport(Message(
                "\(source) bevat een andere sleutel dan het sleutelbestand \(keyFile); "
                    + "noem met --key-file een nieuw sleutelbestand, waar de sleutel van de export in kan",
                "\(source) holds another key than the key file \(keyFile); "
                    + "name a new key file with --key-file, where the export's key can be written"))
        }
        return key
    }
}

extension RoadmapFile {
    /// The settings an export carries: never the secret of an older file, but the id of its key.
    func exportedSettings() throws -> [(String, String)] {
        // The language is how the people of this file read it, not part of the roadmap: format 4
        // does not carry it, so an export stays readable by every reader of format 4.
        var settings = try allSettings().filter { $0.0 != Setting.contactKey.rawValue && $0.0 != Setting.language.rawValue }
        if let legacy = try setting(.contactKey).flatMap({ PseudonymKey.parse($0, path: path) }),
           !settings.contains(where: { $0.0 == Setting.contactKeyID.rawValue }) {
            settings.append((Setting.contactKeyID.rawValue, legacy.id))
            settings.sort { $0.0 < $1.0 }
        }
        return settings
    }
}
