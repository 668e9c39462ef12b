import SixSteps
import Testing

/// The codebook and the coding of residents' comments: suggested by phrases, confirmed or
/// changed by a manager, counted per cycle, phase, channel and persona with suppression.
@Suite struct ThemeTests {
    static let codebook = [
        Theme(slug: "lange-wachttijd", name: "Lange wachttijd", description: nil, phrases: ["wachten", "in de wacht"]),
        Theme(slug: "geen-terugkoppeling", name: "Geen terugkoppeling", description: "Niets gehoord",
              phrases: ["niets meer gehoord", "geen bericht"]),
        Theme(slug: "snel-geholpen", name: "Snel geholpen", description: nil, phrases: ["snel geholpen"]),
    ]

    /// Comments 1–10 in the spring (C1), with their phase, channel and persona; 11–12 in the summer (C2).
    static let spring = """
        date;journey;phase;channel;persona;score;comment
        2014-03-10;mor;contact;telefoon;ouders;5;Lang in de wacht gestaan.
        2014-03-10;mor;contact;telefoon;ouders;4;Twintig minuten wachten.
        2014-03-11;mor;contact;balie;senioren;7;Moest even wachten, verder prima.
        2014-03-11;mor;afronding;web;ouders;4;Niets meer gehoord.
        2014-03-12;mor;afronding;web;senioren;3;Geen bericht gehad, en lang wachten.
        2014-03-12;mor;afronding;telefoon;ouders;6;De wachtruimte was vol.
        2014-03-13;mor;contact;web;ouders;9;Snel geholpen.
        2014-03-13;mor;contact;web;senioren;9;SNEL GEHOLPEN!
        2014-03-14;mor;afronding;web;ouders;8;
        2014-03-14;mor;contact;balie;senioren;5;Weer in de wacht.

        """
    static let summer = """
        date;journey;phase;channel;persona;score;comment
        2014-07-10;mor;contact;web;ouders;9;Snel geholpen.
        2014-07-11;mor;contact;web;ouders;9;Snel geholpen, dank.

        """

    static func prepare(_ file: RoadmapFile) throws {
        try file.makeJourney()
        try file.makeMetric("tevredenheid", extra: [.scaleMin: "1", .scaleMax: "10", .journey: "mor"])
        try file.add(.persona, slug: "ouders", input: [.name: "Drukke ouders"])
        try file.add(.persona, slug: "senioren", input: [.name: "Senioren"])
        try file.setPrivacyThreshold(2, allowSmallGroups: true)
        for theme in codebook { try file.saveTheme(theme, replace: false) }
        _ = try file.openCycle(name: "Voorjaar", start: "2014-03-01", end: "2014-06-30")
        _ = try file.importSurvey(CSVDocument(bytes: Array(spring.utf8)), path: "voorjaar.csv", metric: "tevredenheid",
                                  cycle: nil, rename: [:], dryRun: false)
    }

    static func themes(_ comment: CodedComment) -> [String] {
        comment.themes.map { "\($0.theme):\($0.state.rawValue)" }
    }

    @Test func phrasesSuggestAsWholeWordsIgnoringCase() {
        let theme = Self.codebook[0]
        #expect(theme.suggests("Lang WACHTEN aan de balie"))
        #expect(theme.suggests("in de wacht."))
        #expect(!theme.suggests("De wachtruimte was vol"))
        #expect(!theme.suggests("afwachten"))
    }

