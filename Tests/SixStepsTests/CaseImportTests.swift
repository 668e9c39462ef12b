import Foundation
import SixSteps
import Testing

// A plain CSV of statuses as an older case system exports it, joined with contact registrations
// through the same key: the process of the journey, the contacts per overrun and the case
// metrics computed from it.

/// Twenty-four permit cases started in January 2015: the even ones decided in 10 days (within a
/// term of two weeks), the odd ones in 30 (past it), all in Behandeling from day 2. Dates in both
/// Dutch and ISO spellings.
private let statusFile: String = {
    var lines = ["\u{FEFF}Zaaknummer;Zaaktype;Status;Datum;Afdeling;Behandelaar"]
    for number in 1...24 {
        let start = 4 + number
        let decided = start + (number % 2 == 0 ? 10 : 30)
        func day(_ day: Int) -> String {
            let month = day > 31 ? 2 : 1
            let dayOfMonth = day > 31 ? day - 31 : day
            return number % 3 == 0 ? String(format: "2015-%02d-%02d 09:%02d", month, dayOfMonth, number)
                : String(format: "%02d-%02d-2015", dayOfMonth, month)
        }
        let zaak = "Z-2015-\(1000 + number)"
        lines.append("\(zaak);Omgevingsvergunning;Aanvraag ontvangen;\(day(start));Intake;Anne")
        lines.append("\(zaak);Omgevingsvergunning;In behandeling;\(day(start + 2));Vergunningen;Bert")
        lines.append("\(zaak);Omgevingsvergunning;Besluit verzonden;\(day(decided));Juridische Zaken;Cees")
    }
    return lines.joined(separator: "\r\n") + "\r\n"
}()

/// Two calls about each late case, one about every other case decided on time.
private let contactFile: String = {
    var lines = ["datum;kanaal;onderwerp;zaaknummer"]
    for number in 1...24 {
        let calls = number % 2 == 1 ? 2 : (number % 4 == 0 ? 1 : 0)
        for call in 0..<calls { lines.append("2015-02-0\(call + 1) 10:0\(number % 10);telefoon;Stand van zaken;Z-2015-\(1000 + number)") }
    }
    return lines.joined(separator: "\n") + "\n"
}()

private func csv(_ text: String) throws -> CSVDocument { try CSVDocument(bytes: Array(text.utf8)) }

private func prepare(_ file: RoadmapFile) throws {
    try file.makeJourney("vergunning", name: "Omgevingsvergunning aanvragen")
    try file.add(.cycle, input: [.name: "Eerste helft 2015", .status: "open", .startDate: "2015-01-01", .endDate: "2015-06-30"])
    try file.makeMetric("op-tijd", extra: [.unit: "%", .kind: "on-time", .journey: "vergunning"])
    try file.makeMetric("doorlooptijd", extra: [.unit: "dagen", .kind: "lead-time", .journey: "vergunning", .direction: "lower"])
}

@Suite("Case imports")
struct CaseImportTests {
    @Test("a status CSV with Dutch headers: case types, steps in the order cases pass them, departments, nothing in clear")
    func importsStatuses() throws {
        try withRoadmap { file in
            try prepare(file)
            let result = try file.importCases(try csv(statusFile), path: "statussen.csv", rename: [:], dryRun: false, key: { testKey })
            #expect(result.cases == 24 && result.newCases == 24 && result.statuses == 72 && result.newStatuses == 72)
            #expect(result.unlinkedTypes == ["Omgevingsvergunning"])
            let type = try #require(try file.caseTypes().first)
            #expect(type.steps.map(\.status) == ["Aanvraag ontvangen", "In behandeling", "Besluit verzonden"])
            #expect(type.steps.map(\.department) == ["Intake", "Vergunningen", "Juridische Zaken"])
            #expect(try !file.export().serialized(pretty: false).contains("Z-2015-"))
            let again = try file.importCases(try csv(statusFile), path: "statussen.csv", rename: [:], dryRun: false, key: { testKey })
            #expect(again.newCases == 0 && again.newStatuses == 0)
        }
    }

