import Store

/// The whole roadmap as one JSON document: for backups people can read, for moving between
/// files and for the example roadmaps. Export → import → export gives the identical document.
/// The audit trail is not part of it: it is the history of one file, not of the roadmap.
public enum Exchange {
    public static let format = "molensloot-roadmap"
    /// 2 added survey responses and volumes; 3 assumptions and contact registrations; 4 metric
    /// kinds, resolved contacts and the value mappings, the contacts items should change and the
    /// codebook of themes; and it keeps the secret of the case keys out (only
    /// `settings.contact_key_id`; a version 3 secret is moved into a key file on import); 5 the
    /// case types and cases from the case system.
    public static let version = 5

    /// Tables with ids people type, whose next id travels with the document.
    static var numberedTables: [String] {
        Kind.creationOrder.filter { $0.identity != .slug }.map(\.table) + ["survey_responses"]
    }

    /// Where a text of the document holds a NUL, which JSON allows and SQLite's text does not
    /// keep (it ends the text there), as a path like `findings[3].title`; nil when none does.
    static func nulPath(_ json: JSON, at path: String) -> String? {
        switch json {
        case .string(let text):
            return text.utf8.contains(0) ? path : nil
        case .array(let values):
            for (index, value) in values.enumerated() {
                if let found = nulPath(value, at: "\(path)[\(index)]") { return found }
            }
            return nil
        case .object(let object):
            for (key, value) in object {
                if key.utf8.contains(0) { return path.isEmpty ? "a key" : "a key of \(path)" }
                if let found = nulPath(value, at: path.isEmpty ? key : "\(path).\(key)") { return found }
            }
            return nil
        default:
            return nil
        }
    }

    /// Kinds whose records carry their links in the document, and under which keys.
    static func embeddedLinks(_ kind: Kind) -> [LinkKind] {
        LinkKind.allCases.filter { $0.from.kind == kind }
    }
}

extension RoadmapFile {
    public func export() throws -> JSON {
        try read {
            var document = JSONObject([("format", .string(Exchange.format)), ("version", .int(Int64(Exchange.version)))])
            document.append("settings", .object(JSONObject(try exportedSettings().map { ($0.0, JSON.string($0.1)) })))
            document.append("vision", try vision().map { .object($0.json) } ?? .null)
            var linksByKind: [LinkKind: [SQLValue: [Link]]] = [:]
            for link in LinkKind.allCases { linksByKind[link] = try Dictionary(grouping: allLinks(link), by: \.from) }
            for kind in Kind.creationOrder {
                let records = try records(kind).map { record -> JSON in
                    var object = record.json
                    if kind == .journey {
                        object.append("phases", .array(try phases(of: record.ref).map { .object($0.json) }))
                    }
                    for link in Exchange.embeddedLinks(kind) {
                        let links = linksByKind[link]?[record.key] ?? []
                        object.append(link.exportKey, .array(links.map { link in
                            link.kind == .itemMetric
                                ? .object(JSONObject([("metric", .string(link.toRef)),
                                                      ("expected_change", link.expectedChange.map(JSON.double) ?? .null)]))
                                : .string(link.toRef)
                        }))
                    }
                    return .object(object)
                }
                document.append(kind.table, .array(records))
            }
            document.append("survey_responses", .array(try surveyResponsesJSON()))
            document.append("volumes", .array(try volumes().map { .object($0.json) }))
            document.append("contacts", .array(try contactsJSON()))
            try appendMappingSections(to: &document)
            for (key, value) in try themeSectionsJSON() { document.append(key, value) }
            try appendCaseSections(to: &document)
            document.append("next_ids", .object(try nextIDs()))
            return .object(document)
        }
    }

