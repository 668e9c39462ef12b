import Store

/// The codebook on its own, to share between municipalities, and the sections of the whole
/// roadmap's export that format 4 added: the contacts items should change, the codebook, the
/// managers' codings and the themes that are a finding's evidence.
public enum Codebook {
    public static let format = "molensloot-codebook"
    public static let version = 1
}

extension Exchange {
    /// The sections of format 4, in the order they are written.
    static let themeSections = ["item_volumes", "themes", "response_themes", "finding_themes"]
}

extension RoadmapFile {
    public func exportCodebook() throws -> JSON {
        .object(JSONObject([("format", .string(Codebook.format)), ("version", .int(Int64(Codebook.version))),
                            ("themes", .array(try read { try themes() }.map { .object($0.json) }))]))
    }

    /// Reads a codebook into this roadmap in one transaction. A theme that is new is added; one
    /// that is there already with other content is refused unless `replace`. Returns the slugs
    /// added and changed.
    public func importCodebook(_ text: String, source: String, replace: Bool) throws -> (added: [String], changed: [String]) {
        let object: JSONObject
        do {
            guard let parsed = try JSON.parse(text).object else { throw DomainError.badImport(Message(
                "\(source) is geen codeboek: het is geen JSON-object; kies een bestand van 'molensloot theme export'",
                "\(source) is not a codebook: not a JSON object")) }
            object = parsed
        } catch let error as JSONError {
            throw DomainError.badImport(Message("\(source) is geen geldige JSON: ", "\(source) is not valid JSON: ") + .of(error))
        }
        guard object["format"]?.string == Codebook.format else {
            throw DomainError.badImport(Message("\(source) is geen codeboek van Molensloot: \"format\" moet \"\(Codebook.format)\" zijn",
                                                "\(source) is not a Molensloot codebook: \"format\" should be \"\(Codebook.format)\""))
        }
        guard let version = object["version"]?.int, version >= 1, version <= Int64(Codebook.version) else {
            throw DomainError.badImport(Message(
                "\(source): \"version\" moet \(Codebook.version) zijn; een nieuwer codeboek vraagt een nieuwere molensloot",
                "\(source): \"version\" should be \(Codebook.version); a newer codebook needs a newer molensloot"))
        }
        let themes = try parseThemes(object["themes"], source: source)
        return try write {
            let existing = Dictionary(uniqueKeysWithValues: try self.themes().map { ($0.slug, $0) })
            var added: [String] = []
            var changed: [String] = []
            for theme in themes {
                guard let old = existing[theme.slug] else {
                    try storeTheme(theme, replace: false)
                    added.append(theme.slug)
                    continue
                }
                guard old != theme else { continue }
                guard replace else {
                    throw DomainError.badImport(Message(
                        "\(source): thema '\(theme.slug)' verschilt van dat in deze roadmap; geef --replace om de versie uit het codeboek te nemen",
                        "\(source): theme '\(theme.slug)' differs from the one in this roadmap; "
                            + "add --replace to take the codebook's version"))
                }
                try storeTheme(theme, replace: true)
                changed.append(theme.slug)
            }
            return (added, changed)
        }
    }

    func parseThemes(_ json: JSON?, source: String) throws -> [Theme] {
        guard let json, !json.isNull else { return [] }
        guard let array = json.array else {
            throw DomainError.badImport(Message("\(source): themes moet een lijst zijn", "\(source): themes should be a list"))
        }
        var seen: Set<String> = []
        return try array.enumerated().map { index, entry in
            func fail(_ message: Message) -> DomainError { .badImport(Message("\(source): themes[\(index)]: ", "\(source): themes[\(index)]: ") + message) }
            guard let object = entry.object, let slug = object["slug"]?.string, let name = object["name"]?.string else {
                throw fail(Message("heeft een slug en een naam nodig", "needs a slug and a name"))
            }
            if let unknown = object.keys.first(where: { !["slug", "name", "description", "phrases"].contains($0) }) {
                throw fail(Message("onbekend veld \"\(unknown)\"; haal het weg", "unknown field \"\(unknown)\""))
            }
            let phrases = try (object["phrases"]?.array ?? []).map { phrase in
                guard let text = phrase.string else { throw fail(Message("phrases moeten teksten zijn", "phrases should be texts")) }
                return text
            }
            guard seen.insert(slug).inserted else { throw fail(Message("thema '\(slug)' staat er twee keer in", "theme '\(slug)' appears twice")) }
            do { try validateSlug(slug) } catch let error as DomainError { throw fail(.of(error)) }
            return Theme(slug: slug, name: name, description: object["description"]?.string, phrases: phrases)
        }
    }

