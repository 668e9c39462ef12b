import Store

/// A zaaktype as the roadmap knows it: its term, the journey it serves and its steps.
public struct CaseType: Sendable, Equatable {
    public let ref: String
    public let name: String
    public let url: String?
    /// The doorlooptijd, as written (ISO 8601).
    public let term: String?
    public let serviceNorm: String?
    public let journey: String?
    /// Its steps in the order of their position.
    public let steps: [CaseStep]
    public let cases: Int

    public var json: JSONObject {
        JSONObject([
            ("ref", .string(ref)), ("name", .string(name)), ("url", url.map(JSON.string) ?? .null),
            ("term", term.map(JSON.string) ?? .null), ("service_norm", serviceNorm.map(JSON.string) ?? .null),
            ("journey", journey.map(JSON.string) ?? .null), ("cases", .int(Int64(cases))),
            ("steps", .array(steps.map { .object($0.json) })),
        ])
    }
}

extension CaseStep {
    var json: JSONObject {
        JSONObject([
            ("status", .string(status)), ("position", .int(Int64(position))), ("phase", phase.map(JSON.string) ?? .null),
            ("department", department.map(JSON.string) ?? .null), ("norm_days", norm.map(JSON.double) ?? .null),
            ("norm_working_days", .bool(normWorking)), ("stops_clock", .bool(stopsClock)),
        ])
    }
}

/// A change to a step's mapping, as `case step` gives it; nil leaves a field as it is.
public struct StepChange: Sendable {
    public var phase: String??
    public var department: String??
    public var norm: Double??
    public var normWorking: Bool?
    public var stopsClock: Bool?

    public init(phase: String?? = nil, department: String?? = nil, norm: Double?? = nil, normWorking: Bool? = nil,
                stopsClock: Bool? = nil) {
        self.phase = phase
        self.department = department
        self.norm = norm
        self.normWorking = normWorking
        self.stopsClock = stopsClock
    }
}

extension RoadmapFile {
    public func caseTypes() throws -> [CaseType] {
        try read { try caseTypesInside() }
    }

    func caseTypesInside() throws -> [CaseType] {
        let counts = try connection.query("SELECT case_type, count(*) FROM cases GROUP BY case_type")
            .reduce(into: [String: Int]()) { $0[$1.string(0)] = Int($1.int(1)) }
        var steps: [String: [CaseStep]] = [:]
        for row in try connection.query("SELECT case_type, status, position, phase, department, norm_days, norm_working, stops_clock "
                                         + "FROM case_steps ORDER BY case_type, position, status") {
            steps[row.string(0), default: []].append(CaseStep(
                status: row.string(1), position: Int(row.int(2)), phase: row.optionalString(3), department: row.optionalString(4),
                norm: row.optionalDouble(5), normWorking: row.int(6) == 1, stopsClock: row.int(7) == 1))
        }
        return try connection.query("SELECT ref, name, url, term, service_norm, journey FROM case_types ORDER BY ref").map { row in
            CaseType(ref: row.string(0), name: row.string(1), url: row.optionalString(2), term: row.optionalString(3),
                     serviceNorm: row.optionalString(4), journey: row.optionalString(5), steps: steps[row.string(0)] ?? [],
                     cases: counts[row.string(0)] ?? 0)
        }
    }

    /// The case type named by its ref or its name (folded, so accents and case do not matter).
    func caseType(_ spelled: String) throws -> CaseType {
        let types = try caseTypesInside()
        let folded = ImportVocabulary.fold(spelled)
        if let found = types.first(where: { $0.ref == spelled }) ?? types.first(where: {
            ImportVocabulary.fold($0.ref) == folded || ImportVocabulary.fold($0.name) == folded
        }) {
            return found
        }
        let known = types.map(\.ref)
        let listed = known.prefix(12).joined(separator: ", ")
        throw DomainError.inconsistent(known.isEmpty
            ? Message("er is geen zaaktype '\(spelled)'; importeer eerst zaken met 'molensloot case import BESTAND'",
                      "unknown case type '\(spelled)'; import cases first with 'molensloot case import FILE'")
            : Message("er is geen zaaktype '\(spelled)'; bekend zijn: \(listed)", "unknown case type '\(spelled)'; known: \(listed)"))
    }

    /// Links a case type to a journey (nil: unlinks it) and sets its term (the doorlooptijd, as
    /// ISO 8601 or a number of days), when given.
    public func setCaseType(_ spelled: String, journey: String??, term: String?) throws -> CaseType {
        try write {
            let type = try caseType(spelled)
            if let journey {
                if let slug = journey { _ = try record(.journey, slug) }
                try connection.run("UPDATE case_types SET journey = ? WHERE ref = ?", [SQLValue(journey), .text(type.ref)])
                // Phases belong to a journey: under another journey, or none, the steps' phases are cleared.
                if journey != type.journey {
                    try connection.run("UPDATE case_steps SET phase = NULL WHERE case_type = ?", [.text(type.ref)])
                }
            }
            if let term {
                guard let duration = ISODuration(term) ?? Int(term).map({ ISODuration(days: $0) }), term.count <= 20 else {
                    throw DomainError.invalidValue(field: "term", value: term, expected: "an ISO 8601 duration such as P8W or P56D, or a number of days")
                }
                try connection.run("UPDATE case_types SET term = ? WHERE ref = ?", [.text(duration.description), .text(type.ref)])
            }
            let updated = try caseType(type.ref)
            try audit(action: "edit", record: "case type \(type.ref)", summary: "changed case type \(type.ref)",
                      before: .object(type.json), after: .object(updated.json))
            try refreshCaseMetrics(source: "case type \(type.ref)")
            return updated
        }
    }

