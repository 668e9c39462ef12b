import Foundation
import SixSteps

/// What the generator wrote, so the import can be checked against it rather than against itself.
struct SurveyFacts {
    var responses = 0
    /// Scores are whole numbers, so their sum is exact and so is the mean derived from it.
    var scoreSum = 0
    /// Responses per score, index 0 for score 1.
    var histogram = Array(repeating: 0, count: 10)
    var byPhase: [String: Int] = [:]
    var byChannel: [String: Int] = [:]
    var withPersona = 0
    var comments = 0
    /// Comments that needed quotes: a `;` or a `"` inside.
    var quotedComments = 0

    var mean: Double { Double(scoreSum) / Double(responses) }
}

/// Writes a survey export the way a Dutch spreadsheet does: semicolons, a decimal comma, dates as
/// day-month-year, and comments that sometimes hold a `;` or a quote and so are quoted. The same
/// seed gives the same file byte for byte.
struct SurveyGenerator {
    static let header = "date;journey;phase;channel;persona;score;comment"
    static let journey = Vocabulary.journeys[0].slug
    static let persona = Vocabulary.personas[0].slug

    private var random: SplitMix64
    private(set) var facts = SurveyFacts()

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// Scores lean towards 7 and 8, as residents' marks do; weights in per mille for 1...10.
    private static let scoreWeights = [25, 20, 35, 50, 90, 150, 240, 220, 110, 60]
    private static let scoreTotal = scoreWeights.reduce(0, +)

    private static let commentStarts = [
        "Snel geholpen", "Lang moeten wachten aan de telefoon", "De medewerker was erg vriendelijk",
        "Het formulier op de website was onduidelijk", "Ik kreeg geen bevestiging van mijn melding",
        "Prima geregeld", "De lantaarnpaal is binnen een week gerepareerd", "Niemand belde terug",
        "Duidelijke uitleg over de afhandeling", "De app werkte niet op mijn telefoon",
        "Ik moest drie keer hetzelfde vertellen", "Goed dat je een foto kunt meesturen",
        "De terugkoppeling kwam pas na een maand", "Eén keer bellen was genoeg",
        "Ik was geïrriteerd over de wachttijd", "Het afval lag er na twee weken nog steeds",
    ]
    private static let commentEnds = [
        "", "", "", "maar de status was niet te volgen", "en ik werd netjes op de hoogte gehouden",
        "wel jammer dat het zo lang duurde", "complimenten voor de buitendienst", "graag een sms als het klaar is",
        "de reactie was niet in begrijpelijke taal", "zo hoort het", "dat kan beter",
        "in de wijk is dit een bekend probleem",
    ]
    private static let daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    /// The whole file; about 60 bytes a response.
    mutating func csv(responses: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(responses * 64 + 64)
        bytes.append(contentsOf: Self.header.utf8)
        bytes.append(Byte.lineFeed)
        let phases = RoadmapFile.defaultPhases.map(\.slug)
        let channels = Vocabulary.channels.map(\.slug)
        for _ in 0..<responses {
            appendDate(to: &bytes)
            bytes.append(Byte.semicolon)
            bytes.append(contentsOf: Self.journey.utf8)
            bytes.append(Byte.semicolon)
            let phase = random.pick(phases)
            facts.byPhase[phase, default: 0] += 1
            bytes.append(contentsOf: phase.utf8)
            bytes.append(Byte.semicolon)
            let channel = random.pick(channels)
            facts.byChannel[channel, default: 0] += 1
            bytes.append(contentsOf: channel.utf8)
            bytes.append(Byte.semicolon)
            if random.chance(0.3) {
                facts.withPersona += 1
                bytes.append(contentsOf: Self.persona.utf8)
            }
            bytes.append(Byte.semicolon)
            let score = drawScore()
            facts.scoreSum += score
            facts.histogram[score - 1] += 1
            bytes.append(contentsOf: String(score).utf8)
            // Half the spreadsheets write a whole mark as 7,0.
            if random.chance(0.5) { bytes.append(contentsOf: ",0".utf8) }
            bytes.append(Byte.semicolon)
            if random.chance(0.3) { appendComment(to: &bytes) }
            bytes.append(Byte.lineFeed)
            facts.responses += 1
        }
        return bytes
    }

    private mutating func drawScore() -> Int {
        var roll = random.int(0..<Self.scoreTotal)
        for (index, weight) in Self.scoreWeights.enumerated() {
            if roll < weight { return index + 1 }
            roll -= weight
        }
        return Self.scoreWeights.count
    }

    /// A real day of 2014 as 12-03-2014; one in ten without leading zeros (2-3-2014), as
    /// spreadsheets also write them.
    private mutating func appendDate(to bytes: inout [UInt8]) {
        let month = random.int(1...12)
        let day = random.int(1...Self.daysInMonth[month - 1])
        let padded = !random.chance(0.1)
        func two(_ value: Int) -> String { padded && value < 10 ? "0\(value)" : String(value) }
        bytes.append(contentsOf: "\(two(day))-\(two(month))-2014".utf8)
    }

    /// A sentence or two; a `;` between them or a quoted status inside makes the field quoted.
    private mutating func appendComment(to bytes: inout [UInt8]) {
        facts.comments += 1
        var text = random.pick(Self.commentStarts)
        let end = random.pick(Self.commentEnds)
        if random.chance(0.02) {
            text += " terwijl er \"in behandeling\" stond"
        }
        if !end.isEmpty {
            text += random.chance(0.3) ? "; " + end : ", " + end
        }
        text += "."
        if text.utf8.contains(Byte.semicolon) || text.utf8.contains(Byte.quote) {
            facts.quotedComments += 1
            bytes.append(Byte.quote)
            for byte in text.utf8 {
                bytes.append(byte)
                if byte == Byte.quote { bytes.append(Byte.quote) }
            }
            bytes.append(Byte.quote)
        } else {
            bytes.append(contentsOf: text.utf8)
        }
    }
}
