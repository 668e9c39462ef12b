import Store

extension RoadmapFile {
    /// Imports what the ZGW standards define, as a case system exports it: zaaktypen (Catalogi
    /// API: `identificatie`, `omschrijving`, `doorlooptijd`, `servicenorm`, `statustypen`),
    /// statustypen (`omschrijving`, `volgnummer`, `zaaktype`, `isEindstatus`), zaken (Zaken API:
    /// `identificatie`, `zaaktype`, `startdatum`, `einddatum`, `uiterlijkeEinddatumAfdoening`,
    /// `registratiedatum`, `verlenging`, `opschorting`) and statussen (`zaak`, `statustype`,
    /// `datumStatusGezet`). Each document is a page with `results`, a list, or an object with the
    /// lists under `zaaktypen`, `statustypen`, `zaken` and `statussen`; the kind of each record is
    /// told by its fields. Statussen refer to zaken by their URL, so they come with their zaken in
    /// one import (several files at once). The identificatie is hashed as every case key is.
    public func importZGW(_ documents: [(path: String, text: String)], dryRun: Bool,
                          key loadKey: () throws -> PseudonymKey) throws -> CaseImport {
        var records: [(place: String, object: JSONObject)] = []
        for (path, text) in documents {
            let json: JSON
            do { json = try JSON.parse(text) } catch {
                throw DomainError.badFile(path: path, Message("is geen geldige JSON (", "is not valid JSON (") + .of(error) + Message(")", ")"))
            }
            var lists: [(String, [JSON])] = []
            if let list = json.array {
                lists = [("", list)]
            } else if let page = json["results"]?.array {
                lists = [("results", page)]
            } else if let object = json.object {
                lists = ["zaaktypen", "statustypen", "zaken", "statussen"].compactMap { name in object[name]?.array.map { (name, $0) } }
            }
            guard !lists.isEmpty else {
                throw DomainError.badFile(path: path, Message(
                    "bevat geen lijst met zaken, statussen, zaaktypen of statustypen: "
                        + "verwacht een pagina met \"results\", een lijst, of lijsten met de namen zaaktypen, statustypen, zaken, statussen",
                    "holds no list of zaken, statussen, zaaktypen or statustypen: "
                        + "expected a page with \"results\", a list, or lists named zaaktypen, statustypen, zaken, statussen"))
            }
            for (name, list) in lists {
                for (index, item) in list.enumerated() {
                    let place = "\(path): " + (name.isEmpty ? "item \(index + 1)" : "\(name)[\(index)]")
                    guard let object = item.object else {
                        throw DomainError.badFile(path: path, Message("\(place) is geen object", "\(place) is not an object"))
                    }
                    records.append((place, object))
                }
            }
        }
        if try setting(.contactKey) != nil { throw PseudonymKeyError.stillInRoadmap }
        let key = try loadKey()
        let plan = try read {
            try checkKey(key)
            return try zgwPlan(records, hasher: key.hasher)
        }
        return try writeCases(plan, path: documents.map(\.path).joined(separator: ", "), dryRun: dryRun, key: key)
    }

