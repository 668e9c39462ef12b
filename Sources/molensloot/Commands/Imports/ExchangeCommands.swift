import SixSteps

/// The whole roadmap in and out: JSON export and import, and a binary backup.
enum ExchangeCommands {
    static let export = Command(
        name: "export", abstract: "Write the whole roadmap as one JSON document (without the audit trail).",
        options: [.init(name: "out", value: "path", help: "write to this file instead of standard output")],
        examples: ["molensloot export --out roadmap.json"]
    ) { invocation in
        let document = try invocation.openRoadmap().export().serialized(pretty: true)
        if let path = invocation.value("out") {
            try writeTextFile(path, document + "\n")
            Output.print("wrote \(path)")
        } else {
            Output.print(document)
        }
    }

    static let `import` = Command(
        name: "import", abstract: "Read a roadmap from a JSON export into an empty (or new) file.",
        arguments: [.init(name: "file", help: "the JSON document")],
        options: [.flag("replace", "replace the roadmap in the file (the audit trail is kept)"),
                  .flag("allow-small-groups", "accept a privacy threshold below 5")],
        examples: ["molensloot import roadmap.json --db new.sqlite"]
    ) { invocation in
        let source = invocation.argument(0) ?? ""
        let text = try readTextFile(source)
        let path = invocation.databasePath
        let count = try RoadmapFile.openOrCreate(path: path, actor: invocation.actor) { roadmap in
            try roadmap.importDocument(text, source: source, replace: invocation.flag("replace"), keyFile: invocation.keyFilePath,
                                       allowSmallGroups: invocation.flag("allow-small-groups"))
        }
        Output.print("imported \(count) records into \(path)")
    }

    static let backup = Command(
        name: "backup", abstract: "Copy the roadmap file safely, even while others use it.",
        arguments: [.init(name: "file", help: "the new backup file; it must not exist yet")],
        examples: ["molensloot backup backups/roadmap-2014-03-03.sqlite"]
    ) { invocation in
        let target = invocation.argument(0) ?? ""
        try invocation.openRoadmap().backup(to: target)
        Output.print("wrote \(target)")
    }
}
