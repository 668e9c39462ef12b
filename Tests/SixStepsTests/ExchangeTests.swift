import SixSteps
import Store
import Testing

/// Export and import: the round trip, and every way a document can be refused.
@Suite struct ExchangeTests {
    /// Every kind with a few records: unicode, quotes, markup, decimals, flags, slug lists,
    /// custom and moved phases, links with and without expected changes, dependencies that
    /// point to later items, and a gap in the finding ids.
    private func richRoadmap(_ file: RoadmapFile) throws {
        try file.setVision("Inwoners staan centraal — \"altijd\" <script>alert('x')</script>\nTweede regel\tmet tab",
                           on: date("2014-02-03"))
        var model = try #require(ScoringModel.presets.first).model
        model.weights.severity = 2.5
        try file.setScoringModel(model)

        try file.add(.channel, slug: "whatsapp", input: [.name: "WhatsApp 💬", .description: "Chat via \"WhatsApp\""])
        try file.add(.persona, slug: "drukke-ouders", input: [.name: "Drukke ouders", .channels: "app,whatsapp,web"])
        try file.add(.persona, slug: "senioren", input: [.name: "Senioren", .description: "Ouderen (75+) — liever de balie"])
        try file.addJourney(slug: "mor", input: [.name: "Melding openbare ruimte"])
        try file.addJourney(slug: "verhuizen", input: [.name: "Verhuizen", .description: "Één keer doorgeven"],
                            phases: [(slug: "melden", name: "Melden"), (slug: "bevestigen", name: "Bevestigen"), (slug: "klaar", name: "Klaar")])
        try file.addPhase(journey: "mor", slug: "wachten", name: "Wachten ⏳", position: 3)
        try file.editPhase(journey: "verhuizen", slug: "klaar", newSlug: nil, name: nil, position: 1)
        try file.add(.touchpoint, input: [.title: "Meldformulier <b>web</b>", .journey: "mor", .phase: "contact",
                                          .channel: "web", .momentOfTruth: "ja"])
        try file.add(.touchpoint, input: [.title: "Terugbelverzoek", .journey: "verhuizen", .phase: "bevestigen",
                                          .channel: "telefoon"])
        try file.makeMetric("csat", extra: [.name: "Tevredenheid melding", .baseline: "7,8", .scaleMin: "1", .scaleMax: "10",
                                            .target: "8.25", .targetDate: "2015-12-31", .journey: "mor", .phase: "contact"])
        try file.makeMetric("doorlooptijd", extra: [.unit: "dagen", .direction: "lower", .baseline: "12.5", .target: "5"])
        try file.makeMetric("nps", extra: [.unit: "score", .scaleMin: "-100", .scaleMax: "100"])
        try file.add(.principle, input: [.title: "Eén keer vragen", .description: "Wat we weten, vragen we niet opnieuw"])
        try file.add(.principle, input: [.title: "Digitaal waar het kan, persoonlijk waar het moet"])
        try file.add(.goal, input: [.title: "Tevreden melders", .metric: "csat", .target: "8.25", .targetDate: "2015-12-31"])
        try file.add(.insight, input: [.kind: "need", .title: "Terugkoppeling", .persona: "drukke-ouders", .channel: "whatsapp"])
        try file.add(.insight, input: [.kind: "trend", .title: "Meer verhuizingen", .journey: "verhuizen", .source: "CBS 2013"])
        try file.makeFinding("Geen bevestiging", journey: nil, phase: nil, severity: 5,
                             extra: [.touchpoint: "T1", .persona: "drukke-ouders",
                                     .evidence: "“Ik hoor niets” — 12 van 40 respondenten", .source: "enquête 2013"])
        try file.makeFinding("Vriendelijke medewerkers", kind: "good", phase: "wachten", severity: 2)
        try file.makeFinding("Dubbel invullen", journey: "verhuizen", phase: "melden", severity: 4, extra: [.channel: "whatsapp"])
        try file.makeFinding("Wordt verwijderd")
        try file.makeFinding("Laatste", phase: "afronding", severity: 1, extra: [.description: "Regel 1\nRegel 2\\n"])
        try file.remove(.finding, "F4", force: false)
        try file.add(.spearhead, input: [.title: "Snel en zeker"])
        try file.add(.spearhead, input: [.title: "Eén loket", .description: "<i>alle</i> kanalen"])
        try file.makeOpportunity("Automatische bevestiging", impact: 4, effort: 2, reach: 5, confidence: 80, spearhead: "S1",
                                 findings: ["F1", "F2"])
        try file.makeOpportunity("Gegevens hergebruiken", impact: 3, effort: 4, spearhead: "S2", findings: ["F3"])
        try file.makeOpportunity("Sms bij afronding", impact: 2, effort: 1, findings: ["F5", "F1"])
        try file.makeItem("Bevestigingsmail", horizon: "now", status: "doing", opportunities: ["O1", "O3"],
                          extra: [.owner: "Anna de Vries", .team: "KCC", .startDate: "2014-03-01", .dueDate: "2014-06-30"])
        try file.makeItem("Koppeling BRP", horizon: "next", opportunities: ["O2"], dependsOn: ["R1"])
        try file.makeItem("Eén formulier", horizon: "later", status: "idea", dependsOn: ["R2", "R1"])
        try file.makeItem("Pilot", horizon: "now", status: "done", extra: [.doneDate: "2014-02-01"])
        try file.makeItem("Folder", horizon: "later", status: "dropped")
        try file.link(.itemDependency, from: "R1", to: ["R4"])
        try file.link(.itemMetric, from: "R1", to: ["csat"], expectedChange: 0.5)
        try file.link(.itemMetric, from: "R1", to: ["doorlooptijd"], expectedChange: -3)
        try file.link(.itemMetric, from: "R2", to: ["nps"])
        try file.add(.agreement, input: [.who: "teamleider KCC", .what: "Bevestigingen controleren", .cadence: "elke maand", .item: "R1"])
        try file.add(.agreement, input: [.who: "MT", .what: "Roadmap bespreken", .cadence: "elk kwartaal"])
        try file.add(.cycle, input: [.name: "2014 Q1", .status: "closed", .startDate: "2014-01-01", .endDate: "2014-03-31",
                                     .note: "Goed begin; \"meer meten\""])
        try file.add(.cycle, input: [.name: "2014 Q2", .startDate: "2014-04-01"])
        try file.add(.measurement, input: [.metric: "csat", .cycle: "C1", .value: "7,4", .n: "120", .sd: "1.25", .source: "enquête"])
        try file.add(.measurement, input: [.metric: "doorlooptijd", .cycle: "C1", .value: "11"])
        try file.add(.measurement, input: [.metric: "csat", .cycle: "C2", .value: "7.9", .note: "na livegang"])
    }

