/// What the generator wrote, so the import can be checked against it rather than against itself.
struct ContactFacts {
    var contacts = 0
    var cases = 0
    /// Cases with two contacts or more.
    var repeatCases = 0
    /// Later contacts of a case on another channel than the contact before.
    var channelSwitches = 0
    var withJourney = 0
    /// Distinct (case, date, channel, reason): the contacts the roadmap must hold after the import.
    var distinct = 0
    var byChannel: [String: Int] = [:]
    /// Contacts per month, `2014-03`.
    var byMonth: [String: Int] = [:]
}

/// Writes a contact-centre export, one row per contact: `date;channel;reason;case;journey`, the
/// date a timestamp (`2014-03-12 09:14:05`), the case an anonymous key (`Z-2014-0001234`). About
/// a third of the cases come back: later contacts within days of the first, sometimes on
/// another channel. Rows are sorted by time, as an export is, not by case. The same seed gives
/// the same file byte for byte.
struct ContactGenerator {
    static let header = "date;channel;reason;case;journey"
    static let journey = Vocabulary.journeys[0]

    struct Channel {
        let slug: String
        let name: String
        /// Out of the sum of all weights.
        let weight: Int
        /// Minutes of the day a person answers, on weekdays only; nil for day and night, all week.
        let staffed: ClosedRange<Int>?
    }

    /// `init` makes most of these; the bench adds the ones it does not.
    static let channels = [
        Channel(slug: "web", name: "Website", weight: 34, staffed: nil),
        Channel(slug: "telefoon", name: "Telefoon", weight: 30, staffed: 510...1_020),
        Channel(slug: "app", name: "App", weight: 10, staffed: nil),
        Channel(slug: "e-mail", name: "E-mail", weight: 9, staffed: nil),
        Channel(slug: "balie", name: "Balie", weight: 8, staffed: 540...990),
        Channel(slug: "chat", name: "Chat", weight: 6, staffed: 510...1_020),
        Channel(slug: "whatsapp", name: "WhatsApp", weight: 3, staffed: 510...1_020),
    ]

    /// Twenty contact reasons with their weights; `journey` marks those of the journey
    /// Melding openbare ruimte.
    private static let reasons: [(text: String, weight: Int, journey: Bool)] = [
        ("Afval en grofvuil", 12, true), ("Melding openbare ruimte", 10, true), ("Straatverlichting", 4, true),
        ("Bestrating en stoepen", 4, true), ("Groen en bomen", 3, true), ("Paspoort of ID-kaart", 9, false),
        ("Rijbewijs", 5, false), ("Verhuizing doorgeven", 6, false), ("Parkeren", 6, false),
        ("Gemeentelijke belastingen", 7, false), ("Kwijtschelding", 2, false), ("Omgevingsvergunning", 4, false),
        ("Bijstand en inkomen", 4, false), ("Wmo en zorg", 4, false), ("Uittreksel BRP", 3, false),
        ("Geboorteaangifte", 1, false), ("Trouwen en partnerschap", 1, false), ("Afspraak maken of verzetten", 5, false),
        ("Klacht over de afhandeling", 2, false), ("Bezwaar en beroep", 2, false),
    ]
    /// What a later contact of a case is often about instead; the twenty-first reason.
    private static let statusQuestion = "Vraag over de status van mijn zaak"
    private static let reasonWeights = reasons.map(\.weight)
    private static let channelWeights = channels.map(\.weight)
    /// Contacts per case beyond the first, for the cases that come back: 2 to 6 in all.
    private static let repeatWeights = [45, 30, 15, 7, 3]
    private static let repeatShare = 0.35
    /// Days from one contact of a case to the next: 0 (the same day) to 7.
    private static let gapWeights = [20, 30, 18, 12, 8, 5, 3, 4]
    private static let daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    /// The first contacts fall in 2014; later ones may run into January 2015.
    private static let firstDays = 365
    private static let lastDay = firstDays + 60

    private var random: SplitMix64
    private(set) var facts = ContactFacts()

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// One contact: seconds from 2014-01-01 00:00:00, the case's number, indexes into the lists.
    private struct Contact {
        var second: Int32
        var caseNumber: Int32
        var channel: UInt8
        var reason: UInt8
        var journey: Bool
    }

    private struct Key: Hashable {
        let caseNumber: Int32
        let second: Int32
        let channel: UInt8
        let reason: UInt8
    }

    /// The whole file; about 65 bytes a contact.
    mutating func csv(contacts count: Int) -> [UInt8] {
        let contacts = makeContacts(count).sorted { ($0.second, $0.caseNumber) < ($1.second, $1.caseNumber) }
        let dates = Self.dates()
        let channels = Self.channels.map { Array($0.slug.utf8) }
        let reasons = (Self.reasons.map(\.text) + [Self.statusQuestion]).map { Array($0.utf8) }
        let journey = Array(Self.journey.slug.utf8)
        var distinct: Set<Key> = []
        distinct.reserveCapacity(contacts.count)
        var perChannel = Array(repeating: 0, count: channels.count)
        var perDay = Array(repeating: 0, count: dates.count)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(contacts.count * 70 + 64)
        bytes.append(contentsOf: Self.header.utf8)
        bytes.append(Byte.lineFeed)
        for contact in contacts {
            let second = Int(contact.second)
            let date = dates[second / 86_400]
            bytes.append(contentsOf: date.utf8)
            bytes.append(Byte.space)
            let time = second % 86_400
            appendDigits(time / 3_600, 2, to: &bytes)
            bytes.append(Byte.colon)
            appendDigits(time / 60 % 60, 2, to: &bytes)
            bytes.append(Byte.colon)
            appendDigits(time % 60, 2, to: &bytes)
            bytes.append(Byte.semicolon)
            bytes.append(contentsOf: channels[Int(contact.channel)])
            bytes.append(Byte.semicolon)
            bytes.append(contentsOf: reasons[Int(contact.reason)])
            bytes.append(Byte.semicolon)
            bytes.append(contentsOf: "Z-2014-".utf8)
            appendDigits(Int(contact.caseNumber), 7, to: &bytes)
            bytes.append(Byte.semicolon)
            if contact.journey { bytes.append(contentsOf: journey) }
            bytes.append(Byte.lineFeed)

            facts.contacts += 1
            perChannel[Int(contact.channel)] += 1
            perDay[second / 86_400] += 1
            if contact.journey { facts.withJourney += 1 }
            distinct.insert(Key(caseNumber: contact.caseNumber, second: contact.second, channel: contact.channel, reason: contact.reason))
        }
        facts.distinct = distinct.count
        for (channel, count) in zip(Self.channels, perChannel) where count > 0 { facts.byChannel[channel.slug] = count }
        for (date, count) in zip(dates, perDay) where count > 0 { facts.byMonth[String(date.prefix(7)), default: 0] += count }
        return bytes
    }

