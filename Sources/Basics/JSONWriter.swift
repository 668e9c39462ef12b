// MARK: - Serialization

/// Writes a top-level array of objects that share their keys, one at a time, with exactly the
/// output of `JSON.array(...).serialized(pretty:)`: for lists of thousands of records, without a
/// tree of `JSON` values in between.
public struct JSONListWriter {
    private var writer: JSONWriter
    private var count = 0

    public init(pretty: Bool, capacity: Int = 1 << 16) {
        writer = JSONWriter(pretty: pretty, capacity: capacity)
    }

    public mutating func append(keys: [String], values: [JSON]) {
        writer.beginElement(first: count == 0)
        writer.writeObject(keys: keys, values: values, depth: 1)
        count += 1
    }

    public mutating func finish() -> String {
        writer.endArray(empty: count == 0)
        return writer.finish()
    }
}

extension JSON {
    /// The compact form has no whitespace at all. The pretty form indents by two spaces,
    /// puts one member or element per line, writes empty containers as `{}` and `[]`, and
    /// has no trailing newline so callers decide how to terminate it.
    public func serialized(pretty: Bool = false) -> String {
        var writer = JSONWriter(pretty: pretty, capacity: estimatedSize(pretty: pretty))
        writer.write(self, depth: 0)
        return writer.finish()
    }

    /// A cheap guess at the output size so the buffer is allocated once in the common case.
    private func estimatedSize(pretty: Bool) -> Int {
        switch self {
        case .null: return 4
        case .bool: return 5
        case .int: return 8
        case .double: return 12
        case .string(let text): return text.utf8.count + 2
        case .array(let elements):
            var total = 2
            for element in elements {
                total += element.estimatedSize(pretty: pretty) + (pretty ? 8 : 1)
            }
            return total
        case .object(let members):
            var total = 2
            for member in members {
                total += member.key.utf8.count + 4 + member.value.estimatedSize(pretty: pretty) + (pretty ? 9 : 0)
            }
            return total
        }
    }
}

/// Writes UTF-8 into a byte buffer and makes one `String` at the end. Appending bytes is
/// several times cheaper than appending many short `String`s, which matters when a few
/// hundred thousand records are written in one go.
struct JSONWriter {
    private var bytes: [UInt8] = []
    private let pretty: Bool
    private var indentation: [UInt8] = []

    init(pretty: Bool, capacity: Int) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    func finish() -> String {
        // Every byte written is either ASCII or copied from a valid `String`, so this
        // decoding never has to repair anything.
        String(decoding: bytes, as: UTF8.self)
    }

    mutating func write(_ value: JSON, depth: Int) {
        switch value {
        case .null:
            appendASCII("null")
        case .bool(let flag):
            appendASCII(flag ? "true" : "false")
        case .int(let number):
            appendInteger(number)
        case .double(let number):
            appendDouble(number)
        case .string(let text):
            appendQuoted(text)
        case .array(let elements):
            guard !elements.isEmpty else {
                appendASCII("[]")
                return
            }
            bytes.append(JSONByte.openBracket)
            var first = true
            for element in elements {
                if first {
                    first = false
                } else {
                    bytes.append(JSONByte.comma)
                }
                if pretty { newline(depth: depth + 1) }
                write(element, depth: depth + 1)
            }
            if pretty { newline(depth: depth) }
            bytes.append(JSONByte.closeBracket)
        case .object(let members):
            writeObject(keys: members.keys, values: members.values, depth: depth)
        }
    }

    /// An object from parallel arrays, so records that share their keys need no `JSONObject`.
    mutating func writeObject(keys: [String], values: [JSON], depth: Int) {
        guard !keys.isEmpty else {
            appendASCII("{}")
            return
        }
        bytes.append(JSONByte.openBrace)
        for (position, (key, value)) in zip(keys, values).enumerated() {
            if position > 0 { bytes.append(JSONByte.comma) }
            if pretty { newline(depth: depth + 1) }
            appendQuoted(key)
            bytes.append(JSONByte.colon)
            if pretty { bytes.append(JSONByte.space) }
            write(value, depth: depth + 1)
        }
        if pretty { newline(depth: depth) }
        bytes.append(JSONByte.closeBrace)
    }

    /// Opens or continues a top-level array, element by element.
    mutating func beginElement(first: Bool) {
        bytes.append(first ? JSONByte.openBracket : JSONByte.comma)
        if pretty { newline(depth: 1) }
    }

    mutating func endArray(empty: Bool) {
        if empty {
            appendASCII("[]")
            return
        }
        if pretty { newline(depth: 0) }
        bytes.append(JSONByte.closeBracket)
    }

    @inline(__always)
    private mutating func appendASCII(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func newline(depth: Int) {
        bytes.append(JSONByte.newline)
        let width = depth * 2
        while indentation.count < width {
            indentation.append(JSONByte.space)
        }
        indentation.withUnsafeBufferPointer { spaces in
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: spaces[0..<width]))
        }
    }

    private mutating func appendInteger(_ number: Int64) {
        // Digits are produced backwards into a fixed buffer; working with the magnitude as
        // UInt64 covers Int64.min, whose negation does not fit in Int64.
        var magnitude = number.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // 24 bytes, room for 20 digits
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                count += 1
                buffer[24 - count] = JSONByte.zero + UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude != 0
        }
        if number < 0 {
            bytes.append(JSONByte.minus)
        }
        withUnsafeBytes(of: &digits) { buffer in
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }

    /// Swift's `description` is the shortest text that reads back as the same `Double`,
    /// and for finite values it is always valid JSON (`2.0`, `0.1`, `1e-05`, `1.5e+20`).
    /// Integral values keep their `.0`, which is what makes them parse back as `.double`.
    private mutating func appendDouble(_ number: Double) {
        guard number.isFinite else {
            // JSON has no NaN or infinity; null is what JavaScript writes for them too.
            appendASCII("null")
            return
        }
        bytes.append(contentsOf: number.description.utf8)
    }

    private mutating func appendQuoted(_ text: String) {
        bytes.append(JSONByte.quote)
        withUTF8Bytes(of: text) { appendEscaped($0) }
        bytes.append(JSONByte.quote)
    }

    /// Only `"`, `\` and control characters are escaped; everything else goes out as
    /// UTF-8, unchanged, in runs so the common no-escape case is a single copy.
    private mutating func appendEscaped(_ source: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in source.indices {
            let byte = source[index]
            guard byte < 0x20 || byte == JSONByte.quote || byte == JSONByte.backslash else { continue }
            if runStart < index {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
            }
            runStart = index + 1
            switch byte {
            case JSONByte.quote: appendASCII("\\\"")
            case JSONByte.backslash: appendASCII("\\\\")
            case JSONByte.newline: appendASCII("\\n")
            case JSONByte.tab: appendASCII("\\t")
            case JSONByte.carriageReturn: appendASCII("\\r")
            case 0x08: appendASCII("\\b")
            case 0x0C: appendASCII("\\f")
            default:
                appendASCII("\\u00")
                bytes.append(Self.hexDigit(byte >> 4))
                bytes.append(Self.hexDigit(byte & 0x0F))
            }
        }
        if runStart < source.count {
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart...]))
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? JSONByte.zero + value : UInt8(ascii: "a") + value - 10
    }

    /// Escapes a string for use inside an error message.
    static func escapedContents(of text: String) -> String {
        var writer = JSONWriter(pretty: false, capacity: text.utf8.count)
        withUTF8Bytes(of: text) { writer.appendEscaped($0) }
        return writer.finish()
    }
}