    @Test("the process of the journey: on-time share, the weakest link, contacts per overrun, and the case metrics")
    func process() throws {
        try withRoadmap { file in
            try prepare(file)
            _ = try file.importVolumes(try csv(contactFile), path: "contacten.csv", dryRun: false, key: { testKey })
            _ = try file.importCases(try csv(statusFile), path: "statussen.csv", rename: [:], dryRun: false, key: { testKey })
            _ = try file.setCaseType("omgevingsvergunning", journey: .some("vergunning"), term: "P2W")
            let process = try file.journeyProcess("vergunning")
            let cycle = try #require(process.types.first?.cycles.first)
            #expect(cycle.cases == 24 && cycle.decided == 24 && cycle.judged == 24 && cycle.onTime == 12)
            #expect(cycle.lead?.median == 20)
            // Without a norm, Behandeling is held to what it takes in the cases on time (8 days):
            // each late case spent 28 days there, 20 beyond; Aanvraag ontvangen took 2 days in all.
            #expect(cycle.weakestLink == "In behandeling")
            #expect(cycle.weakest?.step.department == "Vergunningen")
            #expect(cycle.weakest?.overrunDays == 12 * 20)
            let contacts = try #require(cycle.contacts)
            #expect(contacts.lateCases == 12 && contacts.lateMean == 2)
            #expect(contacts.onTimeCases == 12 && contacts.onTimeMean == 0.5)
            #expect((contacts.p ?? 1) < 0.05)
            let onTime = try #require(try file.records(.measurement, filter: [.metric: .text("op-tijd")]).first)
            #expect(onTime[.value].double == 50 && onTime[.n].int == 24)
            let lead = try #require(try file.records(.measurement, filter: [.metric: .text("doorlooptijd")]).first)
            #expect(lead[.value].double == 20 && lead[.n].int == 24)
            // A norm set by the manager changes the yardstick: 5 days for Behandeling.
            _ = try file.setCaseStep(type: "Omgevingsvergunning", status: "in behandeling",
                                     change: StepChange(phase: .some("uitvoering"), norm: .some(5)))
            let normed = try #require(try file.journeyProcess("vergunning").types.first?.cycles.first)
            #expect(normed.weakest?.overrunDays == 12 * 23 && normed.weakest?.overNormShare == 100)
            #expect(normed.weakest?.step.phase == "uitvoering")
        }
    }

    @Test("export and import carry the cases: the round trip gives the identical document")
    func roundTrip() throws {
        try withFolder { folder in
            let file = try RoadmapFile.create(path: folder.file("a.sqlite"), actor: "t", municipality: "M")
            try prepare(file)
            _ = try file.importCases(try csv(statusFile), path: "statussen.csv", rename: [:], dryRun: false, key: { testKey })
            _ = try file.setCaseType("Omgevingsvergunning", journey: .some("vergunning"), term: "P8W")
            let exported = try file.export().serialized(pretty: true)
            let copy = try RoadmapFile.create(path: folder.file("b.sqlite"), actor: "t", municipality: nil)
            try copy.importDocument(exported, source: "a.json", replace: false)
            #expect(try copy.export().serialized(pretty: true) == exported)
            #expect(try copy.caseTypes().first?.cases == 24)
        }
    }

    @Test("a file with problems writes nothing and names every problem")
    func refused() throws {
        try withRoadmap { file in
            try prepare(file)
            let bad = "zaaknummer;zaaktype;status;datum\nZ1;Vergunning;Ontvangen;31-02-2015\nZ2;;Ontvangen;2015-02-01\n"
            #expect(throws: DomainError.self) {
                try file.importCases(try csv(bad), path: "fout.csv", rename: [:], dryRun: false, key: { testKey })
            }
            do {
                _ = try file.importCases(try csv(bad), path: "fout.csv", rename: [:], dryRun: false, key: { testKey })
            } catch let error as DomainError {
                #expect("\(error)".contains("31-02-2015") && "\(error)".contains("zaaktype"))
                #expect(!"\(error)".contains("Z1") && !"\(error)".contains("Z2"))
            }
            #expect(try file.caseTypes().isEmpty)
        }
    }
}