    /// The cases, numbered in the order of their first day as a case system numbers them, each
    /// with its contacts; `count` contacts in all.
    private mutating func makeContacts(_ count: Int) -> [Contact] {
        var sizes: [Int] = []
        var total = 0
        while total < count {
            let size = random.chance(Self.repeatShare) ? 2 + draw(Self.repeatWeights) : 1
            sizes.append(min(size, count - total))
            total += sizes[sizes.count - 1]
        }
        let firstDays = (0..<sizes.count).map { _ in workdayWeightedDay() }.sorted()
        facts.cases = sizes.count
        facts.repeatCases = sizes.filter { $0 > 1 }.count

        var contacts: [Contact] = []
        contacts.reserveCapacity(count)
        for (index, size) in sizes.enumerated() {
            let reason = draw(Self.reasonWeights)
            let journey = Self.reasons[reason].journey && random.chance(0.85)
            var day = firstDays[index]
            var channel = drawChannel(on: day)
            var second = day * 86_400 + timeOfDay(on: channel)
            contacts.append(Contact(second: Int32(second), caseNumber: Int32(index + 1), channel: UInt8(channel),
                                    reason: UInt8(reason), journey: journey))
            for _ in 1..<size {
                // The next contact, days later or the same day, and strictly after the one before.
                let previous = second
                day = min(day + draw(Self.gapWeights), Self.lastDay)
                let switched = random.chance(0.3)
                if switched {
                    let before = channel
                    while channel == before { channel = drawChannel(on: nil) }
                    facts.channelSwitches += 1
                }
                day = openDay(from: day, for: channel)
                second = day * 86_400 + timeOfDay(on: channel)
                if second <= previous { second = previous + random.int(300...5_400) }
                let later = random.chance(0.25) ? Self.reasons.count : reason
                contacts.append(Contact(second: Int32(second), caseNumber: Int32(index + 1), channel: UInt8(channel),
                                        reason: UInt8(later), journey: journey))
            }
        }
        return contacts
    }

    /// A day of 2014, weekends less often than weekdays.
    private mutating func workdayWeightedDay() -> Int {
        while true {
            let day = random.int(0..<Self.firstDays)
            if !Self.isWeekend(day) || random.chance(0.35) { return day }
        }
    }

    /// A channel by weight; on a weekend day only one that needs nobody to answer.
    private mutating func drawChannel(on day: Int?) -> Int {
        while true {
            let channel = draw(Self.channelWeights)
            if let day, Self.isWeekend(day), Self.channels[channel].staffed != nil { continue }
            return channel
        }
    }

    /// The day itself, or the Monday after it when the channel is closed at the weekend.
    private func openDay(from day: Int, for channel: Int) -> Int {
        guard Self.channels[channel].staffed != nil else { return day }
        var open = day
        while Self.isWeekend(open) { open += 1 }
        return open
    }

    /// Seconds after midnight: within opening hours for a staffed channel, else mostly in the day
    /// and evening.
    private mutating func timeOfDay(on channel: Int) -> Int {
        let minute: Int
        if let hours = Self.channels[channel].staffed {
            minute = random.int(hours.lowerBound..<hours.upperBound)
        } else {
            let middle = (random.double(0...1) + random.double(0...1)) / 2
            minute = min(360 + Int(middle * 1_080), 1_439)
        }
        return minute * 60 + random.int(0...59)
    }

    private mutating func draw(_ weights: [Int]) -> Int {
        var roll = random.int(0..<weights.reduce(0, +))
        for (index, weight) in weights.enumerated() {
            if roll < weight { return index }
            roll -= weight
        }
        return weights.count - 1
    }

    /// 2014-01-01 was a Wednesday.
    private static func isWeekend(_ day: Int) -> Bool {
        day % 7 == 3 || day % 7 == 4
    }

    /// `2014-01-01` for day 0, on into 2015.
    private static func dates() -> [String] {
        var dates: [String] = []
        for year in 2014...2015 {
            for (month, days) in daysInMonth.enumerated() {
                for day in 1...days {
                    dates.append("\(year)-\(month < 9 ? "0" : "")\(month + 1)-\(day < 10 ? "0" : "")\(day)")
                }
            }
        }
        return dates
    }
}

/// `value` in `width` digits with leading zeros.
private func appendDigits(_ value: Int, _ width: Int, to bytes: inout [UInt8]) {
    var divisor = 1
    for _ in 1..<width { divisor *= 10 }
    while divisor > 0 {
        bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
        divisor /= 10
    }
}
