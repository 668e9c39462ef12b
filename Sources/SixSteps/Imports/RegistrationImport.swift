/// The JSON a municipality's KCC system exports, as the public standards define it.
public enum RegistrationFormat: String, CaseIterable, Sendable {
    /// Open Klant's Klantinteracties API: `klantcontacten`, a page of `results` with `kanaal`,
    /// `onderwerp`, `plaatsgevondenOp`, `indicatieContactGelukt` and the onderwerpobjecten it was
    /// about (with `?expand=gingOverOnderwerpobjecten`, the case number in their identificator).
    case openKlant = "open-klant"
    /// The older Contactmomenten API: `registratiedatum`, `kanaal`, `tekst`, `objectcontactmomenten`.
    case contactmomenten
    /// KISS's rapportage export of contactmomenten: `Startdatum`, `Kanaal`, `Vraag`,
    /// `Gespreksresultaat`, `VerantwoordelijkeAfdeling`.
    case kiss

    public static let names = allCases.map(\.rawValue)
}

/// What a registration import read, besides the contacts and counts it wrote.
public struct RegistrationImport: Sendable {
    public let format: RegistrationFormat
    public let result: VolumeImport
    /// Contacts without a linked case or person: each is counted as a case of its own.
    public let withoutCase: Int
    /// Contacts whose registration says whether they were resolved.
    public let withResolution: Int
}

/// One contact as the registration has it, before it is checked against the roadmap.
private struct RawRegistration {
    let place: String
    var moment: String?
    var channel: String?
    var reason: String?
    var caseKey: String?
    var ownKey: String?
    var resolved: Bool?
}

