import Store

// A survey file read row by row: checked, kept compactly, and written in batches.

/// One checked response, compactly: 32 bytes and nothing to reference-count. Dates and slugs are
/// numbers in `CheckedSurvey.texts`, the comment a number in `CheckedSurvey.comments`.
struct CheckedResponse {
    static let none = UInt32.max

    var date = none
    var journey = none
    var phase = none
    var channel = none
    var persona = none
    var comment = none
    var score: Double
}

/// A survey file checked against a roadmap, ready to be written into it.
struct CheckedSurvey {
    let metric: Record
    let cycle: Record
    /// SQLite's `data_version` when the rows were checked: another connection's commit changes it.
    let dataVersion: Int64
    /// Each checked date and slug once.
    let texts: [String]
    let comments: [String]
    let responses: [CheckedResponse]
    let scores: [Double]
    let rowsRead: Int
    let nonResponses: [(answer: String, count: Int)]
    let otherCycles: Int
    let dates: ClosedRange<String>?

    var skipped: Int { nonResponses.reduce(0) { $0 + $1.count } + otherCycles }

    func text(_ number: UInt32) -> String? {
        number == CheckedResponse.none ? nil : texts[Int(number)]
    }

    func comment(_ number: UInt32) -> String? {
        number == CheckedResponse.none ? nil : comments[Int(number)]
    }
}

/// Reads and checks the rows of one survey file. The checks run in the order they always have
/// (score, date, journey, phase, channel, persona, comment), so the first error in a file is the
/// one reported, with its line and the column's name in the file.
///
/// A million responses hold a few hundred different dates and a handful of journeys, phases,
/// channels and personas. Each spelling is checked the one way there is (`ISODate(dutchOrISO:)`,
/// `SurveyLookups`) the first time it is met, and its checked form kept in `texts`; a table by the
/// spelling's bytes (`ByteSpellings`) finds it again for later rows that spell it the same, without
/// making a String of the field. Only
/// spellings that passed are kept, so a bad value is refused on every row it is in, with the same
/// message. Checking runs out of line (`check`), so the common path captures nothing in closures:
/// each capture would cost reference counting on every field of every row.
struct SurveyRowReader {
    private let lookups: SurveyLookups
    private let columns: ColumnMap
    private let scaleMin: Double?
    private let scaleMax: Double?
    private let metricJourney: String?
    // Positions resolved once; the column map would hash the column name for every field.
    private let score: Int?
    private let date: Int?
    private let journey: Int?
    private let phase: Int?
    private let channel: Int?
    private let persona: Int?
    private let comment: Int?

    /// Each checked date and slug once, by its number.
    private var numbered = NumberedTexts()
    var texts: [String] { numbered.texts }
    private(set) var comments: [String] = []

    private var dates = ByteSpellings()
    private var journeys = ByteSpellings()
    /// Kept with the journey they were checked for, as each journey has its own phases.
    private var phases = ByteSpellings()
    private var channels = ByteSpellings()
    private var personas = ByteSpellings()

    private let kind: MetricKind
    /// Answers that are no score, by the answer as first written, in the order met.
    private var skippedAnswers: [String: Int] = [:]
    private var skippedOrder: [String] = []
    var nonResponses: [(answer: String, count: Int)] { skippedOrder.map { ($0, skippedAnswers[$0] ?? 0) } }

    init(columns: ColumnMap, lookups: SurveyLookups, kind: MetricKind, scale: (Double?, Double?), metricJourney: String?) {
        self.kind = kind
        self.columns = columns
        self.lookups = lookups
        (scaleMin, scaleMax) = scale
        self.metricJourney = metricJourney
        score = columns["score"]
        date = columns["date"]
        journey = columns["journey"]
        phase = columns["phase"]
        channel = columns["channel"]
        persona = columns["persona"]
        comment = columns["comment"]
    }