    private func zgwPlan(_ records: [(place: String, object: JSONObject)], hasher: SipHasher) throws -> CaseImportPlan {
        var problems: [Message] = []
        var total = 0
        func problem(_ text: Message) {
            total += 1
            if problems.count < ImportProblems.shown { problems.append(text) }
        }
        func isType(_ o: JSONObject) -> Bool { o["doorlooptijd"] != nil || (o["statustypen"] != nil && o["zaak"] == nil) }
        func isStep(_ o: JSONObject) -> Bool { o["volgnummer"] != nil }
        func isCase(_ o: JSONObject) -> Bool { o["startdatum"] != nil && o["identificatie"] != nil }
        func isStatus(_ o: JSONObject) -> Bool { o["datumStatusGezet"] != nil }

        var plan = CaseImportPlan()
        plan.rows = records.count
        var typeByURL: [String: String] = [:]
        for type in try caseTypesInside() {
            if let url = type.url { typeByURL[url] = type.ref }
        }
        var stepByURL: [String: (type: String, status: String)] = [:]
        for row in try connection.query("SELECT case_type, status, url FROM case_steps WHERE url IS NOT NULL") {
            stepByURL[row.string(2)] = (row.string(0), row.string(1))
        }
        func text(_ value: JSON?, _ field: String, _ place: String, limit: Int = 200) -> String? {
            guard let raw = value?.string?.trimmingSpaces, !raw.isEmpty else { return nil }
            if raw.count > limit || raw.unicodeScalars.contains(where: TextRules.isControl) {
                problem(Message("\(place): \(field) is langer dan \(limit) tekens of bevat een stuurteken", "\(place): \(field) is longer than \(limit) characters or holds a control character"))
                return nil
            }
            return raw
        }
        func duration(_ value: JSON?, _ field: String, _ place: String) -> String? {
            guard let raw = value?.string, !raw.isEmpty else { return nil }
            guard let parsed = ISODuration(raw) else {
                problem(Message("\(place): \(field) '\(TextRules.escaped(String(raw.prefix(40))))' is geen duur volgens ISO 8601 in dagen, weken, maanden of jaren, zoals P8W", "\(place): \(field) '\(TextRules.escaped(String(raw.prefix(40))))' is not an ISO 8601 duration in days, weeks, months or years, such as P8W"))
                return nil
            }
            return parsed.description
        }
        // Zaaktypen, with status types inside them when the export expanded them.
        var embeddedSteps: [(place: String, object: JSONObject, type: String)] = []
        for (place, object) in records where isType(object) {
            guard let name = text(object["omschrijving"], "omschrijving", place) else {
                problem(Message("\(place): een zaaktype heeft zijn omschrijving nodig", "\(place): a zaaktype needs its omschrijving"))
                continue
            }
            let ref = text(object["identificatie"], "identificatie", place) ?? name
            let url = text(object["url"], "url", place, limit: 1000)
            var type = plan.types[ref] ?? .init(ref: ref, name: name)
            type.url = url ?? type.url
            type.term = duration(object["doorlooptijd"], "doorlooptijd", place) ?? type.term
            type.serviceNorm = duration(object["servicenorm"], "servicenorm", place) ?? type.serviceNorm
            plan.types[ref] = type
            if let url { typeByURL[url] = ref }
            for (index, entry) in (object["statustypen"]?.array ?? []).enumerated() {
                if let step = entry.object { embeddedSteps.append(("\(place).statustypen[\(index)]", step, ref)) }
            }
        }
        let steps = embeddedSteps + records.filter { isStep($0.object) && !isType($0.object) }.map { ($0.place, $0.object, "") }
        for (place, object, embeddedIn) in steps {
            let typeRef = embeddedIn.isEmpty ? object["zaaktype"]?.string.flatMap { typeByURL[$0] } : embeddedIn
            guard let typeRef, plan.types[typeRef] != nil || typeByURL.values.contains(typeRef) else {
                problem(Message("\(place): het zaaktype van het statustype zit niet bij de zaaktypen die nu of eerder zijn geïmporteerd; importeer de zaaktypen mee", "\(place): the statustype's zaaktype is not among the zaaktypen imported now or before; import the zaaktypen with it"))
                continue
            }
            guard let status = text(object["omschrijving"], "omschrijving", place), let number = object["volgnummer"]?.int,
                  (1...9_999).contains(number) else {
                problem(Message("\(place): een statustype heeft zijn omschrijving en een volgnummer van 1 tot en met 9999 nodig", "\(place): a statustype needs its omschrijving and a volgnummer from 1 to 9999"))
                continue
            }
            if plan.types[typeRef] == nil, let known = try caseTypesInside().first(where: { $0.ref == typeRef }) {
                plan.types[typeRef] = .init(ref: known.ref, name: known.name)
            }
            let url = text(object["url"], "url", place, limit: 1000)
            plan.types[typeRef]?.steps[status] = .init(status: status, url: url, position: Int(number))
            if let url { stepByURL[url] = (typeRef, status) }
        }
        // Zaken, by their URL for the statussen that refer to them.
        var caseByURL: [String: (key: Int64, type: String)] = [:]
        for (place, object) in records where isCase(object) && !isStatus(object) {
            guard let identification = object["identificatie"]?.string, !identification.isEmpty else {
                problem(Message("\(place): een zaak heeft zijn identificatie nodig", "\(place): a zaak needs its identificatie"))
                continue
            }
            guard let typeURL = object["zaaktype"]?.string, let typeRef = typeByURL[typeURL] else {
                problem(Message("\(place): het zaaktype van de zaak zit niet bij de zaaktypen die nu of eerder zijn geïmporteerd; importeer de zaaktypen mee", "\(place): the zaak's zaaktype is not among the zaaktypen imported now or before; import the zaaktypen with it"))
                continue
            }
            func day(_ field: String) -> String?? {
                guard let raw = object[field]?.string else { return .some(nil) }
                guard let date = ISODate(String(raw.prefix(10))) else {
                    problem(Message("\(place): \(field) '\(TextRules.escaped(String(raw.prefix(40))))' is geen datum zoals 2015-03-12", "\(place): \(field) '\(TextRules.escaped(String(raw.prefix(40))))' is not a date like 2015-03-12"))
                    return nil
                }
                return .some(date.description)
            }
            guard let start = day("startdatum"), let end = day("einddatum"), let deadline = day("uiterlijkeEinddatumAfdoening"),
                  let registered = day("registratiedatum") else { continue }
            guard let start = start ?? registered else {
                problem(Message("\(place): een zaak heeft zijn startdatum nodig", "\(place): a zaak needs its startdatum"))
                continue
            }
            if let end, end < start { problem(Message("\(place): einddatum \(end) ligt vóór startdatum \(start)", "\(place): einddatum \(end) lies before startdatum \(start)")) }
            let key = identification.utf8.withContiguousStorageIfAvailable { hasher.hash($0) }
                ?? Array(identification.utf8).withUnsafeBufferPointer { hasher.hash($0) }
            plan.cases.append(.init(key: Int64(bitPattern: key), type: typeRef, start: start, end: end, deadline: deadline,
                                    extensionDuration: duration(object["verlenging"]?["duur"], "verlenging.duur", place),
                                    suspended: object["opschorting"]?["indicatie"]?.bool ?? false))
            if let url = object["url"]?.string { caseByURL[url] = (Int64(bitPattern: key), typeRef) }
        }
        var statusNumbers = NumberedTexts()
        for (place, object) in records where isStatus(object) {
            guard let caseURL = object["zaak"]?.string, let found = caseByURL[caseURL] else {
                problem(Message("\(place): de zaak van de status zit niet bij de zaken van deze import; importeer statussen samen met hun zaken", "\(place): the status's zaak is not among the zaken of this import; import statussen together with their zaken"))
                continue
            }
            guard let stepURL = object["statustype"]?.string, let step = stepByURL[stepURL], step.type == found.type else {
                problem(Message("\(place): het statustype van de status hoort niet bij het zaaktype van de zaak; importeer de statustypen mee", "\(place): the status's statustype is not a statustype of the zaak's zaaktype; import the statustypen with it"))
                continue
            }
            guard let moment = object["datumStatusGezet"]?.string, let at = Self.moment(moment) ?? ISODate(moment).map({ Timestamp(date: $0) }) else {
                problem(Message("\(place): datumStatusGezet moet een moment zijn zoals 2015-03-12T09:14:00", "\(place): datumStatusGezet should be a moment like 2015-03-12T09:14:00"))
                continue
            }
            plan.statuses.append(.init(key: found.key, at: at.seconds, status: statusNumbers.number(step.status)))
        }
        plan.statusNames = statusNumbers.texts
        if plan.types.isEmpty && plan.cases.isEmpty && plan.statuses.isEmpty && total == 0 {
            problem(Message("geen zaaktypen, statustypen, zaken of statussen gevonden: elk record moet de velden van de ZGW-standaarden hebben", "no zaaktypen, statustypen, zaken or statussen found: each record should have the fields of the ZGW standards"))
        }
        if total == 1, let only = problems.first { throw DomainError.badImport(only) }
        if total > 1 {
            // The problems may lie in several files; each names its own, and the line names them all.
            var paths: [String] = []
            for record in records {
                let path = String(record.place.prefix { $0 != ":" })
                if !paths.contains(path) { paths.append(path) }
            }
            throw DomainError.problems(path: paths.joined(separator: ", "), problems, total: total)
        }
        plan.statuses.sort { ($0.key, $0.at, $0.status) < ($1.key, $1.at, $1.status) }
        return plan
    }
}
