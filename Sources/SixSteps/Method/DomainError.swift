/// What a person did that the roadmap cannot accept, each with the way out.
public enum DomainError: Error, Equatable, CustomStringConvertible {
    case unknownRecord(Kind, String)
    case unknownPhase(journey: String, phase: String, phases: [String])
    case missingValue(Kind, field: String)
    case invalidValue(field: String, value: String, expected: String)
    case invalidSlug(String)
    case duplicate(Kind, String)
    case linked(record: String, links: [String])
    case needed(record: String, by: [String])
    case dependencyCycle([String])
    case inconsistent(String)
    case notEmpty(path: String)
    case badImport(String)
    case frozen(cycle: String)
    case noOpenCycle
    case cycleStillOpen(String)
    case badFile(path: String, String)
    /// Several problems of one import file, each with its line and column; `total` counts them all.
    case problems(path: String, [String], total: Int)

    public var description: String {
        switch self {
        case .unknownRecord(let kind, let ref):
            return "unknown \(kind.noun) '\(ref)'; see 'molensloot \(kind.noun) list'"
        case .unknownPhase(let journey, let phase, let phases):
            let known = phases.isEmpty ? "it has no phases yet" : "its phases are " + phases.joined(separator: ", ")
            return "journey '\(journey)' has no phase '\(phase)'; \(known)"
        case .missingValue(let kind, let field):
            return "a \(kind.noun) needs --\(field.replacingUnderscores); add it to the command"
        case .invalidValue(let field, let value, let expected):
            return "--\(field.replacingUnderscores) '\(value)' is not valid: expected \(expected)"
        case .invalidSlug(let slug):
            return "'\(slug)' is not a valid slug: use lowercase letters, digits and hyphens, starting with a letter, like 'csat-mor'"
        case .duplicate(let kind, let ref):
            if kind.identity == .slug {
                return "a \(kind.noun) '\(ref)' already exists; choose another slug or edit that one"
            }
            return "\(ref) appears twice; every \(kind.noun) needs its own id"
        case .linked(let record, let links):
            return "\(record) is linked to \(Self.summary(links)); pass --force to remove it together with these links"
        case .needed(let record, let records):
            return "\(record) is needed by \(Self.summary(records)), which cannot exist without it; move or remove those first"
        case .dependencyCycle(let path):
            return "that dependency would make a cycle (\(path.joined(separator: " → "))); remove one of these dependencies first"
        case .inconsistent(let message):
            return message
        case .notEmpty(let path):
            return "\(path) already holds a roadmap; import into a new file with --db NEW.sqlite, or pass --replace to overwrite it"
        case .badImport(let message):
            return message
        case .frozen(let cycle):
            return "\(cycle) is closed, so its measurements are frozen; measure in the open cycle instead"
        case .noOpenCycle:
            return "no cycle is open; open one with 'molensloot cycle open NAME' or name one with --cycle"
        case .cycleStillOpen(let cycle):
            return "\(cycle) is still open; close it first with 'molensloot cycle close'"
        case .badFile(let path, let message):
            return "\(path): \(message); nothing was imported"
        case .problems(let path, let messages, let total):
            // One line, as every message, with the problems numbered so each can be found.
            let more = total > messages.count ? " … and \(total - messages.count) more" : ""
            return "\(path): \(total) problems; nothing was imported. Fix them all and import again: "
                + messages.enumerated().map { "[\($0.offset + 1)] \($0.element)" }.joined(separator: " ") + more
        }
    }

    /// Names up to eight records and counts the rest, so the message stays one readable line.
    static func summary(_ records: [String]) -> String {
        let shown = records.prefix(8).joined(separator: ", ")
        return records.count > 8 ? "\(shown) and \(records.count - 8) more" : shown
    }
}