extension RoadmapFile {
    /// Reads a KCC system's JSON export (a page with `results`, or a list) as contact
    /// registrations: each contact's moment, channel (by slug, name or the stored mapping),
    /// reason (through the stored mapping), case key (hashed, as every contact import does) and
    /// whether it was resolved. A contact already in the roadmap is skipped, as with CSV.
    /// Every problem of the file is reported at once, and nothing is written unless all is well.
    public func importRegistrations(_ text: String, path: String, format: RegistrationFormat? = nil,
                                    dryRun: Bool, key loadKey: () throws -> PseudonymKey) throws -> RegistrationImport {
        let json: JSON
        do { json = try JSON.parse(text) } catch {
            throw DomainError.badFile(path: path, Message("is geen geldige JSON (", "is not valid JSON (") + .of(error) + Message(")", ")"))
        }
        let items: [JSON]
        if let list = json.array {
            items = list
        } else if let page = json["results"]?.array ?? json["contactmomenten"]?.array ?? json["klantcontacten"]?.array {
            items = page
        } else {
            throw DomainError.badFile(path: path, Message("bevat geen lijst met contacten: verwacht een pagina met \"results\" of een lijst",
                                                          "holds no list of contacts: expected a page with \"results\" or a list"))
        }
        guard let first = items.first?.object else {
            throw DomainError.badFile(path: path, Message("het bestand bevat geen contacten", "the file holds no contacts"))
        }
        let format = try format ?? Self.detectFormat(first, path: path)
        let raws = try items.enumerated().map { index, record -> RawRegistration in
            guard let object = record.object else {
                throw DomainError.badFile(path: path, Message("item \(index + 1) is geen object", "item \(index + 1) is not an object"))
            }
            return Self.raw(object, format: format, place: "item \(index + 1)")
        }
        // An older file that still holds the secret is sent to `key move` before any key file is asked for.
        if try setting(.contactKey) != nil { throw PseudonymKeyError.stillInRoadmap }
        let key = try loadKey()
        var counts = (withoutCase: 0, withResolution: 0)
        func check() throws -> CheckedContacts {
            try checkKey(key)
            let hasher = key.hasher
            let lookups = try SurveyLookups(self)
            let reasons = try reasonMappings()
            var numbered = NumberedTexts()
            var problems: [Message] = []
            var total = 0
            var unknownChannels: [String: (place: String, count: Int)] = [:]
            var contacts: [CheckedContact] = []
            counts = (0, 0)
            func problem(_ text: Message) {
                total += 1
                if problems.count < ImportProblems.shown { problems.append(text) }
            }
            for raw in raws {
                guard let moment = raw.moment, let at = Self.moment(moment) else {
                    problem(Message("\(raw.place): ", "\(raw.place): ") + (raw.moment.map {
                        Message("'\($0)' is geen datum en tijd zoals 2014-03-12T09:14:00", "'\($0)' is not a date and time like 2014-03-12T09:14:00")
                    } ?? Message("heeft geen datum en tijd (\(format.momentField))", "has no date and time (\(format.momentField))")))
                    continue
                }
                guard let spelled = raw.channel, !spelled.trimmingSpaces.isEmpty else {
                    problem(Message("\(raw.place): heeft geen kanaal (\(format.channelField))", "\(raw.place): has no channel (\(format.channelField))"))
                    continue
                }
                guard let channel = try? lookups.channel(spelled, fail: { CSVError(line: 0, column: nil, message: $0) }) else {
                    unknownChannels[spelled, default: (raw.place, 0)].count += 1
                    continue
                }
                let reasonText = raw.reason.map { reasons[ImportVocabulary.fold($0)] ?? String($0.trimmingSpaces.prefix(200)) } ?? ""
                let journey = try? lookups.journey(reasonText, fail: { CSVError(line: 0, column: nil, message: $0) })
                guard let key = raw.caseKey ?? raw.ownKey, !key.isEmpty else {
                    problem(Message("\(raw.place): heeft geen zaak-, persoons- of contact-id om het aan te koppelen",
                                    "\(raw.place): has no case, person or contact id to link it by"))
                    continue
                }
                if raw.caseKey == nil { counts.withoutCase += 1 }
                if raw.resolved != nil { counts.withResolution += 1 }
                var contact = CheckedContact(caseKey: Int64(bitPattern: hasher.hash(key)), at: at.seconds,
                                             channel: numbered.number(channel), reason: numbered.number(reasonText),
                                             journey: journey.map { numbered.number($0) } ?? CheckedContact.none)
                contact.resolved = raw.resolved.map { $0 ? 1 : 0 } ?? CheckedContact.unknown
                contacts.append(contact)
            }
            for (spelling, seen) in unknownChannels.sorted(by: { $0.key < $1.key }) {
                let channels = try records(.channel).map(\.ref).joined(separator: ", ")
                problem(Message("\(seen.place): onbekend kanaal '\(spelling)' (\(seen.count) contacten); koppel het één keer met "
                                    + "'molensloot mapping set channel \"\(spelling)\" SLUG' (kanalen: \(channels))",
                                "\(seen.place): unknown channel '\(spelling)' (\(seen.count) contacts); map it once with "
                                    + "'molensloot mapping set channel \"\(spelling)\" SLUG' (channels: \(channels))"))
            }
            if total == 1, let only = problems.first { throw DomainError.badFile(path: path, only) }
            if total > 1 { throw DomainError.problems(path: path, problems, total: total) }
            return try checkedContacts(contacts, texts: numbered.texts)
        }
        let result = try writeContacts(try read(check), path: path, dryRun: dryRun, key: key, check: check)
        return RegistrationImport(format: format, result: result, withoutCase: counts.withoutCase,
                                  withResolution: counts.withResolution)
    }

    private static func detectFormat(_ object: JSONObject, path: String) throws -> RegistrationFormat {
        if object["plaatsgevondenOp"] != nil { return .openKlant }
        if object["registratiedatum"] != nil { return .contactmomenten }
        if object.keys.contains(where: { ImportVocabulary.fold($0) == "startdatum" }) { return .kiss }
        let names = RegistrationFormat.names.joined(separator: "|")
        throw DomainError.badFile(path: path, Message(
            "is geen bekende export van registraties: verwacht Open Klant klantcontacten (plaatsgevondenOp), "
                + "Contactmomenten (registratiedatum) of een export van KISS (Startdatum); noem het formaat met --format \(names)",
            "is not a known registration export: expected Open Klant klantcontacten "
                + "(plaatsgevondenOp), Contactmomenten (registratiedatum) or a KISS export (Startdatum); "
                + "name it with --format \(names)"))
    }