    /// Reads a document into this file in one transaction. The file must hold no roadmap yet
    /// (the default channels aside), unless `replace`, which removes the current one first.
    /// Returns the number of records imported.
    /// `keyFile` is where a secret that an older export carries is moved to (see `Exchange.legacyKey`);
    /// `allowSmallGroups` confirms a privacy threshold below 5, as `survey threshold` asks.
    @discardableResult
    public func importDocument(_ text: String, source: String, replace: Bool, keyFile: String? = nil,
                               allowSmallGroups: Bool = false) throws -> Int {
        let document: JSONObject
        do {
            guard let object = try JSON.parse(text).object else {
                throw DomainError.badImport(Message("\(source) is geen export van Molensloot: het document is geen JSON-object",
                                                    "\(source) is not a Molensloot export: the document is not a JSON object"))
            }
            document = object
        } catch let error as JSONError {
            throw DomainError.badImport(Message("\(source) is geen geldige JSON: ", "\(source) is not valid JSON: ") + .of(error))
        }
        if let path = Exchange.nulPath(.object(document), at: "") {
            throw DomainError.badImport(Message(
                "\(source): \(path) bevat een NUL-teken (\\u0000), dat een roadmap niet kan bewaren; haal het weg",
                "\(source): \(path) holds a NUL character (\\u0000), which a roadmap cannot store; remove it"))
        }
        guard document["format"]?.string == Exchange.format else {
            throw DomainError.badImport(Message("\(source) is geen export van Molensloot: \"format\" moet \"\(Exchange.format)\" zijn",
                                                "\(source) is not a Molensloot export: \"format\" should be \"\(Exchange.format)\""))
        }
        guard let version = document["version"]?.int, version >= 1 else {
            throw DomainError.badImport(Message("\(source): \"version\" moet een geheel getal van minstens 1 zijn",
                                                "\(source): \"version\" should be a whole number of at least 1"))
        }
        guard version <= Exchange.version else {
            throw DomainError.badImport(Message("\(source) komt uit een nieuwere Molensloot (versie \(version)); werk molensloot bij",
                                                "\(source) comes from a newer Molensloot (version \(version)); upgrade molensloot"))
        }
        let known = Set(["format", "version", "settings", "vision", "next_ids", "survey_responses", "volumes", "contacts"]
                        + Exchange.mappingSections + Exchange.caseSections
                        + Kind.creationOrder.map(\.table) + Exchange.themeSections)
        if let unknown = document.keys.first(where: { !known.contains($0) }) {
            let sections = known.sorted().joined(separator: ", ")
            throw DomainError.badImport(Message("\(source): onbekend onderdeel \"\(unknown)\"; de onderdelen zijn \(sections)",
                                                "\(source): unknown section \"\(unknown)\"; sections are \(sections)"))
        }
        let legacyKey = try Exchange.legacyKey(document, source: source, keyFile: keyFile)
        let count = try write {
            try clear(replace: replace)
            var count = 0
            try importSettings(document["settings"], source: source)
            try checkImportedSettings(source: source, allowSmallGroups: allowSmallGroups)
            if let legacyKey { try recordKey(legacyKey) }
            try importVision(document["vision"], source: source)
            var dependencies: [Link] = []
            for kind in Kind.creationOrder {
                guard let entries = document[kind.table] else { continue }
                guard let array = entries.array else {
                    throw DomainError.badImport(Message("\(source): \"\(kind.table)\" moet een lijst zijn", "\(source): \"\(kind.table)\" should be a list"))
                }
                for (index, entry) in array.enumerated() {
                    do {
                        dependencies += try importRecord(kind, entry)
                        count += 1
                    } catch let error as DomainError {
                        throw DomainError.badImport(Message("\(source): \(kind.table)[\(index)]: ", "\(source): \(kind.table)[\(index)]: ") + .of(error))
                    } catch let error as StoreError {
                        throw DomainError.badImport(Message("\(source): \(kind.table)[\(index)]: ", "\(source): \(kind.table)[\(index)]: ") + .of(error))
                    }
                }
            }
            for link in dependencies {
                do {
                    guard try exists(.item, key: link.to) else { throw DomainError.unknownRecord(.item, link.toRef) }
                    try insertLink(link, audited: false)
                } catch let error as DomainError {
                    throw DomainError.badImport(Message("\(source): items: \(link.fromRef) depends_on: ", "\(source): items: \(link.fromRef) depends_on: ")
                                                + .of(error))
                }
            }
            count += try importSurveyResponses(document["survey_responses"], source: source)
            count += try importVolumes(document["volumes"], source: source)
            count += try importContacts(document["contacts"], source: source)
            count += try importMappingSections(document, source: source)
            count += try importThemeSections(document, source: source)
            count += try importCaseSections(document, source: source)
            try importNextIDs(document["next_ids"], source: source)
            try audit(action: "import", record: "roadmap", summary: "imported \(count) records from \(source)",
                      before: nil, after: nil)
            return count
        }
        if let legacyKey { try keep(legacyKey) }
        return count
    }

