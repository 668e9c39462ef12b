/// Text that tries to become markup, script or SQL in every field a person can type, and a
/// tokenizer that reads HTML the way a browser splits it into tags, to find what got through.
public enum Payloads {
    public static let all = [
        "'); DROP TABLE findings; --",
        "Robert'); DROP TABLE audit;--",
        "1; DELETE FROM settings; --",
        "' OR '1'='1",
        "%' OR 1=1 --",
        "<svg onload=alert(1)>",
        "<svg><script>alert(2)</script></svg>",
        "</textarea><script>alert(3)</script>",
        "</title></script><script>alert(4)</script>",
        "\" onmouseover=\"x",
        "' onfocus='alert(5)' autofocus='",
        "javascript:alert(6)",
        " JaVaScRiPt:alert(7)",
        "<a href=\"javascript:alert(8)\">klik</a>",
        "<img src=x onerror=alert(9)>",
        "<iframe srcdoc=\"<script>alert(10)</script>\"></iframe>",
        "<style>body{display:none}</style>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(11)>",
        "]]><!--<script>alert(12)</script>-->",
        "<!-- -->--><script>alert(13)</script>",
        "&lt;script&gt;alert(14)&lt;/script&gt;",
        "&#60;script&#62;alert(15)",
        "{{constructor.constructor('alert(16)')()}}",
        "${alert(17)}`-alert(18)-`",
        "<base href=\"https://example.org/\"><form action=javascript:alert(19)><input autofocus>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(20)\">",
        // Odd Unicode, without NUL: combining marks, joiners, right-to-left override, a byte order
        // mark, a ligature, dotted capital I, astral letters, line and paragraph separators. No C0
        // or C1 control (NEL was here): those are refused as text, see `TextRules`.
        "Zo\u{0301}e\u{200D}\u{1F469}\u{1F3FD}\u{200D}\u{1F52C} \u{202E}lmth.exe\u{202C} 日本語 עברית \u{FEFF}ﬃ İ ß \u{1D518}\u{2028}\u{2029}ǅ",
    ]
}

public enum HTMLTokens {
    public struct Tag: Sendable {
        public let name: String
        public let attributes: [(name: String, value: String)]
        /// The text of a raw-text element (script, style), or of title and textarea.
        public let rawText: String?

        public func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }

        /// The tag's shape: its name and the names of its attributes.
        public var shape: String { ([name] + attributes.map(\.name).sorted()).joined(separator: " ") }
    }

    /// The start tags of a document, in order, tokenized the way HTML5 does for the parts a page
    /// can hold: comments, the doctype, quoted and unquoted attributes, raw text in script and
    /// style, escapable raw text in title and textarea.
    public static func tags(_ html: String) -> [Tag] {
        let bytes = Array(html.utf8)
        var tags: [Tag] = []
        var index = 0
        func at(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        func isLetter(_ byte: UInt8?) -> Bool { byte.map { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) } ?? false }
        func isSpace(_ byte: UInt8) -> Bool { [0x20, 0x09, 0x0A, 0x0C, 0x0D].contains(byte) }
        func find(_ needle: String, from start: Int, caseInsensitive: Bool = false) -> Int? {
            let pattern = Array((caseInsensitive ? needle.lowercased() : needle).utf8)
            guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
            var position = start
            while position + pattern.count <= bytes.count {
                var matches = true
                for (offset, byte) in pattern.enumerated() {
                    let candidate = caseInsensitive && (0x41...0x5A).contains(bytes[position + offset]) ? bytes[position + offset] + 32
                        : bytes[position + offset]
                    if candidate != byte { matches = false; break }
                }
                if matches { return position }
                position += 1
            }
            return nil
        }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if at(1) == UInt8(ascii: "!") {
                if at(2) == UInt8(ascii: "-"), at(3) == UInt8(ascii: "-") {
                    index = (find("-->", from: index + 4).map { $0 + 3 }) ?? bytes.count
                } else {
                    index = (find(">", from: index + 2).map { $0 + 1 }) ?? bytes.count
                }
                continue
            }
            if at(1) == UInt8(ascii: "/") {
                index = isLetter(at(2)) ? (find(">", from: index + 2).map { $0 + 1 } ?? bytes.count) : index + 2
                continue
            }
            guard isLetter(at(1)) else { index += 1; continue }
            // The tag name.
            var position = index + 1
            while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: "/"),
                  bytes[position] != UInt8(ascii: ">") { position += 1 }
            let name = text(index + 1..<position).lowercased()
            // The attributes.
            var attributes: [(name: String, value: String)] = []
            while position < bytes.count {
                while position < bytes.count, isSpace(bytes[position]) || bytes[position] == UInt8(ascii: "/") { position += 1 }
                guard position < bytes.count, bytes[position] != UInt8(ascii: ">") else { break }
                let nameStart = position
                position += 1
                while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: "/"),
                      bytes[position] != UInt8(ascii: ">"), bytes[position] != UInt8(ascii: "=") { position += 1 }
                let attributeName = text(nameStart..<position).lowercased()
                while position < bytes.count, isSpace(bytes[position]) { position += 1 }
                var value = ""
                if position < bytes.count, bytes[position] == UInt8(ascii: "=") {
                    position += 1
                    while position < bytes.count, isSpace(bytes[position]) { position += 1 }
                    if position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") {
                        let quote = bytes[position]
                        let end = bytes[(position + 1)...].firstIndex(of: quote) ?? bytes.count
                        value = text(position + 1..<end)
                        position = min(bytes.count, end + 1)
                    } else {
                        let start = position
                        while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">") { position += 1 }
                        value = text(start..<position)
                    }
                }
                attributes.append((attributeName, decode(value)))
            }
            index = min(bytes.count, position + 1)
            var rawText: String?
            if ["script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript"].contains(name) {
                let end = find("</" + name, from: index, caseInsensitive: true) ?? bytes.count
                rawText = text(index..<end)
                index = end
            }
            tags.append(Tag(name: name, attributes: attributes, rawText: rawText))
        }
        return tags
    }

    /// Character references as a browser resolves them in attribute values: the named ones a
    /// page uses and numeric ones.
    public static func decode(_ value: String) -> String {
        guard value.contains("&") else { return value }
        var result = ""
        var rest = Substring(value)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[ampersand...]
            let entity = rest.dropFirst().prefix { $0 != ";" && $0 != "&" && !$0.isWhitespace }
            let named = ["quot": "\"", "amp": "&", "lt": "<", "gt": ">", "apos": "'", "colon": ":", "Tab": "\t", "NewLine": "\n"]
            var replacement: String?
            if let character = named[String(entity)] {
                replacement = character
            } else if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let code = UInt32(entity.dropFirst(2), radix: 16) {
                replacement = Unicode.Scalar(code).map { String($0) }
            } else if entity.hasPrefix("#"), let code = UInt32(entity.dropFirst()) {
                replacement = Unicode.Scalar(code).map { String($0) }
            }
            if let replacement {
                result += replacement
                rest = rest.dropFirst(1 + entity.count)
                if rest.first == ";" { rest = rest.dropFirst() }
            } else {
                result += "&"
                rest = rest.dropFirst()
            }
        }
        return result + rest
    }

    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "srcdoc"]
    static let forbiddenElements: Set<String> = [
        "iframe", "object", "embed", "textarea", "math", "base", "form", "input", "button", "frame", "frameset", "applet",
        "xmp", "noembed", "noframes", "template", "mglyph", "mtext",
    ]

    /// Everything in a page that user text could have made: event handlers, script URLs,
    /// scripts that are not the site's own, elements no page of the site uses, attribute names
    /// that only broken quoting makes, and any of `typed` inside a script or style.
    public static func problems(in html: String, typed: [String] = []) -> [String] {
        var found: [String] = []
        for tag in tags(html) {
            if forbiddenElements.contains(tag.name) { found.append("a <\(tag.name)> element") }
            if tag.name == "meta", tag.attribute("http-equiv") != nil { found.append("a <meta http-equiv>") }
            if tag.name == "script" {
                if tag.attribute("src") != "assets/site.js" { found.append("a script that is not the site's: \(tag.attributes)") }
                if let content = tag.rawText, !content.isEmpty { found.append("inline script: \(content.prefix(80))") }
            }
            if tag.name == "style" || tag.name == "script", let content = tag.rawText {
                for text in typed where text.count > 3 && content.contains(text) {
                    found.append("typed text inside <\(tag.name)>: \(text)")
                }
            }
            for (name, value) in tag.attributes {
                if name.hasPrefix("on") { found.append("event attribute \(name) on <\(tag.name)>") }
                if name.isEmpty || !name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == ":" || $0 == "_" }) || !name.isASCII {
                    found.append("attribute name '\(name)' on <\(tag.name)>")
                }
                if urlAttributes.contains(name) {
                    let squeezed = String(value.unicodeScalars.filter { $0.value > 0x20 }.map(Character.init)).lowercased()
                    for scheme in ["javascript:", "vbscript:", "data:text/html"] where squeezed.hasPrefix(scheme) {
                        found.append("\(name)=\"\(value)\" on <\(tag.name)>")
                    }
                }
                if name == "style", value.lowercased().contains("expression(") || value.lowercased().contains("url(") {
                    found.append("style=\"\(value)\" on <\(tag.name)>")
                }
            }
        }
        return found
    }
}

extension String {
    var isASCII: Bool { utf8.allSatisfy { $0 < 0x80 } }
}