    /// The fields of one registration, by the standard's names.
    private static func raw(_ object: JSONObject, format: RegistrationFormat, place: String) -> RawRegistration {
        var raw = RawRegistration(place: place)
        switch format {
        case .openKlant:
            raw.moment = object["plaatsgevondenOp"]?.string
            raw.channel = object["kanaal"]?.string
            raw.reason = object["onderwerp"]?.string
            raw.resolved = object["indicatieContactGelukt"]?.bool
            // The case the contact was about: the identificator of its onderwerpobject, which
            // the API includes with ?expand=gingOverOnderwerpobjecten.
            let about = object["_expand"]?["gingOverOnderwerpobjecten"]?.array ?? object["gingOverOnderwerpobjecten"]?.array ?? []
            raw.caseKey = about.lazy.compactMap { $0["onderwerpobjectidentificator"]?["objectId"]?.string }.first { !$0.isEmpty }
            raw.ownKey = object["uuid"]?.string ?? object["nummer"]?.string ?? object["url"]?.string
        case .contactmomenten:
            raw.moment = object["registratiedatum"]?.string
            raw.channel = object["kanaal"]?.string
            raw.reason = object["vraag"]?.string ?? object["tekst"]?.string.map { firstLine($0) }
            raw.resolved = object["gespreksresultaat"]?.string.flatMap(resolution)
            // An objectcontactmoment links the contact to an object, usually a zaak: the object's
            // URL when it is included, else the link itself.
            let links = object["objectcontactmomenten"]?.array ?? []
            raw.caseKey = links.lazy.compactMap { $0["object"]?.string ?? $0.string }.first { !$0.isEmpty }
            raw.ownKey = object["url"]?.string ?? object["uuid"]?.string
        case .kiss:
            func field(_ names: String...) -> String? {
                let wanted = Set(names)
                return object.keys.first { wanted.contains(ImportVocabulary.fold($0)) }.flatMap { object[$0]?.string }
            }
            raw.moment = field("startdatum", "registratiedatum")
            raw.channel = field("kanaal")
            raw.reason = field("vraag", "specifiekevraag", "verantwoordelijkeafdeling", "afdeling")
            raw.resolved = field("gespreksresultaat").flatMap(resolution)
            raw.caseKey = field("zaaknummer", "zaak", "zaakidentificatie", "klantnummer", "klant")
            raw.ownKey = field("id", "contactmomentid", "uuid", "url")
        }
        return raw
    }

    /// The first line of a free text, shortened: a contact reason, not the whole conversation.
    private static func firstLine(_ text: String) -> String {
        String((text.split(whereSeparator: \.isNewline).first ?? "").prefix(80))
    }

    /// Whether a gespreksresultaat says the question was answered at this contact: yes for
    /// "Vraag beantwoord", "Afgehandeld", "Opgelost"; no for a call-back request, a transfer or
    /// "Niet beantwoord"; unknown otherwise.
    private static func resolution(_ text: String) -> Bool? {
        if let plain = ImportVocabulary.yesNo(text) { return plain }
        let folded = ImportVocabulary.fold(text)
        for no in ["niet", "terugbel", "contactverzoek", "doorverbonden", "doorgezet", "verbroken"] where folded.contains(no) {
            return false
        }
        for yes in ["beantwoord", "afgehandeld", "opgelost", "informatieverstrekt", "geholpen"] where folded.contains(yes) {
            return true
        }
        return nil
    }

    /// A registration's moment in local time: `2014-03-12T09:14:05+01:00`, with `Z`, fractions of a
    /// second or without a zone; the time as written is the time of day (every registration of a
    /// municipality is in one zone, and only the day and the order of contacts count).
    static func moment(_ text: String) -> Timestamp? {
        let trimmed = text.trimmingSpaces
        guard trimmed.count > 10 else { return nil }
        let timeStart = trimmed.index(trimmed.startIndex, offsetBy: 11)
        let end = trimmed[timeStart...].firstIndex { $0 == "." || $0 == "+" || $0 == "Z" || $0 == "z" || $0 == "-" } ?? trimmed.endIndex
        return Timestamp(String(trimmed[..<end]))
    }
}

extension RegistrationFormat {
    var momentField: String {
        switch self {
        case .openKlant: return "plaatsgevondenOp"
        case .contactmomenten: return "registratiedatum"
        case .kiss: return "Startdatum"
        }
    }

    var channelField: String { self == .kiss ? "Kanaal" : "kanaal" }
}
