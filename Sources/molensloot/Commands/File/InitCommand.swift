import SixSteps
import Store

enum InitCommand {
    static let command = Command(
        name: "init", abstract: "Create a new roadmap file: empty with the default channels, or from an export or example.",
        options: [.init(name: "name", value: "text", help: "the municipality, e.g. \"Gemeente Molensloot\""),
                  .init(name: "from", value: "file.json", help: "start from an export or an example in Roadmaps/"),
                  .flag("allow-small-groups", "accept a privacy threshold below 5 in the export")],
        examples: ["molensloot init --name \"Gemeente Molensloot\"", "molensloot init --db mor.sqlite --from Roadmaps/haarlemmermeer-mor.json"]
    ) { invocation in
        let path = invocation.databasePath
        if let source = invocation.value("from") {
            let count = try importNew(path: path, text: try readTextFile(source), source: source, actor: invocation.actor,
                                      keyFile: invocation.keyFilePath, allowSmallGroups: invocation.flag("allow-small-groups"))
            Output.print("created \(path) with \(count) records from \(source)")
            return
        }
        _ = try RoadmapFile.create(path: path, actor: invocation.actor, municipality: invocation.value("name"))
        Output.print("created \(path); next: molensloot vision set \"...\"")
    }

    /// A new file holding the document, or no file at all.
    static func importNew(path: String, text: String, source: String, actor: String, keyFile: String?,
                          allowSmallGroups: Bool = false) throws -> Int {
        let roadmap = try RoadmapFile.create(path: path, actor: actor, municipality: nil)
        do {
            return try roadmap.importDocument(text, source: source, replace: false, keyFile: keyFile, allowSmallGroups: allowSmallGroups)
        } catch {
            roadmap.discard()
            throw error
        }
    }
}
