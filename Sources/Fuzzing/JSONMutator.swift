import SixSteps

/// Structural mutations of a JSON document: values of the wrong type, keys removed, renamed or
/// repeated, records doubled or swapped, numbers past every limit, nesting far too deep. Works
/// on its own tree, which, unlike `JSON`, can hold repeated keys and numbers written any way.
public enum JSONMutator {
    indirect enum Node {
        case literal(String)
        case string(String)
        case array([Node])
        case object([(String, Node)])
    }

    /// One to three mutations; text that does not parse gets byte mutations instead.
    public static func mutate(_ text: String, _ random: inout FuzzRandom) -> String {
        guard let parsed = try? JSON.parse(text) else {
            return String(decoding: Mutate.bytes(Array(text.utf8), &random), as: UTF8.self)
        }
        var node = Node(parsed)
        for _ in 0..<random.int(1...3) {
            if random.oneIn(5) {
                let serialized = serialize(node)
                return String(decoding: Mutate.bytes(Array(serialized.utf8), &random), as: UTF8.self)
            }
            node = mutateSomewhere(node, &random, depth: 0)
        }
        if random.oneIn(12) {
            // Nesting far past the parser's limit: closed, as the value of some field (or the
            // whole document), or left open at the top or in the middle.
            let depth = random.pick([513, 5_000, 200_000])
            let array = random.oneIn(2)
            let open = String(repeating: array ? "[" : "{\"a\":", count: depth)
            if random.oneIn(2) {
                let deep = Node.literal(open + "1" + String(repeating: array ? "]" : "}", count: depth))
                node = random.oneIn(4) ? deep : replaceSomewhere(node, with: deep, &random)
            } else {
                var result = serialize(node)
                let place = random.oneIn(2) ? result.startIndex : result.index(result.startIndex, offsetBy: random.below(result.count))
                result.insert(contentsOf: open, at: place)
                return result
            }
        }
        return serialize(node)
    }

    /// Puts `replacement` in the place of a node on a random path down the tree.
    static func replaceSomewhere(_ node: Node, with replacement: Node, _ random: inout FuzzRandom) -> Node {
        switch node {
        case .array(var elements) where !elements.isEmpty && !random.oneIn(4):
            let index = random.below(elements.count)
            elements[index] = replaceSomewhere(elements[index], with: replacement, &random)
            return .array(elements)
        case .object(var members) where !members.isEmpty && !random.oneIn(4):
            let index = random.below(members.count)
            members[index].1 = replaceSomewhere(members[index].1, with: replacement, &random)
            return .object(members)
        default:
            return replacement
        }
    }

    /// Walks down a random path and mutates the node it ends on.
    static func mutateSomewhere(_ node: Node, _ random: inout FuzzRandom, depth: Int) -> Node {
        let stop = random.oneIn(4) || depth > 6
        switch node {
        case .array(var elements) where !elements.isEmpty && !stop:
            let index = random.below(elements.count)
            elements[index] = mutateSomewhere(elements[index], &random, depth: depth + 1)
            return .array(elements)
        case .object(var members) where !members.isEmpty && !stop:
            let index = random.below(members.count)
            members[index].1 = mutateSomewhere(members[index].1, &random, depth: depth + 1)
            return .object(members)
        default:
            return mutateHere(node, &random)
        }
    }

    static func mutateHere(_ node: Node, _ random: inout FuzzRandom) -> Node {
        switch (node, random.below(4)) {
        case (.object(var members), 0) where !members.isEmpty:
            let index = random.below(members.count)
            switch random.below(4) {
            case 0: members.remove(at: index)
            case 1: members.append(members[index])
            case 2: members[index].0 = random.pick(keys + Interesting.texts + Interesting.unicode)
            default: members.append((random.pick(keys), replacement(&random)))
            }
            return .object(members)
        case (.array(var elements), 0) where !elements.isEmpty:
            let index = random.below(elements.count)
            switch random.below(4) {
            case 0: elements.remove(at: index)
            case 1: elements.insert(elements[index], at: random.below(elements.count + 1))
            case 2: elements.swapAt(index, random.below(elements.count))
            default: elements.append(replacement(&random))
            }
            return .array(elements)
        case (.string(let text), 1):
            var bytes = Array(text.utf8)
            bytes = Mutate.bytes(bytes, &random)
            return .string(String(decoding: bytes, as: UTF8.self))
        default:
            return replacement(&random)
        }
    }

    /// The keys of the export format, so renamed and added keys are often ones the importer knows.
    static let keys = [
        "format", "version", "settings", "vision", "next_ids", "id", "slug", "title", "name", "kind", "journey", "phase", "phases",
        "touchpoint", "persona", "channel", "channels", "severity", "findings", "opportunities", "items", "metrics", "metric",
        "cycle", "cycles", "measurements", "survey_responses", "volumes", "score", "value", "n", "sd", "status", "depends_on",
        "expected_change", "impact", "effort", "reach", "confidence", "spearhead", "horizon", "start_date", "due_date",
        "period", "count", "reason", "quotable", "comment", "text", "updated_on", "privacy_threshold", "score_method",
    ]

    static func replacement(_ random: inout FuzzRandom) -> Node {
        switch random.below(9) {
        case 0: return .literal(random.pick(["null", "true", "false"]))
        case 1: return .literal(random.pick(["0", "-0", "-1", "1.5", "1e308", "1e309", "-1e999", "99999999999999999999",
                                             "9223372036854775807", "-9223372036854775808", "1E-400", "0.1e1"]))
        case 2: return .string(random.pick(Interesting.all))
        case 3: return .string(random.pick(Interesting.unicode) + random.pick(Interesting.texts))
        case 4: return .array([])
        case 5: return .object([])
        case 6: return .string(String(repeating: random.pick(["x", "é", "\"", "\\"]), count: random.pick([1_000, 100_000])))
        case 7:
            var node = Node.literal("1")
            for _ in 0..<random.int(2...40) { node = random.oneIn(2) ? .array([node]) : .object([("a", node)]) }
            return node
        default: return .string(random.pick(Interesting.dates))
        }
    }

    static func serialize(_ node: Node) -> String {
        var out = ""
        write(node, into: &out)
        return out
    }

    static func write(_ node: Node, into out: inout String) {
        switch node {
        case .literal(let text): out += text
        case .string(let text): quote(text, into: &out)
        case .array(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += "," }
                write(element, into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                quote(member.0, into: &out)
                out += ":"
                write(member.1, into: &out)
            }
            out += "}"
        }
    }

    static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

extension JSONMutator.Node {
    init(_ json: JSON) {
        switch json {
        case .null: self = .literal("null")
        case .bool(let value): self = .literal(value ? "true" : "false")
        case .int(let value): self = .literal(String(value))
        case .double(let value): self = .literal(value.isFinite ? "\(value)" : "0")
        case .string(let value): self = .string(value)
        case .array(let elements): self = .array(elements.map(JSONMutator.Node.init))
        case .object(let members): self = .object(members.map { ($0.key, JSONMutator.Node($0.value)) })
        }
    }
}
