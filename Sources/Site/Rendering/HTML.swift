import Basics

/// HTML as a tree of typed nodes. Text and attribute values are escaped when the tree is
/// rendered, so nothing a person typed can become markup: there is no way to put raw text in.
public enum Node: Sendable {
    /// An element's content is one node, a group when it has several. Only elements are boxed:
    /// texts and groups are stored in place, so a page of thousands of nodes makes far fewer
    /// allocations.
    indirect case element(String, [Attribute], Node)
    case text(String)
    case group([Node])
    /// Where a page's own part goes in the frame every page shares; renders as nothing. See
    /// `renderSlots()`.
    case slot

    public static let empty = Node.group([])

    /// Elements that have no end tag.
    static func isVoid(_ name: String) -> Bool {
        // By length first: most elements (a, p, li, td, span, section) are ruled out without
        // comparing a single string.
        switch name.utf8.count {
        case 2: return name == "br" || name == "hr"
        case 3: return name == "col" || name == "img" || name == "wbr"
        case 4: return name == "area" || name == "link" || name == "meta"
        case 5: return name == "input"
        case 6: return name == "source"
        default: return false
        }
    }
}

public struct Attribute: Sendable {
    public let name: String
    /// Nil for a boolean attribute such as `hidden`.
    public let value: String?

    public init(_ name: String, _ value: String?) {
        self.name = name
        self.value = value
    }

    public static func `class`(_ value: String) -> Attribute { Attribute("class", value) }
    public static func id(_ value: String) -> Attribute { Attribute("id", value) }
    public static func href(_ value: String) -> Attribute { Attribute("href", value) }
    public static func aria(_ name: String, _ value: String) -> Attribute { Attribute("aria-\(name)", value) }
    public static func data(_ name: String, _ value: String) -> Attribute { Attribute("data-\(name)", value) }
    public static func style(_ value: String) -> Attribute { Attribute("style", value) }
}

@resultBuilder
public enum HTMLBuilder {
    public static func buildBlock(_ nodes: Node...) -> Node { .group(nodes) }
    public static func buildExpression(_ node: Node) -> Node { node }
    public static func buildExpression(_ text: String) -> Node { .text(text) }
    public static func buildExpression(_ nodes: [Node]) -> Node { .group(nodes) }
    public static func buildOptional(_ node: Node?) -> Node { node ?? .empty }
    public static func buildEither(first node: Node) -> Node { node }
    public static func buildEither(second node: Node) -> Node { node }
    public static func buildArray(_ nodes: [Node]) -> Node { .group(nodes) }
}

/// `el("p", [.class("lead")]) { "text" }`: the one way markup is made.
public func el(_ name: String, _ attributes: [Attribute] = [], @HTMLBuilder _ content: () -> Node = { .empty }) -> Node {
    .element(name, attributes, content())
}

/// A link; `href` is built by the site from ids and slugs, its text is escaped like any text.
public func link(_ href: String, _ attributes: [Attribute] = [], @HTMLBuilder _ content: () -> Node) -> Node {
    .element("a", [.href(href)] + attributes, content())
}

extension Node {
    public func render() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(8_192)
        render(into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Renders as UTF-8 bytes, the form pages are written in: no String is built and copied.
    public func render(into output: inout [UInt8]) {
        switch self {
        case .text(let text):
            Node.escape(text, into: &output, quotes: false)
        case .group(let nodes):
            for node in nodes { node.render(into: &output) }
        case .element(let name, let attributes, let content):
            Node.startTag(name, attributes, into: &output)
            guard !Node.isVoid(name) else { return }
            content.render(into: &output)
            Node.endTag(name, into: &output)
        case .slot:
            break
        }
    }

    /// The rendering cut at each `.slot`: n slots give n + 1 pieces, between which the caller puts
    /// its own rendered parts.
    func renderSlots() -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var output: [UInt8] = []
        renderSlots(into: &output, pieces: &pieces)
        return pieces + [output]
    }

    private func renderSlots(into output: inout [UInt8], pieces: inout [[UInt8]]) {
        switch self {
        case .slot:
            pieces.append(output)
            output.removeAll(keepingCapacity: true)
        case .group(let nodes):
            for node in nodes { node.renderSlots(into: &output, pieces: &pieces) }
        case .element(let name, let attributes, let content):
            Node.startTag(name, attributes, into: &output)
            guard !Node.isVoid(name) else { return }
            content.renderSlots(into: &output, pieces: &pieces)
            Node.endTag(name, into: &output)
        case .text:
            render(into: &output)
        }
    }

    private static func startTag(_ name: String, _ attributes: [Attribute], into output: inout [UInt8]) {
        output.append(UInt8(ascii: "<"))
        append(name, to: &output)
        for attribute in attributes {
            output.append(UInt8(ascii: " "))
            append(attribute.name, to: &output)
            if let value = attribute.value {
                output.append(UInt8(ascii: "="))
                output.append(UInt8(ascii: "\""))
                escape(value, into: &output, quotes: true)
                output.append(UInt8(ascii: "\""))
            }
        }
        output.append(UInt8(ascii: ">"))
    }

    private static func endTag(_ name: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "<"))
        output.append(UInt8(ascii: "/"))
        append(name, to: &output)
        output.append(UInt8(ascii: ">"))
    }

    /// Copies a name's bytes in one go: appending a `String.UTF8View` goes byte by byte.
    private static func append(_ text: String, to output: inout [UInt8]) {
        withUTF8Bytes(of: text) { output.append(contentsOf: $0) }
    }

    /// Escapes the five characters that could end a text or an attribute value; the runs between
    /// them, most text whole, are copied as they are.
    static func escape(_ text: String, into output: inout [UInt8], quotes: Bool) {
        withUTF8Bytes(of: text) { bytes in
            var start = 0
            for index in bytes.indices {
                let entity: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\"") where quotes: entity = "&quot;"
                case UInt8(ascii: "'") where quotes: entity = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }
}
