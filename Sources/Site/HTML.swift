/// HTML as a tree of typed nodes. Text and attribute values are escaped when the tree is
/// rendered, so nothing a person typed can become markup: there is no way to put raw text in.
public indirect enum Node: Sendable {
    case element(String, [Attribute], [Node])
    case text(String)
    case group([Node])

    public static let empty = Node.group([])

    /// Elements that have no end tag.
    static let voidElements: Set<String> = ["area", "br", "col", "hr", "img", "input", "link", "meta", "source", "wbr"]
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
    .element(name, attributes, [content()])
}

/// A link; `href` is built by the site from ids and slugs, its text is escaped like any text.
public func link(_ href: String, _ attributes: [Attribute] = [], @HTMLBuilder _ content: () -> Node) -> Node {
    .element("a", [.href(href)] + attributes, [content()])
}

extension Node {
    public func render() -> String {
        var output = ""
        output.reserveCapacity(8_192)
        render(into: &output)
        return output
    }

    public func render(into output: inout String) {
        switch self {
        case .text(let text):
            Node.escape(text, into: &output, quotes: false)
        case .group(let nodes):
            for node in nodes { node.render(into: &output) }
        case .element(let name, let attributes, let children):
            output += "<"
            output += name
            for attribute in attributes {
                output += " "
                output += attribute.name
                if let value = attribute.value {
                    output += "=\""
                    Node.escape(value, into: &output, quotes: true)
                    output += "\""
                }
            }
            output += ">"
            guard !Node.voidElements.contains(name) else { return }
            for child in children { child.render(into: &output) }
            output += "</"
            output += name
            output += ">"
        }
    }

    /// Escapes the five characters that could end a text or an attribute value. Most text has
    /// none of them, so it is appended in one piece.
    static func escape(_ text: String, into output: inout String, quotes: Bool) {
        let needsEscaping = text.utf8.contains { $0 == 38 || $0 == 60 || $0 == 62 || (quotes && ($0 == 34 || $0 == 39)) }
        guard needsEscaping else {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where quotes: output += "&quot;"
            case "'" where quotes: output += "&#39;"
            default: output.unicodeScalars.append(scalar)
            }
        }
    }
}
