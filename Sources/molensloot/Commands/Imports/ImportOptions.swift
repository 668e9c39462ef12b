import SixSteps

/// What every CSV import understands: a dry run, and columns under other names.
enum ImportOptions {
    static let dryRun = Command.Option.flag("dry-run", t("toon wat geïmporteerd zou worden, importeer niets", "show what would be imported, import nothing"))

    static func map(_ columns: [String]) -> Command.Option {
        .init(name: "map", value: t("naam=kolom", "name=column"),
              help: t("lees een kolom onder een andere kop, bijv. \(columns.last ?? "name")=kolom; mag vaker; kolommen: ",
                      "read a column under another header, e.g. \(columns.last ?? "name")=kolom; repeatable; columns: ")
                + columns.joined(separator: ", "))
    }

    /// `--map score=cijfer --map date=datum` as a dictionary from standard name to header.
    static func renames(_ invocation: Invocation, columns: [String]) throws -> [String: String] {
        var rename: [String: String] = [:]
        for pair in invocation.values["map"] ?? [] {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0.filter { $0 != " " }).lowercased() }
            guard parts.count == 2, columns.contains(parts[0]), !parts[1].isEmpty else {
                throw UsageError(description: t("--map '\(pair)' kan niet: verwacht NAAM=KOLOM met NAAM een van ", "--map '\(pair)' is not valid: expected NAME=COLUMN with NAME one of ")
                                 + columns.joined(separator: ", "))
            }
            rename[parts[0]] = parts[1]
        }
        return rename
    }

    /// Reads a CSV file and checks that it is UTF-8 throughout, so a spreadsheet saved in another
    /// encoding is named as such instead of as a strange value somewhere.
    static func read(_ path: String) throws -> CSVDocument {
        do {
            let document = try CSVDocument.read(path: path)
            try document.validateUTF8()
            return document
        } catch let error as CSVError {
            if error.line == 0 { throw CommandError.file(language.words(error.message)) }
            throw DomainError.badFile(path: path, .of(error))
        }
    }
}