    @Test func suggestionsStayApartFromConfirmations() throws {
        try withRoadmap { file in
            try Self.prepare(file)
            let before = try file.codedComments()
            #expect(before.map(\.id) == [1, 2, 3, 4, 5, 6, 7, 8, 10])
            #expect(before.map(Self.themes) == [
                ["lange-wachttijd:suggested"], ["lange-wachttijd:suggested"], ["lange-wachttijd:suggested"],
                ["geen-terugkoppeling:suggested"], ["geen-terugkoppeling:suggested", "lange-wachttijd:suggested"], [],
                ["snel-geholpen:suggested"], ["snel-geholpen:suggested"], ["lange-wachttijd:suggested"],
            ])
            // A manager confirms one, rejects a wrong suggestion, adds one the phrases missed, and
            // changes one comment to a single theme.
            #expect(Self.themes(try file.codeComment(1, confirm: ["lange-wachttijd"], reject: [])) == ["lange-wachttijd:confirmed"])
            #expect(try file.codeComment(3, confirm: [], reject: ["lange-wachttijd"]).themes.isEmpty)
            #expect(Self.themes(try file.codeComment(6, confirm: ["lange-wachttijd"], reject: [])) == ["lange-wachttijd:confirmed"])
            let changed = try file.codeComment(5, confirm: ["geen-terugkoppeling"], reject: [], only: true)
            #expect(Self.themes(changed) == ["geen-terugkoppeling:confirmed"])
            #expect(changed.rejected == ["lange-wachttijd"])
            // Unknown themes and comments are refused, nothing written.
            #expect(throws: DomainError.self) { try file.codeComment(1, confirm: ["onbekend"], reject: []) }
            #expect(throws: DomainError.self) { try file.codeComment(9, confirm: ["lange-wachttijd"], reject: []) }
            #expect(throws: DomainError.self) { try file.codeComment(1, confirm: ["lange-wachttijd"], reject: ["lange-wachttijd"]) }
            #expect(Self.themes(try file.codedComments(ids: [1])[0]) == ["lange-wachttijd:confirmed"])
        }
    }

    @Test func countsPerGroupWithSuppressionAndChangeBetweenCycles() throws {
        try withRoadmap { file in
            try Self.prepare(file)
            _ = try file.codeComment(1, confirm: ["lange-wachttijd"], reject: [])
            _ = try file.codeComment(3, confirm: [], reject: ["lange-wachttijd"])
            _ = try file.codeComment(6, confirm: ["lange-wachttijd"], reject: [])
            _ = try file.codeComment(5, confirm: ["geen-terugkoppeling"], reject: [], only: true)
            _ = try file.closeCycle(nil, note: nil)
            _ = try file.openCycle(name: "Zomer", start: "2014-07-01", end: "2014-09-30")
            _ = try file.importSurvey(CSVDocument(bytes: Array(Self.summer.utf8)), path: "zomer.csv", metric: "tevredenheid",
                                      cycle: nil, rename: [:], dryRun: false)
            let link = try file.makeFinding("Melders horen niets", kind: "improve", phase: "afronding")
            try file.linkFindingThemes(link.ref, ["geen-terugkoppeling"], remove: false)

            let report = try file.themeReport()
            #expect(report.comments == 11)
            #expect(report.uncoded == 1)  // comment 3, its only suggestion rejected
            let summaries = Dictionary(uniqueKeysWithValues: report.themes.map { ($0.theme.slug, $0) })

            // Lange wachttijd: 1 (confirmed), 2, 6 (confirmed), 10 — four comments, two confirmed.
            let waiting = try #require(summaries["lange-wachttijd"])
            #expect(waiting.total == ThemeCell(label: "all", count: 4, confirmed: 2))
            // Per phase contact 3 (1, 2, 10) and afronding 1 (6): 1 is below the threshold of 2, and
            // the total would give it away, so contact is hidden too.
            #expect(waiting.byPhase.map(\.count) == [nil, nil])
            // Per channel balie 1 (10), telefoon 3: the same.
            #expect(waiting.byChannel.map(\.label) == ["balie", "telefoon"] && waiting.byChannel.allSatisfy(\.suppressed))

            // Geen terugkoppeling: 4 and 5 (confirmed), both in afronding on the web; F1's evidence.
            let silence = try #require(summaries["geen-terugkoppeling"])
            #expect(silence.total == ThemeCell(label: "all", count: 2, confirmed: 1))
            #expect(silence.byPhase == [ThemeCell(label: "afronding", count: 2, confirmed: 1)])
            #expect(silence.findings == [link.ref])

            // Snel geholpen: 2 of the 9 comments in the spring, 2 of 2 in the summer: +77.8 points.
            let quick = try #require(summaries["snel-geholpen"])
            #expect(quick.cycles.map(\.cycle) == ["C1", "C2"])
            #expect(quick.cycles.map(\.comments) == [9, 2])
            #expect(quick.cycles.map(\.cell.count) == [2, 2])
            #expect(quick.cycles.map(\.cell.confirmed) == [0, 0])
            #expect(abs((quick.cycles[1].change ?? 0) - (100 - 200.0 / 9)) < 1e-9)
            // Per persona: ouders 3 (7, 11, 12), senioren 1 (8): both hidden.
            #expect(quick.byPersona.map(\.suppressed) == [true, true])
        }
    }

    @Test func theCodebookTravelsAloneAndNeverOverwritesUnasked() throws {
        try withRoadmap { file in
            for theme in Self.codebook { try file.saveTheme(theme, replace: false) }
            let shared = try file.exportCodebook().serialized(pretty: true)
            try withRoadmap { other in
                let result = try other.importCodebook(shared, source: "codeboek.json", replace: false)
                #expect(result.added == ["geen-terugkoppeling", "lange-wachttijd", "snel-geholpen"])
                #expect(try other.themes() == (try file.themes()))
                // Importing the same again changes nothing; a differing theme needs --replace.
                #expect(try other.importCodebook(shared, source: "codeboek.json", replace: false).added.isEmpty)
                try other.saveTheme(Theme(slug: "snel-geholpen", name: "Snel", description: nil, phrases: ["vlot"]), replace: true)
                #expect(throws: DomainError.self) { try other.importCodebook(shared, source: "codeboek.json", replace: false) }
                #expect(try other.theme("snel-geholpen").phrases == ["vlot"])
                #expect(try other.importCodebook(shared, source: "codeboek.json", replace: true).changed == ["snel-geholpen"])
                #expect(try other.theme("snel-geholpen").phrases == ["snel geholpen"])
                #expect(throws: DomainError.self) { try other.importCodebook("{\"format\": \"x\"}", source: "x.json", replace: false) }
            }
        }
    }
}
