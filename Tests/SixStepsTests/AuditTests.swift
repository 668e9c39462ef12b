import SixSteps
import Store
import Testing

/// The audit trail: every change says who made it and what the record was before and after.
@Suite struct AuditTests {
    private func parsed(_ text: String?) throws -> JSON? {
        guard let text else { return nil }
        return try JSON.parse(text)
    }

    @Test func aNewRoadmapLogsOnlyItsMunicipality() throws {
        try withRoadmap(actor: "wethouder") { file throws in
            let log = try file.log()
            #expect(log.count == 1)
            #expect(log.first?.action == "set")
            #expect(log.first?.record == "setting:municipality")
            #expect(log.first?.who == "wethouder")
            #expect(log.first?.after == "\"Molensloot\"")
        }
        try withRoadmap(municipality: nil) { file throws in
            #expect(try file.log().isEmpty)
        }
    }

    @Test func addEditRemoveAndLinkAreEachLoggedWithBeforeAndAfter() throws {
        try withRoadmap(actor: "anna") { file throws in
            let start = try file.auditLength()
            let journey = try file.makeJourney()
            // A journey with five phases: one entry for the journey, one per phase.
            #expect(try file.auditLength() == start + 6)

            let finding = try file.makeFinding("Geen bevestiging", severity: 4)
            var entry = try #require(try file.log(limit: 1).first)
            #expect((entry.action, entry.record, entry.who) == ("add", "F1", "anna"))
            #expect(entry.summary == "added finding F1 \"Geen bevestiging\"")
            #expect(entry.before == nil)
            #expect(try parsed(entry.after) == .object(finding.json))
            #expect(try parsed(entry.after)?["severity"] == .int(4))
            #expect(entry.at.count == 20 && entry.at.hasSuffix("Z"))

            let edited = try file.edit(.finding, "F1", input: [.severity: "5", .evidence: "12 klachten"])
            entry = try #require(try file.log(limit: 1).first)
            #expect((entry.action, entry.record, entry.who) == ("edit", "F1", "anna"))
            #expect(entry.summary == "changed severity, evidence of finding F1 \"Geen bevestiging\"")
            #expect(try parsed(entry.before) == .object(finding.json))
            #expect(try parsed(entry.after) == .object(edited.json))
            #expect(try parsed(entry.before)?["severity"] == .int(4))
            #expect(try parsed(entry.after)?["severity"] == .int(5))

            try file.makeOpportunity("Bevestiging sturen", impact: 4, effort: 2)
            try file.link(.opportunityFinding, from: "O1", to: ["F1"])
            entry = try #require(try file.log(limit: 1).first)
            #expect((entry.action, entry.record, entry.who) == ("link", "O1", "anna"))
            #expect(entry.summary == "linked O1 to F1")
            #expect(entry.before == nil)
            #expect(try parsed(entry.after) == JSON.parse(#"{"opportunity":"O1","finding":"F1"}"#))

            try file.unlink(.opportunityFinding, from: "O1", to: ["F1"])
            entry = try #require(try file.log(limit: 1).first)
            #expect((entry.action, entry.record, entry.summary) == ("unlink", "O1", "unlinked O1 from F1"))
            #expect(try parsed(entry.before) == JSON.parse(#"{"opportunity":"O1","finding":"F1"}"#))
            #expect(entry.after == nil)

            try file.remove(.finding, "F1", force: false)
            entry = try #require(try file.log(limit: 1).first)
            #expect((entry.action, entry.record, entry.who) == ("remove", "F1", "anna"))
            #expect(try parsed(entry.before) == .object(edited.json))
            #expect(entry.after == nil)

            // The history of one record, newest first.
            #expect(try file.log(record: "F1").map(\.action) == ["remove", "edit", "add"])
            #expect(try file.log(record: "mor").map(\.action) == Array(repeating: "add", count: 6))
            #expect(try file.log(record: "mor").last?.summary == "added journey \(journey.label)")
        }
    }

    @Test func theActorIsWhoeverOpenedTheFile() throws {
        try withFolder { folder throws in
            let path = folder.file("roadmap.sqlite")
            let first = try RoadmapFile.create(path: path, actor: "anna", municipality: nil)
            try first.add(.principle, input: [.title: "Eén keer vragen"])
            let second = try RoadmapFile.open(path: path, actor: "bram")
            try second.edit(.principle, "P1", input: [.title: "Eén keer vragen, altijd"])
            let log = try second.log()
            #expect(log.map(\.who) == ["bram", "anna"])
            #expect(log.map(\.action) == ["edit", "add"])
            #expect(try first.log().map(\.who) == ["bram", "anna"])
        }
    }

    @Test func anEditThatChangesNothingIsNotLogged() throws {
        try withRoadmap { file throws in
            try file.add(.spearhead, input: [.title: "Snel"])
            let length = try file.auditLength()
            try file.edit(.spearhead, "S1", input: [.title: "Snel"])
            try file.edit(.spearhead, "S1", input: [:])
            #expect(try file.auditLength() == length)
        }
    }

    @Test func aForcedRemovalLogsEveryChangeItMakes() throws {
        try withRoadmap(actor: "carla") { file throws in
            try file.add(.spearhead, input: [.title: "Snel"])
            try file.makeOpportunity("a", impact: 3, effort: 3, spearhead: "S1")
            try file.makeOpportunity("b", impact: 3, effort: 3, spearhead: "S1")
            let length = try file.auditLength()
            try file.remove(.spearhead, "S1", force: true)
            let entries = try file.log(limit: 10).prefix(try file.auditLength() - length)
            #expect(entries.map(\.action) == ["remove", "edit", "edit"])
            #expect(entries.map(\.record) == ["S1", "O2", "O1"])
            #expect(entries.allSatisfy { $0.who == "carla" })
            let edit = try #require(entries.last)
            #expect(try parsed(edit.before)?["spearhead"] == .string("S1"))
            #expect(try parsed(edit.after)?["spearhead"] == .null)
        }
    }

    @Test func limitAndOrderOfTheLog() throws {
        try withRoadmap(municipality: nil) { file throws in
            for n in 1...5 { try file.add(.principle, input: [.title: "p\(n)"]) }
            let log = try file.log(limit: 3)
            #expect(log.map(\.record) == ["P5", "P4", "P3"])
            #expect(log.map(\.id) == log.map(\.id).sorted(by: >))
            let json = try #require(log.first).json
            #expect(json["action"] == .string("add"))
            #expect(json["before"] == .null)
            #expect(json["after"]?["title"] == .string("p5"))
        }
    }

    @Test func aRefusedChangeLeavesNoTrace() throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            let length = try file.auditLength()
            #expect(throws: DomainError.self) { try file.makeFinding("x", severity: 9) }
            #expect(throws: DomainError.self) { try file.addJourney(slug: "mor", input: [.name: "dubbel"]) }
            #expect(throws: DomainError.self) { try file.remove(.journey, "nope", force: true) }
            #expect(try file.auditLength() == length)
        }
    }
}