    /// The row's response, or nil when its answer is no score ("n.v.t.", "weet niet", "-",
    /// empty), which is counted in `nonResponses`.
    mutating func read(_ row: borrowing CSVRow) throws -> CheckedResponse? {
        guard let position = score else { throw failure(row.line, "score", Message("ontbreekt; voeg een kolom score toe", "is missing")) }
        let score: Double
        if kind.isYesNo {
            let raw = try row.string(position) ?? ""
            if ImportVocabulary.isNonResponse(raw) { return skip(raw) }
            guard let yes = ImportVocabulary.yesNo(raw) else {
                throw failure(row.line, "score", Message("'\(raw)' is geen antwoord zoals ja of nee", "'\(raw)' is not an answer like ja or nee"))
            }
            score = yes ? 1 : 0
        } else {
            do {
                guard let number = try row.number(position) else { return skip("") }
                score = number
            } catch let error as CSVError {
                let raw = try row.string(position) ?? ""
                if ImportVocabulary.isNonResponse(raw) { return skip(raw) }
                throw error
            }
        }
        if let low = scaleMin, score < low {
            throw failure(row.line, "score", Message("\(formatNumber(score)) ligt onder de schaal, die begint bij \(formatNumber(low))", "\(formatNumber(score)) is below the scale's \(formatNumber(low))"))
        }
        if let high = scaleMax, score > high {
            throw failure(row.line, "score", Message("\(formatNumber(score)) ligt boven de schaal, die eindigt bij \(formatNumber(high))", "\(formatNumber(score)) is above the scale's \(formatNumber(high))"))
        }
        var response = CheckedResponse(score: score)
        if let position = date { response.date = try spelling(row, position, .date) ?? response.date }
        if let position = journey { response.journey = try spelling(row, position, .journey) ?? response.journey }
        // The phase's journey by its number: none stands for the metric's journey.
        if let position = phase { response.phase = try spelling(row, position, .phase(journey: response.journey)) ?? response.phase }
        if let position = channel { response.channel = try spelling(row, position, .channel) ?? response.channel }
        if let position = persona { response.persona = try spelling(row, position, .persona) ?? response.persona }
        // Most rows have no comment; `isEmpty` answers that without making a String.
        if let position = comment, !row.isEmpty(position), let text = try row.string(position) {
            response.comment = UInt32(comments.count)
            comments.append(text)
        }
        return response
    }

    private mutating func skip(_ answer: String) -> CheckedResponse? {
        let shown = answer.isEmpty ? "empty" : answer.lowercased()
        if skippedAnswers[shown] == nil { skippedOrder.append(shown) }
        skippedAnswers[shown, default: 0] += 1
        return nil
    }

    private enum Checked {
        case date, journey, channel, persona
        /// The number of the row's journey in `texts`, or none for the metric's journey.
        case phase(journey: UInt32)
    }

    /// The checked form of a field: found by its bytes when that spelling was met before, else
    /// checked in full and remembered. Nil when the field is empty.
    private mutating func spelling(_ row: borrowing CSVRow, _ position: Int, _ kind: Checked) throws -> UInt32? {
        let known = switch kind {
        case .date: row.spelling(position, in: dates)
        case .journey: row.spelling(position, in: journeys)
        case .phase(let journey): row.spelling(position, in: phases, context: journey)
        case .channel: row.spelling(position, in: channels)
        case .persona: row.spelling(position, in: personas)
        }
        return try known ?? learn(row, position, kind)
    }

    @inline(never)
    private mutating func learn(_ row: borrowing CSVRow, _ position: Int, _ kind: Checked) throws -> UInt32? {
        guard let raw = try row.string(position) else { return nil }
        let checked = try check(raw, kind, line: row.line)
        switch kind {
        case .date: row.remember(position, in: &dates, checked)
        case .journey: row.remember(position, in: &journeys, checked)
        case .phase(let journey): row.remember(position, in: &phases, context: journey, checked)
        case .channel: row.remember(position, in: &channels, checked)
        case .persona: row.remember(position, in: &personas, checked)
        }
        return checked
    }

    /// A spelling met for the first time: checked in full. Returns the number of its checked form
    /// in `texts`.
    @inline(never)
    private mutating func check(_ raw: String, _ kind: Checked, line: Int) throws -> UInt32 {
        let columns = self.columns
        func fail(_ column: String) -> (Message) -> CSVError {
            { CSVError(line: line, column: columns.header(column), message: $0) }
        }
        switch kind {
        case .date:
            // Survey tools write the moment of filling in ("03-04-2014 14:22"): the day counts.
            guard let date = ISODate(dutchOrISO: raw)
                ?? raw.split(whereSeparator: { $0 == " " || $0 == "T" }).first.flatMap({ ISODate(dutchOrISO: String($0)) }) else {
                throw failure(line, "date", Message("'\(raw)' is geen datum zoals 2014-03-12 of 12-03-2014", "'\(raw)' is not a date like 2014-03-12 or 12-03-2014"))
            }
            return number(date.description)
        case .journey:
            return number(try lookups.journey(raw, fail: fail("journey")))
        case .phase(let journey):
            let slug = journey == CheckedResponse.none ? metricJourney : texts[Int(journey)]
            return number(try lookups.phase(raw, journey: slug, fail: fail("phase")))
        case .channel:
            return number(try lookups.channel(raw, fail: fail("channel")))
        case .persona:
            return number(try lookups.persona(raw, fail: fail("persona")))
        }
    }