    /// Sets how a step of a case type maps onto the method: its journey phase, its department,
    /// its norm and whether it stops the clock.
    public func setCaseStep(type spelledType: String, status spelledStatus: String, change: StepChange) throws -> CaseStep {
        try write {
            let type = try caseType(spelledType)
            let folded = ImportVocabulary.fold(spelledStatus)
            guard var step = type.steps.first(where: { $0.status == spelledStatus })
                    ?? type.steps.first(where: { ImportVocabulary.fold($0.status) == folded }) else {
                let statuses = type.steps.map(\.status).joined(separator: ", ")
                throw DomainError.inconsistent(Message("zaaktype \(type.ref) heeft geen status '\(spelledStatus)'; de statussen zijn \(statuses)",
                                                       "case type \(type.ref) has no status '\(spelledStatus)'; its statuses are \(statuses)"))
            }
            let before = step
            if let phase = change.phase {
                if let phase {
                    guard let journey = type.journey else {
                        throw DomainError.inconsistent(Message(
                            "zaaktype \(type.ref) hoort nog bij geen klantreis, dus de stappen hebben geen fasen; "
                                + "koppel het eerst met 'molensloot case type \(type.ref) --journey SLUG'",
                            "case type \(type.ref) serves no journey yet, so its steps have no phases; "
                                + "link it first with 'molensloot case type \(type.ref) --journey SLUG'"))
                    }
                    let phases = try phases(of: journey)
                    let plain = ImportVocabulary.fold(phase)
                    guard let found = phases.first(where: { ImportVocabulary.fold($0.slug) == plain || ImportVocabulary.fold($0.name) == plain }) else {
                        throw DomainError.unknownPhase(journey: journey, phase: phase, phases: phases.map(\.slug))
                    }
                    step.phase = found.slug
                } else {
                    step.phase = nil
                }
            }
            if let department = change.department {
                if let department { try TextRules.check(department, field: "department") }
                step.department = department.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0.trimmingSpaces }
            }
            if let norm = change.norm {
                if let norm, !(norm.isFinite && norm >= 0 && norm <= 3_650) {
                    throw DomainError.invalidValue(field: "norm", value: "\(norm)", expected: "a number of days from 0 to 3650")
                }
                step.norm = norm
            }
            if let working = change.normWorking { step.normWorking = working }
            if let stops = change.stopsClock { step.stopsClock = stops }
            try connection.run("UPDATE case_steps SET phase = ?, department = ?, norm_days = ?, norm_working = ?, stops_clock = ? "
                               + "WHERE case_type = ? AND status = ?",
                               [SQLValue(step.phase), SQLValue(step.department), SQLValue(step.norm), .integer(step.normWorking ? 1 : 0),
                                .integer(step.stopsClock ? 1 : 0), .text(type.ref), .text(step.status)])
            try audit(action: "edit", record: "case step \(type.ref)/\(step.status)", summary: "changed step \(step.status) of \(type.ref)",
                      before: .object(before.json), after: .object(step.json))
            try refreshCaseMetrics(source: "case type \(type.ref)")
            return step
        }
    }

    /// Every case of a type with its statuses, as the lead-time computation reads them.
    func caseHistories(type: CaseType) throws -> [CaseHistory] {
        let term = type.term.flatMap { ISODuration($0) }
        var histories: [Int64: CaseHistory] = [:]
        var order: [Int64] = []
        for row in try connection.query("SELECT case_key, start_date, end_date, deadline, extension, suspended FROM cases "
                                        + "WHERE case_type = ? ORDER BY start_date, case_key", [.text(type.ref)]) {
            guard let start = ISODate(row.string(1)) else { continue }
            let key = row.int(0)
            histories[key] = CaseHistory(key: key, start: start, end: row.optionalString(2).flatMap { ISODate($0) }, term: term,
                                         deadline: row.optionalString(3).flatMap { ISODate($0) },
                                         extendedBy: row.optionalString(4).flatMap { ISODuration($0) }, suspended: row.int(5) == 1)
            order.append(key)
        }
        for row in try connection.query("SELECT s.case_key, s.at, s.status FROM case_statuses s JOIN cases c ON c.case_key = s.case_key "
                                        + "WHERE c.case_type = ?", [.text(type.ref)]) {
            histories[row.int(0)]?.statuses.append((at: row.int(1), status: row.string(2)))
        }
        return order.compactMap { histories[$0] }
    }
}