    private func importSettings(_ json: JSON?, source: String) throws {
        guard let json, !json.isNull else { return }
        guard let settings = json.object else {
            throw DomainError.badImport(Message("\(source): settings moet een object zijn", "\(source): settings should be an object"))
        }
        for (key, value) in settings {
            guard let setting = Setting(rawValue: key), let text = value.string else {
                throw DomainError.badImport(Message("\(source): settings: onbekende instelling \"\(key)\" of een waarde die geen tekst is",
                                                    "\(source): settings: unknown setting \"\(key)\" or a value that is not text"))
            }
            // An older export's secret goes to the key file (`Exchange.legacyKey`), never into the roadmap.
            if setting == .contactKey { continue }
            try connection.run("INSERT INTO settings (key, value) VALUES (?, ?)", [.text(setting.rawValue), .text(text)])
        }
        // The same rules as `opportunity weights`: a known method, weights of zero or more.
        let model = try scoringModel()
        let methodText = try setting(.scoreMethod)
        guard methodText == nil || methodText.flatMap(ScoreMethod.init(rawValue:)) != nil,
              ScoreWeights.settings.allSatisfy({ model.weights[keyPath: $0.1] >= 0 }),
              try ScoreWeights.settings.allSatisfy({ try setting($0.0).map { Double($0) != nil } ?? true }),
              model.weights.total > 0,
              try setting(.privacyThreshold).map({ (Int($0) ?? 0) >= 1 }) ?? true,
              try setting(.repeatWindowDays).map({ (1...366).contains(Int($0) ?? 0) }) ?? true,
              try setting(.contactKeyID).map({ $0.utf8.count == 16 && UInt64($0, radix: 16) != nil }) ?? true
        else {
            throw DomainError.badImport(Message(
                "\(source): settings: de scoremethode moet weighted, rice of value-effort zijn, de gewichten getallen van nul of meer, "
                    + "de privacydrempel een geheel getal van minstens 1, de herhaaltermijn 1 tot 366 dagen, het id van de contactsleutel 16 hexadecimale cijfers",
                "\(source): settings: the score method must be weighted, rice or value-effort, "
                    + "the weights numbers of zero or more, the privacy threshold a whole number of at least 1, "
                    + "the repeat window 1 to 366 days, the contact key id 16 hex digits"))
        }
    }

    private func importVision(_ json: JSON?, source: String) throws {
        guard let json, !json.isNull else { return }
        guard let vision = json.object, let text = vision["text"]?.string, !text.trimmingSpaces.isEmpty,
              let updated = vision["updated_on"]?.string, ISODate(updated)?.description == updated
        else {
            throw DomainError.badImport(Message("\(source): vision moet een niet-lege \"text\" en een bestaande datum \"updated_on\" hebben",
                                                "\(source): vision should have a non-empty \"text\" and a real \"updated_on\" date"))
        }
        try store(Vision(text: text, updatedOn: updated))
    }

    /// The next id of each numbered kind, so that an id removed before the export is not handed
    /// out again by the copy.
    func nextIDs() throws -> JSONObject {
        let sequences = try connection.query("SELECT name, seq FROM sqlite_sequence")
            .reduce(into: [String: Int64]()) { $0[$1.string(0)] = $1.int(1) }
        return JSONObject(Exchange.numberedTables.map { table in (table, JSON.int((sequences[table] ?? 0) + 1)) })
    }