    /// 8 channels, 2 personas, 2 journeys, 2 touchpoints, 3 metrics, 2 principles, 1 goal,
    /// 2 insights, 4 findings, 2 spearheads, 3 opportunities, 5 items, 2 agreements, 2 cycles,
    /// 3 measurements.
    private let richCount = 43

    @Test func exportImportExportGivesTheIdenticalDocument() throws {
        try withFolder { folder throws in
            let original = try RoadmapFile.create(path: folder.file("origineel.sqlite"), actor: "anna", municipality: "Molensloot")
            try richRoadmap(original)
            let first = try original.export().serialized(pretty: true)

            let copy = try RoadmapFile.create(path: folder.file("kopie.sqlite"), actor: "bram", municipality: nil)
            #expect(try copy.importDocument(first, source: "origineel.json", replace: false) == richCount)
            #expect(try copy.export().serialized(pretty: true) == first)
            #expect(try copy.export() == original.export())

            // The copy behaves like the original.
            for kind in Kind.allCases { #expect(try copy.records(kind) == original.records(kind), "\(kind)") }
            #expect(try copy.phases(of: "verhuizen").map(\.slug) == ["klaar", "melden", "bevestigen"])
            #expect(try copy.scoringModel() == original.scoringModel())
            #expect(try copy.rankedOpportunities().map(\.score) == original.rankedOpportunities().map(\.score))
            #expect(try copy.roadmap(today: date("2014-05-01")).map(\.item.ref) == original.roadmap(today: date("2014-05-01")).map(\.item.ref))
            #expect(try copy.vision() == original.vision())
            #expect(try copy.check() == [])
            #expect(try copy.setting(.municipality) == "Molensloot")

            // One audit entry for the whole import, by the one who imported.
            let log = try copy.log()
            #expect(log.map(\.action) == ["import", "add"])
            #expect(log.map(\.record) == ["roadmap", "vision"])
            #expect(log.allSatisfy { $0.who == "bram" })
            #expect(log.first?.summary == "imported 43 records from origineel.json")

            // Ids are kept, gaps included, and new ids continue after them.
            #expect(try copy.refs(.finding) == ["F1", "F2", "F3", "F5"])
            #expect(try copy.makeFinding("Nieuw").ref == "F6")
        }
    }

    @Test func theExportedDocumentHasTheAgreedShape() throws {
        try withRoadmap { file throws in
            try richRoadmap(file)
            let document = try file.export()
            let object = try #require(document.object)
            #expect(object.keys == ["format", "version", "settings", "vision"] + Kind.creationOrder.map(\.table)
                    + ["survey_responses", "volumes", "contacts", "value_mappings", "item_volumes", "themes", "response_themes",
                       "finding_themes", "case_types", "cases", "next_ids"])
            // The next id of each numbered kind travels along, so a copy never reuses a removed id.
            let highest = try file.refs(.finding).compactMap { Int64($0.dropFirst()) }.max() ?? 0
            #expect((document["next_ids"]?["findings"]?.int ?? 0) > highest)
            #expect(document["next_ids"]?["journeys"] == nil)
            #expect(document["format"] == .string("molensloot-roadmap"))
            #expect(document["version"] == .int(Int64(Exchange.version)))
            #expect(document["settings"]?["municipality"] == .string("Molensloot"))
            #expect(document["settings"]?["weight_severity"] == .string("2.5"))

            let finding = try #require(document["findings"]?.array?.first)
            #expect(finding["id"] == .string("F1"))
            #expect(finding["touchpoint"] == .string("T1"))
            #expect(finding["journey"] == .string("mor"))
            #expect(finding["phase"] == .string("contact"))
            #expect(finding["severity"] == .int(5))
            #expect(finding["evidence"] == .string("“Ik hoor niets” — 12 van 40 respondenten"))
            #expect(finding["channel"] == .null)

            let metric = try #require(document["metrics"]?.array?.first)
            #expect(metric["slug"] == .string("csat"))
            #expect(metric["baseline"] == .double(7.8))
            #expect(metric["scale_min"] == .double(1))

            let touchpoint = try #require(document["touchpoints"]?.array?.first)
            #expect(touchpoint["moment_of_truth"] == .bool(true))
            let persona = try #require(document["personas"]?.array?.first)
            #expect(persona["channels"] == .array([.string("app"), .string("whatsapp"), .string("web")]))

            let journey = try #require(document["journeys"]?.array?.first)
            #expect(journey["phases"]?.array?.compactMap { $0["slug"]?.string }
                    == ["orientatie", "contact", "wachten", "uitvoering", "afronding", "evaluatie"])

            let opportunity = try #require(document["opportunities"]?.array?.last)
            #expect(opportunity["findings"] == .array([.string("F1"), .string("F5")]))
            let item = try #require(document["items"]?.array?.first)
            #expect(item["opportunities"] == .array([.string("O1"), .string("O3")]))
            #expect(item["depends_on"] == .array([.string("R4")]))
            #expect(item["metrics"] == .array([
                .object(JSONObject([("metric", .string("csat")), ("expected_change", .double(0.5))])),
                .object(JSONObject([("metric", .string("doorlooptijd")), ("expected_change", .double(-3))])),
            ]))
            let second = try #require(document["items"]?.array?.dropFirst().first)
            #expect(second["metrics"] == .array([.object(JSONObject([("metric", .string("nps")), ("expected_change", .null)]))]))
            #expect(document["vision"]?["updated_on"] == .string("2014-02-03"))
            // Markup is data: it is kept as typed, not escaped or stripped.
            #expect(document.serialized().contains("<script>alert('x')</script>"))
        }
    }

    @Test func anEmptyRoadmapRoundTripsToo() throws {
        try withFolder { folder throws in
            let empty = try RoadmapFile.create(path: folder.file("leeg.sqlite"), actor: "a", municipality: nil)
            let text = try empty.export().serialized()
            let copy = try RoadmapFile.openOrCreate(path: folder.file("nieuw.sqlite"), actor: "b") { copy throws in
                #expect(try copy.importDocument(text, source: "leeg.json", replace: false) == 7)
                return copy
            }
            #expect(try copy.export().serialized() == text)
        }
    }

    @Test func importingIntoAFilledRoadmapIsRefused() throws {
        try withFolder { folder throws in
            let source = try RoadmapFile.create(path: folder.file("bron.sqlite"), actor: "a", municipality: "Bron")
            try richRoadmap(source)
            let text = try source.export().serialized()

            let target = try RoadmapFile.create(path: folder.file("doel.sqlite"), actor: "b", municipality: "Doel")
            try target.add(.principle, input: [.title: "Al iets"])
            try expectRefused(.notEmpty(path: target.path), in: target) {
                try target.importDocument(text, source: "bron.json", replace: false)
            }
            // A vision alone makes a roadmap too.
            let visionOnly = try RoadmapFile.create(path: folder.file("visie.sqlite"), actor: "b", municipality: nil)
            try visionOnly.setVision("Alleen een visie")
            try expectRefused(.notEmpty(path: visionOnly.path), in: visionOnly) {
                try visionOnly.importDocument(text, source: "bron.json", replace: false)
            }
            #expect(DomainError.notEmpty(path: "x.sqlite").description
                    == "x.sqlite already holds a roadmap; import into a new file with --db NEW.sqlite, or pass --replace to overwrite it")
        }
    }

    @Test func replaceOverwritesTheWholeRoadmap() throws {
        try withFolder { folder throws in
            let source = try RoadmapFile.create(path: folder.file("bron.sqlite"), actor: "a", municipality: "Bron")
            try richRoadmap(source)
            let text = try source.export().serialized()

            let target = try RoadmapFile.create(path: folder.file("doel.sqlite"), actor: "b", municipality: "Doel")
            try target.add(.principle, input: [.title: "Verdwijnt"])
            try target.add(.channel, slug: "fax", input: [.name: "Fax"])
            try target.makeJourney("oud")
            #expect(try target.importDocument(text, source: "bron.json", replace: true) == richCount)
            #expect(try target.export().serialized() == text)
            #expect(try target.phases(of: "oud").isEmpty)
            #expect(try target.setting(.municipality) == "Bron")
            #expect(try target.log(limit: 3).map(\.action) == ["import", "add", "remove"])
            #expect(try target.log(limit: 3).map(\.summary)
                    == ["imported 43 records from bron.json", "set the vision", "removed the roadmap to replace it"])
            // The old trail is kept: the file's history is not part of the roadmap.
            #expect(try target.log().contains { $0.summary == "added principle P1 \"Verdwijnt\"" })
        }
    }

    // MARK: Broken documents

    private static func document(_ sections: String) -> String {
        #"{"format":"molensloot-roadmap","version":1"# + (sections.isEmpty ? "" : "," + sections) + "}"
    }

    private static let journey = #""journeys":[{"slug":"mor","name":"Melding","phases":[{"slug":"contact","name":"Contact"}]}]"#

    /// Each broken document and the start of the message it must be refused with.
    static let brokenDocuments: [(String, String)] = [
        ("{", "broken.json is not valid JSON: "),
        ("[1, 2]", "broken.json is not a Molensloot export: the document is not a JSON object"),
        (#"{"format":"iets-anders","version":1}"#, #"broken.json is not a Molensloot export: "format" should be "molensloot-roadmap""#),
        (#"{"version":1}"#, #"broken.json is not a Molensloot export: "format" should be "molensloot-roadmap""#),
        (#"{"format":"molensloot-roadmap","version":99}"#, "broken.json comes from a newer Molensloot (version 99); upgrade molensloot"),
        (document(#""extra":[]"#), #"broken.json: unknown section "extra"; sections are "#),
        (document(#""findings":{}"#), #"broken.json: "findings" should be a list"#),
        (document(#""findings":[3]"#), "broken.json: findings[0]: should be an object"),
        (document(journey + #","findings":[{"id":"F1","kind":"improve","title":"t","journey":"mor","phase":"contact","colour":"rood"}]"#),
         #"broken.json: findings[0]: unknown field "colour""#),
        (document(#""findings":[{"id":"F1","kind":"improve","title":"t","journey":"nope","phase":"contact"}]"#),
         "broken.json: findings[0]: unknown journey 'nope'; see 'molensloot journey list'"),
        (document(journey + #","findings":[{"id":"F1","kind":"improve","title":"t","journey":"mor","phase":"contact","severity":3},"#
                  + #"{"id":"F2","kind":"improve","title":"t","journey":"mor","phase":"wachten","severity":3}]"#),
         "broken.json: findings[1]: journey 'mor' has no phase 'wachten'; its phases are contact"),
        (document(journey + #","findings":[{"id":"F1","kind":"improve","title":"t","journey":"mor","phase":"contact","severity":9}]"#),
         "broken.json: findings[0]: --severity '9"),
        (document(journey + #","findings":[{"id":"F1","kind":"improve","title":"t","journey":"mor","phase":"contact","severity":"3"}]"#),
         "broken.json: findings[0]: --severity '3' is not valid: expected a whole number from 1 to 5"),
        (document(journey + #","findings":[{"id":"F1","kind":"improve","title":"t","journey":"mor","phase":"contact","severity":3},"#
                  + #"{"id":"F1","kind":"good","title":"t","journey":"mor","phase":"contact","severity":3}]"#),
         "broken.json: findings[1]: F1 appears twice; every finding needs its own id"),
        (document(#""journeys":[{"slug":"Mor","name":"Melding"}]"#),
         "broken.json: journeys[0]: 'Mor' is not a valid slug"),
        (document(#""journeys":[{"slug":"mor","name":"Melding","phases":[{"slug":"contact"}]}]"#),
         "broken.json: journeys[0]: phases[0] needs a slug and a name"),
        (document(#""items":[{"id":"R1","title":"t","horizon":"now","status":"planned","start_date":"2014-02-30"}]"#),
         "broken.json: items[0]: --start-date '2014-02-30' is not valid: expected a real date as YYYY-MM-DD"),
        (document(#""opportunities":[{"id":"O1","title":"t","impact":3,"effort":3,"reach":3,"confidence":50,"findings":["F9"]}]"#),
         "broken.json: opportunities[0]: unknown finding 'F9'"),
        (document(#""items":[{"id":"R1","title":"a","horizon":"now","status":"planned","depends_on":["R2"]},"#
                  + #"{"id":"R2","title":"b","horizon":"now","status":"planned","depends_on":["R1"]}]"#),
         "broken.json: items: R2 depends_on: that dependency would make a cycle (R2 → R1 → R2)"),
        (document(#""settings":{"colour":"rood"}"#), #"broken.json: settings: unknown setting "colour""#),
    ]

    @Test(arguments: brokenDocuments)
    func aBrokenDocumentIsRefusedAndChangesNothing(text: String, message: String) throws {
        /// Imports `text`, expects a `.badImport` whose message starts with `message` and the
        /// file to be exactly as before.
        func expectBadImport(_ file: RoadmapFile, replace: Bool) throws {
            let before = try RoadmapState(file)
            let error = thrownError { try file.importDocument(text, source: "broken.json", replace: replace) }
            if case .badImport(let received)? = error as? DomainError {
                #expect(received.en.hasPrefix(message), "replace: \(replace), message: \(received)")
            } else {
                Issue.record("expected .badImport starting with \(message), got \(String(describing: error))")
            }
            #expect(try RoadmapState(file) == before, "replace: \(replace)")
        }
        // Into a blank file: nothing of the document is left behind.
        try withRoadmap(municipality: nil) { file throws in
            try expectBadImport(file, replace: false)
        }
        // Replacing a filled roadmap: the old roadmap is still there afterwards.
        try withRoadmap { file throws in
            try file.makeJourney()
            try file.makeFinding("Blijft staan")
            try expectBadImport(file, replace: true)
        }
    }

    /// Documents the import refuses, but with a database error instead of a `.badImport` that
    /// names the place. The file is left unchanged all the same.
    static let refusedWithoutAPlace: [(String, String)] = [
        (document(#""items":[{"id":"R1","title":"a","horizon":"now","status":"planned","depends_on":["R9"]}]"#),
         "broken.json: items"),
        (document(#""cycles":[{"id":"C1","name":"a","status":"open"},{"id":"C2","name":"b","status":"open"}]"#),
         "broken.json: cycles[1]"),
        (document(#""journeys":[{"slug":"mor","name":"Melding","phases":[{"slug":"a","name":"A"},{"slug":"a","name":"B"}]}]"#),
         "broken.json: journeys[0]"),
        (document(#""metrics":[{"slug":"csat","name":"c","unit":"%","direction":"higher"}],"#
                  + #""cycles":[{"id":"C1","name":"a","status":"open"}],"#
                  + #""measurements":[{"id":"M1","metric":"csat","cycle":"C1","value":7},{"id":"M2","metric":"csat","cycle":"C1","value":8}]"#),
         "broken.json: measurements[1]"),
    ]

    @Test(arguments: refusedWithoutAPlace)
    func documentsRefusedByTheDatabaseShouldNameThePlaceToo(text: String, message: String) throws {
        try withRoadmap { file throws in
            try file.makeJourney()
            let before = try RoadmapState(file)
            let error = thrownError { try file.importDocument(text, source: "broken.json", replace: true) }
            #expect(error != nil)
            #expect(try RoadmapState(file) == before)
            guard case .badImport(let received)? = error as? DomainError else {
                Issue.record("expected .badImport starting with \(message), got \(String(describing: error))")
                return
            }
            #expect(received.en.hasPrefix(message))
        }
    }

    @Test func anImportedIntegerOutOfRangeIsShownAsTyped() throws {
        let text = Self.document(Self.journey
            + #","findings":[{"id":"F1","kind":"improve","title":"t","journey":"mor","phase":"contact","severity":9}]"#)
        try withRoadmap(municipality: nil) { file throws in
            let error = thrownError { try file.importDocument(text, source: "broken.json", replace: false) }
            #expect((error as? DomainError)?.description == (
                "broken.json: findings[0]: --severity '9' is not valid: expected a whole number from 1 to 5"))
        }
    }

    @Test func aMissingVersionIsNotCalledNewer() throws {
        try withRoadmap(municipality: nil) { file throws in
            let error = thrownError {
                try file.importDocument(#"{"format":"molensloot-roadmap"}"#, source: "broken.json", replace: false)
            }
            guard case .badImport(let message)? = error as? DomainError else {
                Issue.record("expected .badImport, got \(String(describing: error))")
                return
            }
            #expect(!message.en.contains("newer"), "\(message)")
        }
    }

    @Test func anEmptyImportedVisionIsABadImport() throws {
        try withRoadmap(municipality: nil) { file throws in
            let before = try RoadmapState(file)
            let error = thrownError {
                try file.importDocument(Self.document(#""vision":{"text":"","updated_on":"2014-01-01"}"#),
                                        source: "broken.json", replace: false)
            }
            #expect(error != nil)
            #expect(try RoadmapState(file) == before)
            guard case .badImport(let message)? = error as? DomainError else {
                Issue.record("expected .badImport, got \(String(describing: error))")
                return
            }
            #expect(message.en.hasPrefix("broken.json: vision"))
        }
    }

    @Test func anImportedVisionDateMustBeReal() throws {
        try withRoadmap(municipality: nil) { file throws in
            let error = thrownError {
                try file.importDocument(Self.document(#""vision":{"text":"Visie","updated_on":"2014-02-30"}"#),
                                        source: "broken.json", replace: false)
            }
            #expect(error != nil)
            #expect(try file.vision() == nil)
        }
    }
}
