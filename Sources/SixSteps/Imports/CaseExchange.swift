import Store

/// Export format 5: the cases from the case system — the case types with their steps as the
/// manager mapped them, and each case under its pseudonym (16 hex digits, as contacts carry
/// theirs) with every status it was given. A version 4 file has neither and reads as a roadmap
/// without cases.
extension Exchange {
    static let caseSections = ["case_types", "cases"]
}

extension RoadmapFile {
    func appendCaseSections(to document: inout JSONObject) throws {
        document.append("case_types", .array(try caseTypesInside().map { type in
            var object = JSONObject()
            for (key, value) in type.json where key != "cases" { object.append(key, value) }
            return .object(object)
        }))
        var statuses: [Int64: [JSON]] = [:]
        for row in try connection.query("SELECT case_key, at, status FROM case_statuses ORDER BY case_key, at, status") {
            statuses[row.int(0), default: []].append(.object(JSONObject([
                ("at", .string(Timestamp(seconds: row.int(1)).description)), ("status", .string(row.string(2))),
            ])))
        }
        document.append("cases", .array(try connection.query(
            "SELECT case_key, case_type, start_date, end_date, deadline, extension, suspended FROM cases ORDER BY case_key").map { row in
            .object(JSONObject([
                ("case", .string(PseudonymKey.hex(UInt64(bitPattern: row.int(0))))), ("case_type", .string(row.string(1))),
                ("start_date", .string(row.string(2))), ("end_date", row.optionalString(3).map(JSON.string) ?? .null),
                ("deadline", row.optionalString(4).map(JSON.string) ?? .null), ("extension", row.optionalString(5).map(JSON.string) ?? .null),
                ("suspended", .bool(row.int(6) == 1)), ("statuses", .array(statuses[row.int(0)] ?? [])),
            ]))
        }))
    }