    private func importNextIDs(_ json: JSON?, source: String) throws {
        guard let json, !json.isNull else { return }
        guard let next = json.object else {
            throw DomainError.badImport(Message("\(source): next_ids moet een object zijn", "\(source): next_ids should be an object"))
        }
        for (table, value) in next {
            guard Exchange.numberedTables.contains(table), let id = value.int, id >= 1 else {
                throw DomainError.badImport(Message("\(source): next_ids: \"\(table)\" moet een soort met ids noemen en een geheel getal",
                                                    "\(source): next_ids: \"\(table)\" should name a kind with ids and a whole number"))
            }
            let highest = try connection.scalar("SELECT max(id) FROM \(table)").int ?? 0
            guard id > highest else {
                throw DomainError.badImport(Message("\(source): next_ids: \(table) \(id) ligt niet boven het hoogste id \(highest)",
                                                    "\(source): next_ids: \(table) \(id) is not above the highest id \(highest)"))
            }
            try connection.run("DELETE FROM sqlite_sequence WHERE name = ?", [.text(table)])
            try connection.run("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", [.text(table), .integer(id - 1)])
        }
    }

    static let responseColumns = ["id", "metric", "cycle", "date", "journey", "phase", "channel", "persona", "score",
                                  "comment", "quotable"]

    private func surveyResponsesJSON() throws -> [JSON] {
        try connection.query("SELECT \(Self.responseColumns.joined(separator: ", ")) FROM survey_responses ORDER BY id").map { row in
            .object(JSONObject([
                ("id", .int(row.int(0))), ("metric", .string(row.string(1))), ("cycle", .string(Kind.cycle.ref(row[2]))),
                ("date", row.optionalString(3).map(JSON.string) ?? .null), ("journey", row.optionalString(4).map(JSON.string) ?? .null),
                ("phase", row.optionalString(5).map(JSON.string) ?? .null), ("channel", row.optionalString(6).map(JSON.string) ?? .null),
                ("persona", row.optionalString(7).map(JSON.string) ?? .null), ("score", .double(row.double(8))),
                ("comment", row.optionalString(9).map(JSON.string) ?? .null), ("quotable", .bool(row.int(10) == 1)),
            ]))
        }
    }

