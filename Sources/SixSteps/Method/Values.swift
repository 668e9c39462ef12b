import Store

/// Turning what a person types into stored values, and checking them on the way.
extension Field {
    /// Parses the text of a command-line option. An empty text clears an optional field.
    public func parse(_ text: String) throws -> SQLValue {
        let trimmed = text.trimmingSpaces
        if trimmed.isEmpty {
            if required { throw DomainError.invalidValue(field: name, value: text, expected: "a value (it cannot be empty)") }
            return .null
        }
        switch type {
        case .text:
            return .text(text)
        case .integer(let range):
            guard let value = Int64(trimmed), range.contains(value) else {
                throw DomainError.invalidValue(field: name, value: text, expected: expectation)
            }
            return .integer(value)
        case .number:
            guard let value = parseDecimal(trimmed) else {
                throw DomainError.invalidValue(field: name, value: text, expected: expectation)
            }
            return .real(value)
        case .date:
            guard let date = ISODate(trimmed) else {
                throw DomainError.invalidValue(field: name, value: text, expected: expectation)
            }
            return .text(date.description)
        case .choice(let options):
            let lowered = trimmed.lowercased()
            guard options.contains(lowered) else {
                throw DomainError.invalidValue(field: name, value: text, expected: expectation)
            }
            return .text(lowered)
        case .flag:
            switch trimmed.lowercased() {
            case "yes", "ja", "true", "1": return .integer(1)
            case "no", "nee", "false", "0": return .integer(0)
            default: throw DomainError.invalidValue(field: name, value: text, expected: expectation)
            }
        case .reference(let kind):
            return try kind.parseRef(trimmed, field: name)
        case .phase:
            // Slugs have no accents: `--phase oriëntatie` is the phase orientatie.
            return .text(ImportVocabulary.plainSlug(trimmed))
        case .slugList:
            let slugs = trimmed.split(separator: ",").map { $0.trimmingSpaces.lowercased() }.filter { !$0.isEmpty }
            return .text(slugs.joined(separator: ","))
        }
    }

    /// Checks a value that did not come through `parse`, such as one from an imported file.
    func check(_ value: SQLValue) throws {
        let shown = value.string ?? value.int.map { "\($0)" } ?? value.double.map { "\($0)" } ?? "null"
        func fail() -> DomainError { .invalidValue(field: name, value: shown, expected: expectation) }
        switch (type, value) {
        case (_, .null): return
        case (.text, .text), (.phase, .text), (.slugList, .text): return
        case (.integer(let range), _):
            guard let int = value.int, range.contains(int) else { throw fail() }
        case (.number, .integer), (.number, .real): return
        case (.date, .text(let text)):
            guard ISODate(text)?.description == text else { throw fail() }
        case (.choice(let options), .text(let text)):
            guard options.contains(text) else { throw fail() }
        case (.flag, .integer(let int)):
            guard int == 0 || int == 1 else { throw fail() }
        case (.reference(let kind), _):
            if kind.identity == .slug, case .text = value { return }
            if kind.identity != .slug, case .integer = value { return }
            throw fail()
        default:
            throw fail()
        }
    }

    /// What a valid value looks like, for error messages and help.
    public var expectation: String {
        switch type {
        case .text, .phase: return "text"
        case .integer(let range):
            return range.upperBound == Int64.max
                ? "a whole number of at least \(range.lowerBound)"
                : "a whole number from \(range.lowerBound) to \(range.upperBound)"
        case .number: return "a number such as 7.8 or 7,8"
        case .date: return "a real date as YYYY-MM-DD, such as 2014-03-03"
        case .choice(let options): return "one of " + options.joined(separator: ", ")
        case .flag: return "yes or no"
        case .reference(let kind):
            if case .numbered(let prefix) = kind.identity { return "a \(kind.noun) id such as \(prefix)1" }
            return "the slug of a \(kind.noun)"
        case .slugList(let kind): return "\(kind.noun) slugs separated by commas"
        }
    }
}

extension Kind {
    /// Reads `F12`, `f12` or `12` for numbered kinds, a slug for the others.
    public func parseRef(_ text: String, field: String? = nil) throws -> SQLValue {
        let trimmed = text.trimmingSpaces
        switch identity {
        case .slug:
            return .text(ImportVocabulary.plainSlug(trimmed))
        case .numbered(let prefix):
            var digits = Substring(trimmed)
            if let first = digits.first, first.uppercased() == String(prefix) { digits = digits.dropFirst() }
            guard let id = Int64(digits), id > 0 else {
                if let field {
                    throw DomainError.invalidValue(field: field, value: text, expected: "a \(noun) id such as \(prefix)1")
                }
                throw DomainError.unknownRecord(self, text)
            }
            return .integer(id)
        }
    }

    /// How a person writes the key: `F12` or `mor`.
    public func ref(_ key: SQLValue) -> String {
        switch (identity, key) {
        case (.numbered(let prefix), .integer(let id)): return "\(prefix)\(id)"
        case (_, .text(let slug)): return slug
        default: return "?"
        }
    }
}

/// Slugs are what people type and what URLs of the site will use: lowercase, digits, hyphens.
public func validateSlug(_ slug: String) throws {
    let bytes = Array(slug.utf8)
    guard let first = bytes.first, (97...122).contains(first), bytes.count <= 60,
          bytes.allSatisfy({ (97...122).contains($0) || (48...57).contains($0) || $0 == 45 })
    else { throw DomainError.invalidSlug(slug) }
}

/// Accepts a decimal point or a Dutch decimal comma: "7.8" and "7,8".
public func parseDecimal(_ text: String) -> Double? {
    let normalized = String(text.map { $0 == "," ? "." : $0 })
    guard let value = Double(normalized), value.isFinite else { return nil }
    // Double() also reads "nan", "inf" and hex; a person means none of those.
    guard normalized.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }) else {
        return nil
    }
    return value
}

extension StringProtocol {
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