    func importCaseSections(_ document: JSONObject, source: String) throws -> Int {
        var count = 0
        if let json = document["case_types"], !json.isNull {
            guard let types = json.array else { throw DomainError.badImport(Message("\(source): case_types moet een lijst zijn", "\(source): case_types should be a list")) }
            let typeFields = ["ref", "name", "url", "term", "service_norm", "journey", "steps"]
            let stepFields = ["status", "url", "position", "phase", "department", "norm_days", "norm_working_days", "stops_clock"]
            for (index, entry) in types.enumerated() {
                func fail(_ message: Message) -> DomainError { .badImport(Message("\(source): case_types[\(index)]: ", "\(source): case_types[\(index)]: ") + message) }
                guard let object = entry.object, let ref = object["ref"]?.string, let name = object["name"]?.string else {
                    throw fail(Message("heeft een ref en een naam nodig", "needs a ref and a name"))
                }
                if let unknown = object.keys.first(where: { !typeFields.contains($0) }) { throw fail(Message("onbekend veld \"\(unknown)\"", "unknown field \"\(unknown)\"")) }
                for field in ["term", "service_norm"] {
                    if let text = object[field]?.string, ISODuration(text) == nil { throw fail(Message("\(field) '\(text)' is geen duur volgens ISO 8601", "\(field) '\(text)' is not an ISO 8601 duration")) }
                }
                let journey = object["journey"]?.string
                if let journey, !(try exists(.journey, key: .text(journey))) { throw fail(Message("er is geen klantreis '\(journey)'", "unknown journey '\(journey)'")) }
                var phaseSlugs: Set<String> = []
                if let journey { phaseSlugs = Set(try phases(of: journey).map(\.slug)) }
                do {
                    try connection.run("INSERT INTO case_types (ref, name, url, term, service_norm, journey) VALUES (?, ?, ?, ?, ?, ?)",
                                       [.text(ref), .text(name), SQLValue(object["url"]?.string), SQLValue(object["term"]?.string),
                                        SQLValue(object["service_norm"]?.string), SQLValue(journey)])
                    for (stepIndex, stepJSON) in (object["steps"]?.array ?? []).enumerated() {
                        guard let step = stepJSON.object, let status = step["status"]?.string, let position = step["position"]?.int,
                              step.keys.allSatisfy({ stepFields.contains($0) }) else {
                            throw fail(Message("steps[\(stepIndex)] heeft een status en een positie nodig, en alleen de velden " + stepFields.joined(separator: ", "),
                                               "steps[\(stepIndex)] needs a status and a position, and only the fields " + stepFields.joined(separator: ", ")))
                        }
                        if let phase = step["phase"]?.string, !phaseSlugs.contains(phase) {
                            throw fail(Message("steps[\(stepIndex)]: '\(phase)' is geen fase van de klantreis van het zaaktype",
                                               "steps[\(stepIndex)]: '\(phase)' is not a phase of the case type's journey"))
                        }
                        try connection.run("INSERT INTO case_steps (case_type, status, url, position, phase, department, norm_days, "
                                           + "norm_working, stops_clock) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                           [.text(ref), .text(status), SQLValue(step["url"]?.string), .integer(position),
                                            SQLValue(step["phase"]?.string), SQLValue(step["department"]?.string),
                                            SQLValue(step["norm_days"]?.double), .integer(step["norm_working_days"]?.bool == true ? 1 : 0),
                                            .integer(step["stops_clock"]?.bool == true ? 1 : 0)])
                    }
                } catch let error as StoreError {
                    throw fail(.of(error))
                }
                count += 1
            }
        }
        if let json = document["cases"], !json.isNull {
            guard let cases = json.array else { throw DomainError.badImport(Message("\(source): cases moet een lijst zijn", "\(source): cases should be a list")) }
            let fields = ["case", "case_type", "start_date", "end_date", "deadline", "extension", "suspended", "statuses"]
            for (index, entry) in cases.enumerated() {
                func fail(_ message: Message) -> DomainError { .badImport(Message("\(source): cases[\(index)]: ", "\(source): cases[\(index)]: ") + message) }
                guard let object = entry.object, let caseText = object["case"]?.string, caseText.utf8.count == 16,
                      let hash = UInt64(caseText, radix: 16), let type = object["case_type"]?.string,
                      let start = object["start_date"]?.string, ISODate(start)?.description == start else {
                    throw fail(Message("heeft een case (16 hexadecimale cijfers), een case_type en een start_date zoals 2015-03-12 nodig",
                                       "needs a case (16 hex digits), a case_type and a start_date like 2015-03-12"))
                }
                if let unknown = object.keys.first(where: { !fields.contains($0) }) { throw fail(Message("onbekend veld \"\(unknown)\"", "unknown field \"\(unknown)\"")) }
                for field in ["end_date", "deadline"] {
                    if let text = object[field]?.string, ISODate(text)?.description != text { throw fail(Message("\(field) '\(text)' is geen datum", "\(field) '\(text)' is not a date")) }
                }
                if let text = object["extension"]?.string, ISODuration(text) == nil { throw fail(Message("extension '\(text)' is geen duur volgens ISO 8601", "extension '\(text)' is not an ISO 8601 duration")) }
                let key = Int64(bitPattern: hash)
                do {
                    try connection.run("INSERT INTO cases (case_key, case_type, start_date, end_date, deadline, extension, suspended) "
                                       + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                       [.integer(key), .text(type), .text(start), SQLValue(object["end_date"]?.string),
                                        SQLValue(object["deadline"]?.string), SQLValue(object["extension"]?.string),
                                        .integer(object["suspended"]?.bool == true ? 1 : 0)])
                    for (statusIndex, statusJSON) in (object["statuses"]?.array ?? []).enumerated() {
                        guard let status = statusJSON["status"]?.string, let atText = statusJSON["at"]?.string, let at = Timestamp(atText) else {
                            throw fail(Message("statuses[\(statusIndex)] heeft een status en een moment zoals 2015-03-12 09:14:00 nodig",
                                               "statuses[\(statusIndex)] needs a status and a moment like 2015-03-12 09:14:00"))
                        }
                        try connection.run("INSERT INTO case_statuses (case_key, at, status) VALUES (?, ?, ?)",
                                           [.integer(key), .integer(at.seconds), .text(status)])
                    }
                } catch let error as StoreError {
                    throw fail(.of(error))
                }
                count += 1
            }
        }
        return count
    }
}