    /// The number of a checked text in `texts`, which holds each text once however it was spelled.
    private mutating func number(_ text: String) -> UInt32 { numbered.number(text) }

    private func failure(_ line: Int, _ column: String, _ message: Message) -> CSVError {
        CSVError(line: line, column: columns.header(column), message: message)
    }
}

/// Writes checked responses to SQLite a batch at a time: one INSERT of `batchSize` rows, compiled
/// once. Run per row, an INSERT costs SQLite about twice as much: each run starts the statement,
/// opens the table and its index, and reads and rewrites the table's AUTOINCREMENT counter in
/// sqlite_sequence, and a million runs do that a million times. A batch does it once for 100 rows;
/// every row still meets every constraint of the table.
///
/// A slot of the statement keeps its values between batches, so a value that repeats in that slot
/// (the journey, an empty persona or comment) is not copied into SQLite again. The metric and
/// cycle are the same for every row: parameters ?1 and ?2 of every slot, bound once.
enum SurveyInserter {
    /// 100 rows are 702 parameters, far below SQLite's limit of 32766; larger batches gain little,
    /// smaller ones lose (measured with molensloot-bench survey: 25 rows cost 5% more).
    static let batchSize = 100
    private static let columnsPerRow = 7

    static func insert(_ survey: CheckedSurvey, into connection: Connection) throws {
        let responses = survey.responses
        let full = responses.count / batchSize * batchSize
        if full > 0 {
            let batch = try statement(connection, rows: batchSize, survey)
            for start in stride(from: 0, to: full, by: batchSize) {
                for slot in 0..<batchSize {
                    try bind(responses[start + slot], of: survey, into: batch, slot: slot,
                             replacing: start > 0 ? responses[start - batchSize + slot] : nil)
                }
                try batch.run()
            }
        }
        if full < responses.count {
            let rest = try statement(connection, rows: responses.count - full, survey)
            for slot in 0..<(responses.count - full) {
                try bind(responses[full + slot], of: survey, into: rest, slot: slot, replacing: nil)
            }
            try rest.run()
        }
    }

    /// `INSERT … VALUES (?1, ?2, ?3, …, ?9), (?1, ?2, ?10, …, ?16), …` with the metric and cycle bound.
    private static func statement(_ connection: Connection, rows: Int, _ survey: CheckedSurvey) throws -> PreparedStatement {
        var sql = "INSERT INTO survey_responses (metric, cycle, date, journey, phase, channel, persona, score, comment) VALUES "
        for slot in 0..<rows {
            let first = 3 + slot * columnsPerRow
            sql += (slot == 0 ? "" : ", ") + "(?1, ?2, " + (first..<first + columnsPerRow).map { "?\($0)" }.joined(separator: ", ") + ")"
        }
        let statement = try connection.prepare(sql)
        try statement.bind(survey.metric.key, at: 1)
        try statement.bind(survey.cycle.key, at: 2)
        return statement
    }

    /// Binds the values of `response` that differ from those of `previous`, the response bound in
    /// this slot before (all of them when there is none: `previous?.date` is then nil, which no
    /// number equals).
    private static func bind(_ response: CheckedResponse, of survey: CheckedSurvey, into statement: PreparedStatement,
                             slot: Int, replacing previous: CheckedResponse?) throws {
        let first = 3 + slot * columnsPerRow
        if previous?.date != response.date { try statement.bind(survey.text(response.date), at: first) }
        if previous?.journey != response.journey { try statement.bind(survey.text(response.journey), at: first + 1) }
        if previous?.phase != response.phase { try statement.bind(survey.text(response.phase), at: first + 2) }
        if previous?.channel != response.channel { try statement.bind(survey.text(response.channel), at: first + 3) }
        if previous?.persona != response.persona { try statement.bind(survey.text(response.persona), at: first + 4) }
        if previous?.score != response.score { try statement.bind(response.score, at: first + 5) }
        // Every comment has a number of its own, so this only skips binding NULL over NULL.
        if previous?.comment != response.comment { try statement.bind(survey.comment(response.comment), at: first + 6) }
    }
}