    private func importSurveyResponses(_ json: JSON?, source: String) throws -> Int {
        guard let json, !json.isNull else { return 0 }
        guard let responses = json.array else {
            throw DomainError.badImport(Message("\(source): survey_responses moet een lijst zijn", "\(source): survey_responses should be a list"))
        }
        let sql = "INSERT INTO survey_responses (\(Self.responseColumns.joined(separator: ", "))) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        for (index, entry) in responses.enumerated() {
            func fail(_ message: Message) -> DomainError {
                .badImport(Message("\(source): survey_responses[\(index)]: ", "\(source): survey_responses[\(index)]: ") + message)
            }
            guard let object = entry.object, let id = object["id"]?.int, id >= 1, let metric = object["metric"]?.string,
                  let cycleRef = object["cycle"]?.string, let score = object["score"]?.double else {
                throw fail(Message("heeft een id, een meeteenheid, een cyclus en een score nodig", "needs an id, a metric, a cycle and a score"))
            }
            if let unknown = object.keys.first(where: { !Self.responseColumns.contains($0) }) {
                throw fail(Message("onbekend veld \"\(unknown)\"", "unknown field \"\(unknown)\""))
            }
            let cycle = try Kind.cycle.parseRef(cycleRef, field: "cycle")
            guard try exists(.metric, key: .text(metric)) else { throw fail(Message("er is geen meeteenheid '\(metric)'", "unknown metric '\(metric)'")) }
            guard try exists(.cycle, key: cycle) else { throw fail(Message("er is geen cyclus '\(cycleRef)'", "unknown cycle '\(cycleRef)'")) }
            if let date = object["date"]?.string, ISODate(date)?.description != date {
                throw fail(Message("'\(date)' is geen datum", "'\(date)' is not a date"))
            }
            if let date = object["date"]?.string, let span = try record(.cycle, key: cycle),
               date < (span[.startDate].string ?? date) || date > (span[.endDate].string ?? date) {
                throw fail(Message("'\(date)' valt buiten de data van \(cycleRef)", "'\(date)' is outside \(cycleRef)'s dates"))
            }
            func text(_ key: String) -> SQLValue { SQLValue(object[key]?.string) }
            do {
                try connection.run(sql, [.integer(id), .text(metric), cycle, text("date"), text("journey"), text("phase"), text("channel"),
                                         text("persona"), .real(score), text("comment"), .integer(object["quotable"]?.bool == true ? 1 : 0)])
            } catch let error as StoreError {
                throw fail(.of(error))
            }
        }
        return responses.count
    }

    private func importVolumes(_ json: JSON?, source: String) throws -> Int {
        guard let json, !json.isNull else { return 0 }
        guard let rows = json.array else {
            throw DomainError.badImport(Message("\(source): volumes moet een lijst zijn", "\(source): volumes should be a list"))
        }
        for (index, entry) in rows.enumerated() {
            func fail(_ message: Message) -> DomainError { .badImport(Message("\(source): volumes[\(index)]: ", "\(source): volumes[\(index)]: ") + message) }
            guard let object = entry.object, let period = object["period"]?.string, Period(period)?.description == period,
                  let channel = object["channel"]?.string, let count = object["count"]?.int,
                  (0...VolumeRow.maximumCount).contains(count) else {
                throw fail(Message("heeft een periode zoals 2014-03, een kanaal en een aantal van 0 tot 1 000 000 000 nodig",
                                   "needs a period like 2014-03, a channel and a count from 0 to 1 000 000 000"))
            }
            guard try exists(.channel, key: .text(channel)) else { throw fail(Message("er is geen kanaal '\(channel)'", "unknown channel '\(channel)'")) }
            do {
                try connection.run("INSERT INTO volumes (period, channel, reason, count) VALUES (?, ?, ?, ?)",
                                   [.text(period), .text(channel), .text(object["reason"]?.string ?? ""), .integer(count)])
            } catch let error as StoreError {
                throw fail(.of(error))
            }
        }
        return rows.count
    }

    /// Contact registrations in the table's order, the hashed case key as 16 hex digits.
    private func contactsJSON() throws -> [JSON] {
        try connection.query("SELECT case_key, at, channel, reason, journey, resolved FROM contacts ORDER BY case_key, at, channel, reason").map { row in
            var object = JSONObject([
                ("case", .string(PseudonymKey.hex(UInt64(bitPattern: row.int(0))))),
                ("at", .string(Timestamp(seconds: row.int(1)).description)), ("channel", .string(row.string(2))),
                ("reason", .string(row.string(3))), ("journey", row.optionalString(4).map(JSON.string) ?? .null),
            ])
            // Version 4: whether the contact was resolved, when the registration says so.
            if !row[5].isNull { object.append("resolved", .bool(row.int(5) == 1)) }
            return .object(object)
        }
    }

    private func importContacts(_ json: JSON?, source: String) throws -> Int {
        guard let json, !json.isNull else { return 0 }
        guard let contacts = json.array else {
            throw DomainError.badImport(Message("\(source): contacts moet een lijst zijn", "\(source): contacts should be a list"))
        }
        let channels = Set(try records(.channel).map(\.ref))
        let journeys = Set(try records(.journey).map(\.ref))
        for (index, entry) in contacts.enumerated() {
            func fail(_ message: Message) -> DomainError { .badImport(Message("\(source): contacts[\(index)]: ", "\(source): contacts[\(index)]: ") + message) }
            guard let object = entry.object, let caseText = object["case"]?.string, caseText.utf8.count == 16,
                  let hash = UInt64(caseText, radix: 16), let atText = object["at"]?.string, let at = Timestamp(atText),
                  let channel = object["channel"]?.string else {
                throw fail(Message("heeft een zaak (16 hexadecimale cijfers), een moment zoals 2014-03-12 09:14:00 en een kanaal nodig",
                                   "needs a case (16 hex digits), a moment like 2014-03-12 09:14:00 and a channel"))
            }
            if let unknown = object.keys.first(where: { !["case", "at", "channel", "reason", "journey", "resolved"].contains($0) }) {
                throw fail(Message("onbekend veld \"\(unknown)\"", "unknown field \"\(unknown)\""))
            }
            guard channels.contains(channel) else { throw fail(Message("er is geen kanaal '\(channel)'", "unknown channel '\(channel)'")) }
            let journey = object["journey"]?.string
            if let journey, !journeys.contains(journey) { throw fail(Message("er is geen klantreis '\(journey)'", "unknown journey '\(journey)'")) }
            do {
                let resolved: SQLValue = object["resolved"].flatMap { $0.bool }.map { .integer($0 ? 1 : 0) } ?? .null
                try connection.run("INSERT INTO contacts (case_key, at, channel, reason, journey, resolved) VALUES (?, ?, ?, ?, ?, ?)",
                                   [.integer(Int64(bitPattern: hash)), .integer(at.seconds), .text(channel),
                                    .text(object["reason"]?.string ?? ""), SQLValue(journey), resolved])
            } catch let error as StoreError {
                throw fail(.of(error))
            }
        }
        return contacts.count
    }

    /// Inserts one record and its links; item dependencies are returned, to be linked once every
    /// item exists.
    private func importRecord(_ kind: Kind, _ entry: JSON) throws -> [Link] {
        guard let object = entry.object else { throw DomainError.badImport(Message("moet een object zijn", "should be an object")) }
        let links = Exchange.embeddedLinks(kind)
        let allowed = Set([kind.keyColumn] + kind.fields.map(\.name) + links.map(\.exportKey) + (kind == .journey ? ["phases"] : []))
        if let unknown = object.keys.first(where: { !allowed.contains($0) }) {
            throw DomainError.badImport(Message("onbekend veld \"\(unknown)\"", "unknown field \"\(unknown)\""))
        }
        guard object[kind.keyColumn]?.string != nil else {
            throw DomainError.badImport(Message("heeft \"\(kind.keyColumn)\" nodig", "needs \"\(kind.keyColumn)\""))
        }
        let record = try insert(Record(kind: kind, json: object), audited: false)
        if kind == .journey {
            for (position, phase) in (object["phases"]?.array ?? []).enumerated() {
                guard let slug = phase["slug"]?.string, let name = phase["name"]?.string else {
                    throw DomainError.badImport(Message("phases[\(position)] heeft een slug en een naam nodig", "phases[\(position)] needs a slug and a name"))
                }
                try validateSlug(slug)
                try connection.run("INSERT INTO journey_phases (journey, slug, name, position) VALUES (?, ?, ?, ?)",
                                   [record.key, .text(slug), .text(name), .integer(Int64(position + 1))])
            }
        }
        var later: [Link] = []
        for linkKind in links {
            for target in object[linkKind.exportKey]?.array ?? [] {
                let ref = linkKind == .itemMetric ? target["metric"]?.string : target.string
                let to = try linkKind.to.kind.parseRef(ref ?? "", field: linkKind.exportKey)
                guard try linkKind == .itemDependency || exists(linkKind.to.kind, key: to) else {
                    throw DomainError.unknownRecord(linkKind.to.kind, linkKind.to.kind.ref(to))
                }
                let link = Link(kind: linkKind, from: record.key, to: to, expectedChange: target["expected_change"]?.double)
                if linkKind == .itemDependency { later.append(link) } else { try insertLink(link, audited: false) }
            }
        }
        return later
    }

    /// Makes room for an import. Without `replace` only a blank file is accepted: one whose sole
    /// records are channels, which the import then replaces.
    private func clear(replace: Bool) throws {
        let tables = Kind.creationOrder.filter { $0 != .channel }.map(\.table) + ["vision", "survey_responses", "volumes", "contacts", "themes", "cases", "case_types"]
        let filled = try tables.contains { try connection.first("SELECT 1 FROM \($0) LIMIT 1") != nil }
        if filled && !replace { throw DomainError.notEmpty(path: path) }
        for link in LinkKind.allCases { try connection.run("DELETE FROM \(link.table)") }
        try connection.run("DELETE FROM survey_responses")
        try connection.run("DELETE FROM volumes")
        try connection.run("DELETE FROM contacts")
        try connection.run("DELETE FROM case_statuses")
        try connection.run("DELETE FROM cases")
        try connection.run("DELETE FROM case_steps")
        try connection.run("DELETE FROM case_types")
        try connection.run("DELETE FROM value_mappings")
        for table in Exchange.themeSections.reversed() { try connection.run("DELETE FROM \(table)") }
        for kind in Kind.creationOrder.reversed() { try connection.run("DELETE FROM \(kind.table)") }
        try connection.run("DELETE FROM journey_phases")
        try connection.run("DELETE FROM vision")
        try connection.run("DELETE FROM settings")
        if filled { try audit(action: "remove", record: "roadmap", summary: "removed the roadmap to replace it", before: nil, after: nil) }
    }
}
