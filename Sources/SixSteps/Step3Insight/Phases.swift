import Store

/// A phase of a customer journey: a column of the journey map.
public struct Phase: Sendable, Equatable {
    public let journey: String
    public let slug: String
    public let name: String
    public let position: Int

    var json: JSONObject { JSONObject([("slug", .string(slug)), ("name", .string(name))]) }
}

extension RoadmapFile {
    public func phases(of journey: String) throws -> [Phase] {
        try connection.query(
            "SELECT slug, name, position FROM journey_phases WHERE journey = ? ORDER BY position", [.text(journey)]
        ).map { Phase(journey: journey, slug: $0.string(0), name: $0.string(1), position: Int($0.int(2))) }
    }

    /// Adds a journey with the method's five phases, or with the phases given as `slug:Name`.
    @discardableResult
    public func addJourney(slug: String, input: [FieldKey: String], phases: [(slug: String, name: String)]? = nil) throws -> Record {
        try write {
            let journey = try add(.journey, slug: slug, input: input)
            for phase in phases ?? Self.defaultPhases {
                try addPhase(journey: slug, slug: phase.slug, name: phase.name)
            }
            return journey
        }
    }

    /// Adds a phase at a 1-based position, or at the end.
    public func addPhase(journey: String, slug: String, name: String, position: Int? = nil) throws {
        try write {
            _ = try record(.journey, journey)
            try validateSlug(slug)
            guard try !phases(of: journey).contains(where: { $0.slug == slug }) else {
                throw DomainError.inconsistent(Message("klantreis '\(journey)' heeft al een fase '\(slug)'; kies een andere slug", "journey '\(journey)' already has a phase '\(slug)'; choose another slug"))
            }
            try insertPhase(journey: journey, slug: slug, name: name, at: position)
        }
    }

    private func insertPhase(journey: String, slug: String, name: String, at position: Int?) throws {
        let count = try phases(of: journey).count
        let target = min(max(position ?? count + 1, 1), count + 1)
        try connection.run("UPDATE journey_phases SET position = position + 1 WHERE journey = ? AND position >= ?",
                           [.text(journey), .integer(Int64(target))])
        try connection.run("INSERT INTO journey_phases (journey, slug, name, position) VALUES (?, ?, ?, ?)",
                           [.text(journey), .text(slug), .text(name), .integer(Int64(target))])
        try audit(action: "add", record: journey, summary: "added phase \(slug) \"\(name)\" to journey \(journey) at \(target)",
                  before: nil, after: .object(Phase(journey: journey, slug: slug, name: name, position: target).json))
    }

    private func phase(_ journey: String, _ slug: String) throws -> Phase {
        _ = try record(.journey, journey)
        let phases = try phases(of: journey)
        guard let phase = phases.first(where: { $0.slug == slug }) else {
            throw DomainError.unknownPhase(journey: journey, phase: slug, phases: phases.map(\.slug))
        }
        return phase
    }

    /// Renames a phase, moves it, or both. Records in the phase follow a new slug.
    public func editPhase(journey: String, slug: String, newSlug: String?, name: String?, position: Int?) throws {
        try write {
            let before = try phase(journey, slug)
            var current = before
            if let newSlug, newSlug != slug {
                try validateSlug(newSlug)
                guard try !phases(of: journey).contains(where: { $0.slug == newSlug }) else {
                    throw DomainError.inconsistent(Message("klantreis '\(journey)' heeft al een fase '\(newSlug)'; kies een andere slug", "journey '\(journey)' already has a phase '\(newSlug)'"))
                }
                try connection.run("UPDATE journey_phases SET slug = ? WHERE journey = ? AND slug = ?",
                                   [.text(newSlug), .text(journey), .text(slug)])
                // The steps of the case types serving the journey follow their phase's new slug.
                try connection.run("UPDATE case_steps SET phase = ? WHERE phase = ? AND case_type IN (SELECT ref FROM case_types WHERE journey = ?)",
                                   [.text(newSlug), .text(slug), .text(journey)])
                current = Phase(journey: journey, slug: newSlug, name: current.name, position: current.position)
            }
            if let name {
                try connection.run("UPDATE journey_phases SET name = ? WHERE journey = ? AND slug = ?",
                                   [.text(name), .text(journey), .text(current.slug)])
                current = Phase(journey: journey, slug: current.slug, name: name, position: current.position)
            }
            if let position {
                let count = try phases(of: journey).count
                let target = min(max(position, 1), count)
                try connection.run("UPDATE journey_phases SET position = -1 WHERE journey = ? AND slug = ?",
                                   [.text(journey), .text(current.slug)])
                try connection.run("UPDATE journey_phases SET position = position - 1 WHERE journey = ? AND position > ?",
                                   [.text(journey), .integer(Int64(current.position))])
                try connection.run("UPDATE journey_phases SET position = position + 1 WHERE journey = ? AND position >= ?",
                                   [.text(journey), .integer(Int64(target))])
                try connection.run("UPDATE journey_phases SET position = ? WHERE journey = ? AND slug = ?",
                                   [.integer(Int64(target)), .text(journey), .text(current.slug)])
                current = Phase(journey: journey, slug: current.slug, name: current.name, position: target)
            }
            guard current != before else { return }
            try audit(action: "edit", record: journey, summary: "changed phase \(slug) of journey \(journey)",
                      before: .object(before.json), after: .object(current.json))
        }
    }

    /// Removes a phase. Findings and touchpoints cannot be without one; metrics lose theirs only
    /// with `force`.
    public func removePhase(journey: String, slug: String, force: Bool) throws {
        try write {
            let phase = try phase(journey, slug)
            let filter: [FieldKey: SQLValue] = [.journey: .text(journey), .phase: .text(slug)]
            let needed = try records(.finding, filter: filter) + records(.touchpoint, filter: filter)
            if !needed.isEmpty {
                throw DomainError.needed(record: "phase \(journey)/\(slug)", by: needed.map(\.ref))
            }
            let metrics = try records(.metric, filter: filter)
            if !metrics.isEmpty && !force {
                throw DomainError.linked(record: "phase \(journey)/\(slug)", links: metrics.map(\.ref))
            }
            for metric in metrics {
                var after = metric
                after[.phase] = .null
                try update(before: metric, after: after)
            }
            // A case step keeps its place in the process; it only loses the phase it was drawn under.
            try connection.run("UPDATE case_steps SET phase = NULL WHERE phase = ? AND case_type IN (SELECT ref FROM case_types WHERE journey = ?)",
                               [.text(slug), .text(journey)])
            try connection.run("DELETE FROM journey_phases WHERE journey = ? AND slug = ?", [.text(journey), .text(slug)])
            try connection.run("UPDATE journey_phases SET position = position - 1 WHERE journey = ? AND position > ?",
                               [.text(journey), .integer(Int64(phase.position))])
            try audit(action: "remove", record: journey, summary: "removed phase \(slug) from journey \(journey)",
                      before: .object(phase.json), after: nil)
        }
    }
}