/// The slugs a survey or volume file may use, loaded once: a million rows are checked against
/// memory, not against the database. A value is found by its slug or its display name, in any
/// case, with or without accents ("Website", "web", "Oriëntatie", "orientatie"), and by the
/// spellings of the roadmap's stored value mapping (`volume mapping`).
struct SurveyLookups {
    private let journeys: [String: String]
    private let phases: [String: [String: String]]
    private let channels: [String: String]
    private let personas: [String: String]

    init(_ file: RoadmapFile) throws {
        let mapped = try file.valueMappings()
        func table(_ kind: Kind, field: String) throws -> [String: String] {
            var table: [String: String] = [:]
            for entry in mapped where entry.field == field { table[ImportVocabulary.fold(entry.spelling)] = entry.target }
            for record in try file.records(kind) {
                table[ImportVocabulary.fold(record.title)] = record.ref
                table[ImportVocabulary.fold(record.ref)] = record.ref
            }
            return table
        }
        journeys = try table(.journey, field: "journey")
        var phases: [String: [String: String]] = [:]
        for journey in Set(journeys.values) {
            var known: [String: String] = [:]
            for phase in try file.phases(of: journey) {
                known[ImportVocabulary.fold(phase.name)] = phase.slug
                known[ImportVocabulary.fold(phase.slug)] = phase.slug
            }
            phases[journey] = known
        }
        self.phases = phases
        var channels = try table(.channel, field: "channel")
        // How registrations commonly name the default channels, for those the roadmap has.
        for (spelling, slug) in Self.channelSynonyms where channels[spelling] == nil && channels.values.contains(slug) {
            channels[spelling] = slug
        }
        self.channels = channels
        personas = try table(.persona, field: "persona")
    }

    /// Folded spellings of KCC systems for the default channels.
    static let channelSynonyms: [String: String] = [
        "telefonisch": "telefoon", "tel": "telefoon", "loket": "balie", "fysiek": "balie", "webformulier": "web",
        "contactformulier": "web", "formulier": "web", "internet": "web", "online": "web", "mail": "e-mail",
        "brief": "post", "whatsapp": "social", "twitter": "social", "facebook": "social", "socialmedia": "social",
    ]

    /// `kind` names what is looked up in English ("phase of balie"), `dutch` in Dutch, once and as a plural.
    private static func check(_ value: String, in known: [String: String], kind: String, dutch: (one: String, many: String),
                              fail: (Message) -> CSVError) throws -> String {
        guard let slug = known[ImportVocabulary.fold(value)] else {
            let names = Set(known.values).sorted()
            let noun = kind.split(separator: " ").first.map(String.init) ?? kind
            guard !names.isEmpty else {
                throw fail(Message(
                    "er is geen \(dutch.one) '\(value)'; de roadmap heeft nog geen \(dutch.many): voeg er een toe met 'molensloot \(noun) add'",
                    "unknown \(kind) '\(value)'; the roadmap has no \(noun)s yet: add it with 'molensloot \(noun) add'"))
            }
            let listed = names.prefix(12).joined(separator: ", ")
            throw fail(Message("er is geen \(dutch.one) '\(value)'; bekend zijn: \(listed)", "unknown \(kind) '\(value)'; known: \(listed)"))
        }
        return slug
    }

    func journey(_ value: String, fail: (Message) -> CSVError) throws -> String {
        try Self.check(value, in: journeys, kind: "journey", dutch: ("klantreis", "klantreizen"), fail: fail)
    }

    func phase(_ value: String, journey: String?, fail: (Message) -> CSVError) throws -> String {
        guard let journey, let known = phases[journey] else {
            throw fail(Message("een fase hoort bij een klantreis: voeg een kolom klantreis toe of geef de meeteenheid een klantreis",
                               "a phase needs a journey: add a journey column or give the metric a journey"))
        }
        return try Self.check(value, in: known, kind: "phase of \(journey)", dutch: ("fase van \(journey)", "fasen"), fail: fail)
    }

    func channel(_ value: String, fail: (Message) -> CSVError) throws -> String {
        try Self.check(value, in: channels, kind: "channel", dutch: ("kanaal", "kanalen"), fail: fail)
    }

    func persona(_ value: String, fail: (Message) -> CSVError) throws -> String {
        try Self.check(value, in: personas, kind: "persona", dutch: ("persona", "persona's"), fail: fail)
    }
}

extension ISODate {
    /// Dates as Dutch spreadsheets write them (12-03-2014) or as ISO (2014-03-12).
    public init?(dutchOrISO text: String) {
        if let date = ISODate(text) {
            self = date
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2,
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
              let date = ISODate(year: year, month: month, day: day) else { return nil }
        self = date
    }
}