    /// The sections of format 4 for the whole roadmap's export.
    func themeSectionsJSON() throws -> [(String, JSON)] {
        let codings = try connection.query("SELECT response, theme, decision FROM response_themes ORDER BY response, theme").map { row in
            JSON.object(JSONObject([("response", .int(row.int(0))), ("theme", .string(row.string(1))), ("decision", .string(row.string(2)))]))
        }
        let evidence = try connection.query("SELECT finding, theme FROM finding_themes ORDER BY finding, theme").map { row in
            JSON.object(JSONObject([("finding", .string(Kind.finding.ref(row[0]))), ("theme", .string(row.string(1)))]))
        }
        return [("item_volumes", .array(try itemVolumeTargets().map { .object($0.json) })),
                ("themes", .array(try themes().map { .object($0.json) })),
                ("response_themes", .array(codings)), ("finding_themes", .array(evidence))]
    }

    /// Reads the sections of format 4; older documents have none of them.
    func importThemeSections(_ document: JSONObject, source: String) throws -> Int {
        var count = 0
        for theme in try parseThemes(document["themes"], source: source) {
            do { try storeTheme(theme, replace: false, audited: false) } catch let error as DomainError {
                throw DomainError.badImport(Message("\(source): themes: ", "\(source): themes: ") + .of(error))
            }
            count += 1
        }
        for (index, entry) in (try list(document["item_volumes"], "item_volumes", source)).enumerated() {
            func fail(_ message: Message) -> DomainError {
                .badImport(Message("\(source): item_volumes[\(index)]: ", "\(source): item_volumes[\(index)]: ") + message)
            }
            guard let object = entry.object, let itemRef = object["item"]?.string else {
                throw fail(Message("heeft een roadmap-item nodig", "needs an item"))
            }
            let item = try Kind.item.parseRef(itemRef, field: "item")
            guard try exists(.item, key: item) else { throw fail(Message("er is geen roadmap-item '\(itemRef)'", "unknown item '\(itemRef)'")) }
            let channel = object["channel"]?.string
            if let channel, !(try exists(.channel, key: .text(channel))) {
                throw fail(Message("er is geen kanaal '\(channel)'", "unknown channel '\(channel)'"))
            }
            do {
                try connection.run("INSERT INTO item_volumes (item, channel, reason, expected_change) VALUES (?, ?, ?, ?)",
                                   [item, SQLValue(channel), .text(object["reason"]?.string ?? ""), SQLValue(object["expected_change"]?.double)])
            } catch let error as StoreError { throw fail(.of(error)) }
            count += 1
        }
        for (index, entry) in (try list(document["response_themes"], "response_themes", source)).enumerated() {
            func fail(_ message: Message) -> DomainError {
                .badImport(Message("\(source): response_themes[\(index)]: ", "\(source): response_themes[\(index)]: ") + message)
            }
            guard let object = entry.object, let response = object["response"]?.int, let theme = object["theme"]?.string,
                  let decision = object["decision"]?.string, ["confirmed", "rejected"].contains(decision) else {
                throw fail(Message("heeft een antwoord-id, een thema en een besluit nodig (confirmed of rejected)",
                                   "needs a response id, a theme and a decision (confirmed or rejected)"))
            }
            do {
                try connection.run("INSERT INTO response_themes (response, theme, decision) VALUES (?, ?, ?)",
                                   [.integer(response), .text(theme), .text(decision)])
            } catch let error as StoreError { throw fail(.of(error)) }
            count += 1
        }
        for (index, entry) in (try list(document["finding_themes"], "finding_themes", source)).enumerated() {
            func fail(_ message: Message) -> DomainError {
                .badImport(Message("\(source): finding_themes[\(index)]: ", "\(source): finding_themes[\(index)]: ") + message)
            }
            guard let object = entry.object, let findingRef = object["finding"]?.string, let theme = object["theme"]?.string else {
                throw fail(Message("heeft een bevinding en een thema nodig", "needs a finding and a theme"))
            }
            let finding = try Kind.finding.parseRef(findingRef, field: "finding")
            do {
                try connection.run("INSERT INTO finding_themes (finding, theme) VALUES (?, ?)", [finding, .text(theme)])
            } catch let error as StoreError { throw fail(.of(error)) }
            count += 1
        }
        return count
    }

    private func list(_ json: JSON?, _ name: String, _ source: String) throws -> [JSON] {
        guard let json, !json.isNull else { return [] }
        guard let array = json.array else { throw DomainError.badImport(Message("\(source): \(name) moet een lijst zijn", "\(source): \(name) should be a list")) }
        return array
    }
}
