import SixSteps
import Store

/// The whole roadmap in and out: JSON export and import, and a binary backup.
enum ExchangeCommands {
    static let export = Command(
        name: "export", abstract: t("Schrijf de hele roadmap als één JSON-document (zonder het logboek).", "Write the whole roadmap as one JSON document (without the audit trail)."),
        options: [.init(name: "out", value: t("pad", "path"), help: t("schrijf naar dit bestand in plaats van naar het scherm", "write to this file instead of standard output"))],
        examples: ["molensloot export --out roadmap.json"]
    ) { invocation in
        let document = try invocation.openRoadmap().export().serialized(pretty: true)
        if let path = invocation.value("out") {
            try writeTextFile(path, document + "\n")
            Output.print(t("\(path) geschreven", "wrote \(path)"))
        } else {
            Output.print(document)
        }
    }

    static let `import` = Command(
        name: "import", abstract: t("Lees een roadmap uit een JSON-export in een leeg (of nieuw) bestand.", "Read a roadmap from a JSON export into an empty (or new) file."),
        arguments: [.init(name: t("bestand", "file"), help: t("het JSON-document", "the JSON document"))],
        options: [.flag("replace", t("vervang de roadmap in het bestand (het logboek blijft)", "replace the roadmap in the file (the audit trail is kept)")),
                  .flag("allow-small-groups", t("accepteer een privacygrens onder 5", "accept a privacy threshold below 5"))],
        examples: ["molensloot import roadmap.json --db new.sqlite"]
    ) { invocation in
        let source = invocation.argument(0) ?? ""
        let text = try readTextFile(source)
        let path = invocation.databasePath
        if try unfinished(path) {
            for suffix in ["", "-wal", "-shm", "-journal"] { removeFile(path + suffix) }
        }
        let existed = fileExists(path)
        let roadmap = try RoadmapFile.openOrCreate(path: path, actor: invocation.actor)
        do {
            let count = try roadmap.importDocument(text, source: source, replace: invocation.flag("replace"),
                                                      keyFile: invocation.keyFilePath,
                                                      allowSmallGroups: invocation.flag("allow-small-groups"))
            Output.print(t("\(count) records geïmporteerd in \(path)", "imported \(count) records into \(path)"))
        } catch {
            // A file made just for this import is not left behind half-made.
            if !existed { roadmap.discard() }
            throw error
        }
    }

    /// A file that an `init` or `import` killed while making it left behind: empty, or an SQLite
    /// file without a single table, version or id. Nothing can be lost by making it again, and
    /// otherwise the same import run again would be refused.
    static func unfinished(_ path: String) throws -> Bool {
        guard let size = fileSize(path) else { return false }
        if size == 0 { return true }
        // Such a file is a page or two; anything larger is left to the checks of opening it.
        guard size <= 65_536, let connection = try? Connection(path: path, mode: .readOnly),
              let tables = try? connection.scalar("SELECT count(*) FROM sqlite_schema").int else { return false }
        let applicationID = try connection.pragma("application_id")
        let version = try connection.pragma("user_version")
        return tables == 0 && version == 0 && (applicationID == 0 || applicationID == Int64(RoadmapSchema.applicationID))
    }

    static let backup = Command(
        name: "backup", abstract: t("Kopieer het roadmap-bestand veilig, ook terwijl anderen het gebruiken.", "Copy the roadmap file safely, even while others use it."),
        arguments: [.init(name: t("bestand", "file"), help: t("het nieuwe reservebestand; dat mag nog niet bestaan", "the new backup file; it must not exist yet"))],
        examples: ["molensloot backup backups/roadmap-2014-03-03.sqlite"]
    ) { invocation in
        let target = invocation.argument(0) ?? ""
        try invocation.openRoadmap().connection.backup(to: target)
        Output.print(t("\(target) geschreven", "wrote \(target)"))
    }
}
