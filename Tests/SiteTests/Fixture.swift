import Foundation
import SixSteps
import Site

/// A roadmap that fills every page of the site, with text that tries to become markup in every
/// field a person can type.
enum Fixture {
    static let payload = #"<script>alert("x")</script> 'quotes' & <img src=x onerror=alert(1)>"#

    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("molensloot-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every text field gets `text(...)`: a Dutch phrase with the payload after it.
    static func roadmap(in folder: URL) throws -> RoadmapFile {
        func text(_ phrase: String) -> String { "\(phrase) \(payload)" }
        let file = try RoadmapFile.create(path: folder.appendingPathComponent("roadmap.sqlite").path, actor: "test",
                                          municipality: text("Gemeente Molensloot"))
        try file.setVision(text("Inwoners regelen hun zaken in één keer goed."))
        try file.add(.principle, input: [.title: text("Niet laten zoeken"), .description: text("Uitleg")])
        try file.add(.persona, slug: "ouders", input: [.name: text("Drukke ouders"), .description: text("Werken"), .channels: "app,web"])
        try file.add(.channel, slug: "chat", input: [.name: text("Chat"), .description: text("Webchat")])
        try file.addJourney(slug: "mor", input: [.name: text("Melding openbare ruimte"), .description: text("Melden")])
        try file.addJourney(slug: "leeg", input: [.name: text("Lege reis")], phases: [("stap", text("Enige fase"))])
        try file.add(.metric, slug: "tevredenheid", input: [
            .name: text("Tevredenheid"), .unit: "cijfer", .scaleMin: "1", .scaleMax: "10", .baseline: "6,4",
            .target: "7,5", .targetDate: "2014-12-31", .journey: "mor", .description: text("Gemeten met een enquête"),
        ])
        try file.add(.metric, slug: "terug", input: [.name: text("Bericht gekregen"), .unit: "%", .baseline: "39", .target: "80",
                                                   .journey: "mor", .phase: "afronding"])
        try file.add(.metric, slug: "doorlooptijd", input: [.name: text("Doorlooptijd"), .unit: "dagen", .direction: "lower",
                                                          .baseline: "12", .target: "7"])
        try file.add(.goal, input: [.title: text("Een 7,5"), .metric: "tevredenheid", .target: "7,5", .targetDate: "2014-12-31",
                                    .description: text("Doel")])
        for kind in ["trend", "need", "wish", "requirement", "usage"] {
            try file.add(.insight, input: [.kind: kind, .title: text("Inzicht \(kind)"), .description: text("Meer"),
                                           .source: text("Bron"), .journey: "mor", .persona: "ouders", .channel: "app"])
        }
        try file.add(.touchpoint, input: [.title: text("Melding doen"), .journey: "mor", .phase: "contact", .channel: "app",
                                          .momentOfTruth: "yes", .description: text("In de app")])
        try file.add(.touchpoint, input: [.title: text("Bericht na afloop"), .journey: "mor", .phase: "afronding", .channel: "e-mail"])
        try file.add(.finding, input: [.kind: "improve", .title: text("Melders horen niets"), .touchpoint: "T2", .severity: "5",
                                       .persona: "ouders", .channel: "e-mail", .source: text("Enquête"), .evidence: text("61%"),
                                       .description: text("Lang verhaal")])
        try file.add(.finding, input: [.kind: "good", .title: text("Melden gaat snel"), .touchpoint: "T1", .severity: "2"])
        try file.add(.finding, input: [.kind: "improve", .title: text("Niemand pakt het op"), .journey: "mor", .phase: "uitvoering", .severity: "4"])
        try file.add(.finding, input: [.kind: "improve", .title: text("Nog niet opgepakt"), .journey: "leeg", .phase: "stap", .severity: "1"])
        try file.add(.spearhead, input: [.title: text("Op de hoogte houden"), .description: text("Speerpunt")])
        try file.add(.opportunity, input: [.title: text("Statusberichten"), .description: text("Automatisch"), .impact: "4",
                                           .effort: "2", .reach: "4", .confidence: "80", .spearhead: "S1"])
        try file.add(.opportunity, input: [.title: text("Vaste behandelaar"), .impact: "3", .effort: "4"])
        try file.add(.opportunity, input: [.title: text("Nog niet gepland"), .impact: "1", .effort: "5"])
        try file.link(.opportunityFinding, from: "O1", to: ["F1"])
        try file.link(.opportunityFinding, from: "O2", to: ["F3"])
        try file.add(.item, input: [.title: text("Statusberichten versturen"), .description: text("Uit het zaaksysteem"),
                                    .owner: text("Jeske"), .team: text("KCC"), .horizon: "now", .status: "done",
                                    .startDate: "2014-02-01", .dueDate: "2014-06-30", .doneDate: "2014-08-01"])
        try file.add(.item, input: [.title: text("Koppeling zaaksysteem"), .horizon: "now", .status: "doing",
                                    .startDate: "2014-04-01", .dueDate: "2014-10-31"])
        try file.add(.item, input: [.title: text("Vaste behandelaar per wijk"), .horizon: "next", .status: "planned"])
        try file.add(.item, input: [.title: text("Schrijfwijzer"), .horizon: "later", .status: "idea"])
        try file.add(.item, input: [.title: text("Geschrapt plan"), .horizon: "later", .status: "dropped"])
        try file.link(.itemOpportunity, from: "R1", to: ["O1"])
        try file.link(.itemOpportunity, from: "R2", to: ["O1"])
        try file.link(.itemOpportunity, from: "R3", to: ["O2"])
        try file.link(.itemMetric, from: "R1", to: ["tevredenheid"], expectedChange: 0.5)
        try file.link(.itemMetric, from: "R1", to: ["terug"], expectedChange: 20)
        try file.link(.itemMetric, from: "R3", to: ["doorlooptijd"], expectedChange: -3)
        try file.link(.itemDependency, from: "R1", to: ["R2"])
        try file.add(.agreement, input: [.who: text("Teamleider"), .what: text("Bespreken"), .cadence: text("Elke week"), .item: "R1"])

        try file.openCycle(name: text("Voorjaar 2014"), start: "2014-01-01", end: "2014-06-30")
        _ = try file.importSurvey(try survey(mean: 6, count: 40, phase: "contact"), path: "voorjaar.csv", metric: "tevredenheid",
                              cycle: nil, rename: [:], dryRun: false)
        try file.measure(metric: "terug", value: "45", n: "180")
        try file.measure(metric: "doorlooptijd", value: "11", n: "400", sd: "6")
        try file.closeCycle(nil, note: text("Goed begonnen"))
        try file.openCycle(name: text("Najaar 2014"), start: "2014-07-01", end: "2014-12-31")
        _ = try file.importSurvey(try survey(mean: 8, count: 40, phase: "afronding", month: "2014-09"), path: "najaar.csv", metric: "tevredenheid",
                              cycle: nil, rename: [:], dryRun: false)
        try file.measure(metric: "terug", value: "71", n: "190", source: text("Telling"), note: text("Let op"))
        let comments = try file.surveyComments(metric: nil, cycle: nil)
        try file.setQuotable(comments.prefix(2).map(\.id), true)
        let volumes = "period;channel;reason;count\n2014-01;telefoon;\(csvQuoted(text("Melding")));400\n"
            + "2014-01;app;Afval;100\n2014-02;telefoon;Afval;350\n2014-02;app;\(csvQuoted(text("Melding")));180\n"
        _ = try file.importVolumes(try CSVDocument(bytes: Array(volumes.utf8)), path: "volumes.csv", dryRun: false)
        try Theme.save(to: file, name: text("Dienstverlening Molensloot"), primary: "#00548c", logo: nil, removeLogo: false)
        return file
    }

    static func csvQuoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// Responses whose scores spread around `mean`; every eighth one from a persona group that
    /// stays under the privacy threshold, every tenth with a comment carrying the payload.
    static func survey(mean: Int, count: Int, phase: String, month: String = "2014-03") throws -> CSVDocument {
        var lines = ["date;journey;phase;channel;persona;score;comment"]
        for index in 0..<count {
            let score = max(1, min(10, mean + (index % 5) - 2))
            let persona = index % 8 == 0 ? "ouders" : ""
            let comment = index % 10 == 0 ? csvQuoted("Opmerking \(index) \(payload)") : ""
            lines.append("\(month)-\(String(format: "%02d", index % 28 + 1));mor;\(phase);app;\(persona);\(score);\(comment)")
        }
        return try CSVDocument(bytes: Array(lines.joined(separator: "\n").utf8))
    }
}

/// One key file for the contact imports of this test process, in its own folder.
let testKey: PseudonymKey = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("molensloot-key-\(UUID().uuidString)").path
    return try! PseudonymKey.create(path: folder + "/pseudonym.key")
}()
